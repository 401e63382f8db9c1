/** 标记待复核: a supervisor marks a conversation (open or ended) for review with a note; the records show it. */
import type { LiveConversation, ReviewBody } from '../../../shared/index.js';
import type { DomainContext } from '../context.js';
import { recordAudit } from '../admin/audit.js';
import type { ConsoleActor } from '../admin/console-scope.js';
import { supervisedConversation } from './scope.js';
import { toLiveConversation } from './dto.js';

export function markForReview(ctx: DomainContext, actor: ConsoleActor & { nickname: string }, id: string, body: ReviewBody): LiveConversation {
  return ctx.store.transaction(() => {
    const row = supervisedConversation(ctx, actor, id);
    const before = ctx.store.reviews.byConversation(id);
    const mark = { conversationId: id, note: body.note, markedById: actor.id, markedByName: actor.nickname, markedAt: ctx.clock() };
    ctx.store.reviews.put(mark);
    recordAudit(ctx, actor, 'conversation.review', { type: 'conversation', id }, before ? { note: before.note } : null, { note: mark.note });
    return toLiveConversation(ctx, row, mark);
  });
}
