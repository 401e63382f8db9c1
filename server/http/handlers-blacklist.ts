/** Route name → domain call for the blacklist's routes (shared/protocol/rest-blacklist.ts). */
import type { blacklistRoutes } from '../../shared/protocol/rest-blacklist.js';
import type { DomainContext } from '../domain/context.js';
import { addBlacklist, blacklistConversationVisitor, listBlacklist, removeBlacklist } from '../domain/blacklist/entries.js';
import { isNumberBlocked } from '../domain/blacklist/enforcement.js';
import type { Handlers } from './register-routes.js';

export function createBlacklistHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof blacklistRoutes> {
  return {
    listBlacklist: ({ query }) => listBlacklist(ctx, query),
    addBlacklist: ({ principal, body }) => addBlacklist(ctx, principal.agent, body),
    removeBlacklist: ({ principal, params }) => {
      removeBlacklist(ctx, principal.agent, params.id);
      return { ok: true as const };
    },
    blacklistVisitor: ({ principal, body }) => blacklistConversationVisitor(ctx, principal, body),
    checkBlockedNumber: ({ query }) => ({ blocked: isNumberBlocked(ctx, query.number) }),
  };
}
