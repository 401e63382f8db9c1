/** 推送评价 (by the agent, or by itself at the end when the company says so): once per conversation; the visitor rates once. */
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
    requestEvaluation(ctx, conversation);
    emitConversationUpdated(ctx, id);
    return ctx.store.conversations.byId(id)!;
  });
}

/** Inside a transaction: the visitor's widget shows the satisfaction form (evaluationPushed + the event). */
function requestEvaluation(ctx: DomainContext, conversation: ConversationRow): void {
  ctx.store.conversations.update(conversation.id, { evaluationPushed: true });
  ctx.store.events.append({ type: 'evaluation.requested', conversationId: conversation.id }, [audience.visitor(conversation.visitorId)], ctx.clock());
}

/**
 * Inside the ending transaction (lifecycle.ts end): when the company asks by itself
 * (evaluationAutoAsk), a conversation an agent served asks the visitor to rate as it ends — unless
 * the agent already pushed the form. One that never reached an agent has nobody to rate.
 */
export function askEvaluationAtEnd(ctx: DomainContext, conversation: ConversationRow): void {
  if (!ctx.settings().evaluationAutoAsk || conversation.agentId === null || conversation.evaluationPushed) return;
  requestEvaluation(ctx, conversation);
}

/** The visitor's rating for their latest conversation whose evaluation was pushed. */
export function evaluate(ctx: DomainContext, principal: Principal, rating: number, comment: string): ConversationRow {
  const { visitor } = requireVisitor(principal);
  return ctx.store.transaction(() => {
    const pushed = ctx.store.conversations.list({ visitorId: visitor.id, limit: 50 }).find((c) => c.evaluationPushed);
    if (!pushed) return refuse('INVALID_STATE', 'No evaluation was requested');
    if (pushed.evaluationAt !== null) refuse('ALREADY_EVALUATED', 'You already rated this conversation');
    // The level is what is stored (its label is the company's wording of the moment); a comment only where one is offered.
    if (comment.trim() !== '' && !ctx.settings().evaluationCommentEnabled) {
      refuse('VALIDATION_FAILED', 'Comments are not taken with ratings', { comment: 'comments are off' });
    }
    ctx.store.conversations.update(pushed.id, { evaluationRating: rating, evaluationComment: comment.trim(), evaluationAt: ctx.clock() });
    emitConversationUpdated(ctx, pushed.id);
    return ctx.store.conversations.byId(pushed.id)!;
  });
}
