/** 加入黑名单 from the workstation: straight to the server, which decides who may (never cached). */
import { ok } from '../../../shared/errors.js';
import type { Agent } from '../../../shared/domain.js';
import type { RestClient } from '../api/rest-client.js';
import type { Reply, Request } from '../ipc/invoke-types.js';
import type { Remote } from '../workstation-core.js';

export interface BlacklistService {
  canAdd(): Reply<'blacklist:can-add'>;
  addVisitor(request: Request<'blacklist:add-visitor'>): Reply<'blacklist:add-visitor'>;
}

export function createBlacklistService({
  rest,
  remote,
  agent,
}: {
  rest: Pick<RestClient, 'call'>;
  remote: Remote;
  agent: () => Agent | null;
}): BlacklistService {
  return {
    async canAdd() {
      if (agent()?.role === 'admin') return ok(true);
      const settings = remote(await rest.call('getSettings'));
      return settings.ok ? ok(settings.value.agentsMayBlacklist) : settings;
    },
    addVisitor: async ({ conversationId, reason }) => remote(await rest.call('blacklistVisitor', { body: { conversationId, reason } })),
  };
}
