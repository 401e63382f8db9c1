/** Supervision rows → the shapes of shared/protocol/rest-supervision.ts. */
import type { LiveConversation, ReviewMark, Whisper } from '../../../shared/index.js';
import type { ConversationRow } from '../../store/types.js';
import type { ReviewRow, WhisperRow } from '../../store/supervision-types.js';
import type { DomainContext } from '../context.js';
import { toConversation } from '../dto.js';

export function toWhisper(row: WhisperRow): Whisper {
  return {
    id: row.id,
    conversationId: row.conversationId,
    clientId: row.clientId,
    from: row.fromRole,
    authorId: row.authorId,
    authorName: row.authorName,
    text: row.text,
    createdAt: row.createdAt,
  };
}

export function toReviewMark(row: ReviewRow | undefined): ReviewMark | null {
  return row ? { note: row.note, markedById: row.markedById, markedByName: row.markedByName, markedAt: row.markedAt } : null;
}

/**
 * Since when the visitor waits: in the queue since they joined it; in a chat since the message the
 * agent has not answered yet (the last one — the store keeps the last visitor and agent times).
 */
export function waitingSince(row: ConversationRow): number | null {
  if (row.state === 'queued') return row.queuedAt ?? row.createdAt;
  if (row.state !== 'active' || row.lastVisitorMessageAt === null) return null;
  return row.lastVisitorMessageAt > (row.lastAgentMessageAt ?? 0) ? row.lastVisitorMessageAt : null;
}

/** When the agent last spoke, or since when they could have (assigned): the no-reply clock. */
export const lastReplyClock = (row: ConversationRow): number => row.lastAgentMessageAt ?? row.assignedAt ?? row.createdAt;

export function toLiveConversation(ctx: DomainContext, row: ConversationRow, review: ReviewRow | undefined): LiveConversation {
  return { ...toConversation(ctx, row), waitingSince: waitingSince(row), lastAgentMessageAt: row.lastAgentMessageAt, review: toReviewMark(review) };
}
