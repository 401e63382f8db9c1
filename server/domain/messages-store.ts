/** Appending a message to a conversation: the one place seq and last-message times move. */
import { uuidv7 } from '../../shared/index.js';
import type { ConversationPatch, ConversationRow, MessageRow } from '../store/types.js';
import type { DomainContext } from './context.js';

/** `loaded`: the conversation row the caller read in this same transaction, to skip reading it again. */
export function appendMessage(ctx: DomainContext, fields: Omit<MessageRow, 'id' | 'seq' | 'createdAt'>, loaded?: ConversationRow): MessageRow {
  const conversation = loaded?.id === fields.conversationId ? loaded : ctx.store.conversations.byId(fields.conversationId);
  if (!conversation) throw new Error(`conversation ${fields.conversationId} vanished`);
  const now = ctx.clock();
  const row: MessageRow = { ...fields, id: uuidv7(now), seq: conversation.lastMessageSeq + 1, createdAt: now };
  ctx.store.messages.insert(row);
  ctx.store.conversations.update(row.conversationId, conversationPatchFor(row));
  return row;
}

/** What appending `row` changes in its conversation (appendMessage writes it; a group commit keeps its copy of the row current with it). */
export function conversationPatchFor(row: MessageRow): ConversationPatch {
  return {
    lastMessageSeq: row.seq,
    lastMessageAt: row.createdAt,
    ...(row.sender === 'agent' ? { lastAgentMessageAt: row.createdAt, awaitingVisitor: true } : {}),
    // 有效 as soon as the visitor said something.
    ...(row.sender === 'visitor' ? { lastVisitorMessageAt: row.createdAt, valid: true, awaitingVisitor: false } : {}),
  };
}

/** A system line both sides see (转接, 结束 …). */
export function appendSystemMessage(ctx: DomainContext, conversationId: string, text: string): MessageRow {
  return appendMessage(ctx, {
    conversationId,
    clientId: uuidv7(ctx.clock()),
    sender: 'system',
    senderId: null,
    senderName: '系统',
    kind: 'system',
    text,
    attachmentId: null,
  });
}
