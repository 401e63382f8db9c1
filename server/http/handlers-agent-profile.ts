/** Route name → domain call for 批量导入客服 (rest-agent-import.ts) and 头像 (rest-avatars.ts). */
import type { agentImportRoutes } from '../../shared/protocol/rest-agent-import.js';
import type { avatarRoutes } from '../../shared/protocol/rest-avatars.js';
import type { DomainContext } from '../domain/context.js';
import { importAgents } from '../domain/admin/agents-import.js';
import { readAvatar, removeAvatar, setAvatar } from '../domain/avatars.js';
import type { Handlers } from './register-routes.js';

export function createAgentProfileHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof agentImportRoutes | keyof typeof avatarRoutes> {
  return {
    importAgents: ({ principal, body }) => importAgents(ctx, principal.agent, body),
    setAgentAvatar: ({ principal, params, body }) => setAvatar(ctx, { agentId: params.id, actor: principal.agent }, body.dataBase64),
    removeAgentAvatar: ({ principal, params }) => removeAvatar(ctx, { agentId: params.id, actor: principal.agent }),
    setMyAvatar: ({ principal, body }) => setAvatar(ctx, { agentId: principal.agent.id, actor: principal.agent, own: true }, body.dataBase64),
    removeMyAvatar: ({ principal }) => removeAvatar(ctx, { agentId: principal.agent.id, actor: principal.agent, own: true }),
    getAvatar: ({ params, reply }) => {
      const { bytes, mime } = readAvatar(ctx, params.id);
      // A picture and nothing else: no sniffing, no script, shown inline; its id changes with the picture, so it never goes stale.
      reply.header('Content-Type', mime);
      reply.header('X-Content-Type-Options', 'nosniff');
      reply.header('Content-Security-Policy', "sandbox; default-src 'none'");
      reply.header('Content-Disposition', 'inline');
      reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      return reply.send(bytes);
    },
  };
}
