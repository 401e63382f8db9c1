/**
 * 头像 in the workstation: pictures go to the page as base64 (the page has no token and loads
 * nothing from the server itself — the same way as a message's attachments), and the agent sets
 * or removes their own (我的头像). The server checks the bytes and the size; its answer — the agent
 * with the new avatarId — becomes the session's agent, so the header shows it at once.
 */
import { ok, type Result } from '../../../shared/errors.js';
import type { Agent } from '../../../shared/domain.js';
import { avatarPath } from '../../../shared/protocol/rest-avatars.js';
import type { RestClient } from '../api/rest-client.js';
import type { Reply, Request } from '../ipc/invoke-types.js';
import type { Remote } from '../workstation-core.js';

export interface AvatarService {
  picture(request: Request<'avatars:get'>): Reply<'avatars:get'>;
  setMine(request: Request<'avatars:set-mine'>): Reply<'avatars:set-mine'>;
  removeMine(): Reply<'avatars:remove-mine'>;
}

export interface AvatarServiceDeps {
  rest: Pick<RestClient, 'call' | 'download'>;
  remote: Remote;
  /** The server's word on this agent: the session keeps it and the page hears it (agent:updated). */
  agentChanged(agent: Agent): void;
}

export function createAvatarService({ rest, remote, agentChanged }: AvatarServiceDeps): AvatarService {
  const changed = (result: Result<Agent>): Result<Agent> => {
    if (result.ok) agentChanged(result.value);
    return result;
  };
  return {
    async picture({ avatarId }) {
      const result = remote(await rest.download(avatarPath(avatarId)));
      if (!result.ok) return result;
      return ok({ mime: result.value.mime, dataBase64: result.value.bytes.toString('base64') });
    },
    setMine: async ({ dataBase64 }) => changed(remote(await rest.call('setMyAvatar', { body: { dataBase64 } }))),
    removeMine: async () => changed(remote(await rest.call('removeMyAvatar'))),
  };
}
