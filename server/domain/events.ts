/** Durable events for conversation changes, with the audience each one is written for. */
import type { Message } from '../../shared/index.js';
import type { ConversationRow, MessageRow } from '../store/types.js';
import { audience, type Audience } from '../store/types.js';
import type { DomainContext } from './context.js';
import { toConversation, toMessage } from './dto.js';

/** The visitor, the assigned agent, and every agent while the conversation waits in the queue. */
export function conversationAudience(row: ConversationRow): Audience[] {
  const list = [audience.visitor(row.visitorId)];
  if (row.agentId) list.push(audience.agent(row.agentId));
  if (row.state === 'queued') list.push(audience.staff);
  return list;
}

export function emitConversationUpdated(ctx: DomainContext, id: string, extra: Audience[] = []): void {
  const row = ctx.store.conversations.byId(id);
  if (!row) return;
  ctx.store.events.append({ type: 'conversation.updated', conversation: toConversation(ctx, row) }, [...conversationAudience(row), ...extra], ctx.clock());
}

export function emitMessageCreated(ctx: DomainContext, message: MessageRow, extra: Audience[] = []): void {
  const row = ctx.store.conversations.byId(message.conversationId);
  if (!row) return;
  emitMessageCreatedIn(ctx, row, message, extra);
}

/**
 * The hot path's variant: the caller already holds the conversation row (its audience fields —
 * visitor, agent, state — are not changed by appending a message), so it is not read again.
 * Returns the message as clients see it, so the caller can ack with the same object.
 */
export function emitMessageCreatedIn(ctx: DomainContext, conversation: ConversationRow, message: MessageRow, extra: Audience[] = []): Message {
  const dto = toMessage(ctx, message);
  ctx.store.events.append({ type: 'message.created', message: dto }, [...conversationAudience(conversation), ...extra], ctx.clock());
  return dto;
}
