/** 推送评价: once per conversation; the visitor rates once. */
import type { DomainContext, Principal } from './context.js';
import type { ConversationRow } from '../store/types.js';
import { audience } from '../store/types.js';
import { handledConversation, requireStaff, requireVisitor } from './access.js';
import { refuse } from './errors.js';
import { emitConversationUpdated } from './events.js';

export function pushEvaluation(ctx: DomainContext, principal: Principal, id: string): ConversationRow {
  requireStaff(principal);
  return ctx.store.transaction(() => {
    const conversation = handledConversation(ctx, principal, id);
    if (conversation.state === 'queued') refuse('INVALID_STATE', 'Accept the conversation first');
    if (conversation.evaluationPushed) refuse('ALREADY_EVALUATED', 'The evaluation was already pushed for this conversation');
    ctx.store.conversations.update(id, { evaluationPushed: true });
    ctx.store.events.append({ type: 'evaluation.requested', conversationId: id }, [audience.visitor(conversation.visitorId)], ctx.clock());
    emitConversationUpdated(ctx, id);
    return ctx.store.conversations.byId(id)!;
  });
}

/** The visitor's rating for their latest conversation whose evaluation was pushed. */
export function evaluate(ctx: DomainContext, principal: Principal, rating: number, comment: string): ConversationRow {
  const { visitor } = requireVisitor(principal);
  return ctx.store.transaction(() => {
    const pushed = ctx.store.conversations.list({ visitorId: visitor.id, limit: 50 }).find((c) => c.evaluationPushed);
    if (!pushed) return refuse('INVALID_STATE', 'No evaluation was requested');
    if (pushed.evaluationAt !== null) refuse('ALREADY_EVALUATED', 'You already rated this conversation');
    ctx.store.conversations.update(pushed.id, { evaluationRating: rating, evaluationComment: comment.trim(), evaluationAt: ctx.clock() });
    emitConversationUpdated(ctx, pushed.id);
    return ctx.store.conversations.byId(pushed.id)!;
  });
}
