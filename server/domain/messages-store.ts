/** Appending a message to a conversation: the one place seq and last-message times move. */
import { uuidv7 } from '../../shared/index.js';
import type { ConversationRow, MessageRow } from '../store/types.js';
import type { DomainContext } from './context.js';

/** `loaded`: the conversation row the caller read in this same transaction, to skip reading it again. */
export function appendMessage(ctx: DomainContext, fields: Omit<MessageRow, 'id' | 'seq' | 'createdAt'>, loaded?: ConversationRow): MessageRow {
  const conversation = loaded?.id === fields.conversationId ? loaded : ctx.store.conversations.byId(fields.conversationId);
  if (!conversation) throw new Error(`conversation ${fields.conversationId} vanished`);
  const now = ctx.clock();
  const row: MessageRow = { ...fields, id: uuidv7(now), seq: conversation.lastMessageSeq + 1, createdAt: now };
  ctx.store.messages.insert(row);
  ctx.store.conversations.update(row.conversationId, {
    lastMessageSeq: row.seq,
    lastMessageAt: now,
    ...(row.sender === 'agent' ? { lastAgentMessageAt: now, awaitingVisitor: true } : {}),
    // 有效 as soon as the visitor said something.
    ...(row.sender === 'visitor' ? { lastVisitorMessageAt: now, valid: true, awaitingVisitor: false } : {}),
  });
  return row;
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
