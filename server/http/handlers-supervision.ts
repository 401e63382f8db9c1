/** Route name → domain call for 对话监控 (shared/protocol/rest-supervision.ts). */
import type { supervisionRoutes } from '../../shared/protocol/rest-supervision.js';
import type { DomainContext } from '../domain/context.js';
import { toConversation } from '../domain/dto.js';
import { listLiveConversations, superviseConversation } from '../domain/supervision/live-list.js';
import { answerWhisper, listWhispers, whisperToAgent } from '../domain/supervision/whispers.js';
import { forceTransferConversation, takeOverConversation } from '../domain/supervision/interventions.js';
import { markForReview } from '../domain/supervision/review.js';
import type { Handlers } from './register-routes.js';

export function createSupervisionHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof supervisionRoutes> {
  return {
    listLiveConversations: ({ principal, query }) => listLiveConversations(ctx, principal.agent, query),
    superviseConversation: ({ principal, params }) => superviseConversation(ctx, principal.agent, params.id),
    whisperToAgent: ({ principal, params, body }) => whisperToAgent(ctx, principal.agent, params.id, body),
    takeOverConversation: ({ principal, params }) => toConversation(ctx, takeOverConversation(ctx, principal.agent, params.id)),
    forceTransferConversation: ({ principal, params, body }) => toConversation(ctx, forceTransferConversation(ctx, principal.agent, params.id, body)),
    markForReview: ({ principal, params, body }) => markForReview(ctx, principal.agent, params.id, body),
    listWhispers: ({ principal, params }) => listWhispers(ctx, principal, params.id),
    answerWhisper: ({ principal, params, body }) => answerWhisper(ctx, principal, params.id, body),
  };
}
