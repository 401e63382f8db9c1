/** Sending and reading messages; the one sendMessage used by REST and realtime alike. */
import type { Message, SendMessageBody } from '../../shared/index.js';
import type { DomainContext, Principal } from './context.js';
import { mayHandle, readableConversation } from './access.js';
import { refuse } from './errors.js';
import { emitMessageCreatedIn } from './events.js';
import { toMessage } from './dto.js';
import { appendMessage, conversationPatchFor } from './messages-store.js';
import type { BeforeSend, ConversationRow } from '../store/types.js';

export interface SendResult {
  message: Message;
  /** False when the clientId was already stored: the same message is returned, nothing new written. */
  created: boolean;
  /** The conversation row as this send left it. */
  conversation: ConversationRow;
}

/**
 * Stores a message once per clientId (idempotent), then its durable event, in one transaction.
 * `found`: what a group commit already read for this send inside the same transaction.
 */
export function sendMessage(ctx: DomainContext, principal: Principal, conversationId: string, body: SendMessageBody, found?: BeforeSend): SendResult {
  return ctx.store.transaction(() => {
    found ??= ctx.store.messages.beforeSend(conversationId, body.clientId);
    const conversation = mayHandle(principal, found.conversation);
    const senderId = principal.kind === 'visitor' ? principal.visitor.id : principal.agent.id;
    const existing = found.existing;
    if (existing) {
      if (existing.conversationId !== conversationId || existing.senderId !== senderId) {
        refuse('CONFLICT', 'This clientId was already used for another message');
      }
      return { message: toMessage(ctx, existing), created: false, conversation };
    }
    if (conversation.state === 'ended') refuse('INVALID_STATE', 'This conversation has ended');
    if (principal.kind === 'staff' && conversation.state !== 'active') refuse('INVALID_STATE', 'Accept the conversation before replying');

    let text: string;
    let attachmentId: string | null = null;
    let style: string | null = null;
    if (body.kind === 'text') {
      text = body.text;
      // 字体设置 is the agent's; the schema has already checked every field of it.
      if (body.style && principal.kind === 'visitor') refuse('VALIDATION_FAILED', 'Only agents send a message style', { style: 'agents only' });
      if (body.style) style = JSON.stringify(body.style);
    } else {
      const attachment = ctx.store.attachments.byId(body.attachmentId);
      // Another conversation's attachment looks the same as none at all.
      if (!attachment || attachment.conversationId !== conversationId) return refuse('NOT_FOUND', 'No such attachment in this conversation');
      if (body.kind === 'image' && !attachment.isImage) refuse('VALIDATION_FAILED', 'This attachment is not an image', { attachmentId: 'not an image' });
      text = attachment.name;
      attachmentId = attachment.id;
    }
    const row = appendMessage(
      ctx,
      {
        conversationId,
        clientId: body.clientId,
        sender: principal.kind === 'visitor' ? 'visitor' : 'agent',
        senderId,
        senderName: principal.kind === 'visitor' ? principal.visitor.name : principal.agent.nickname,
        kind: body.kind,
        text,
        attachmentId,
        style,
      },
      conversation,
    );
    return { message: emitMessageCreatedIn(ctx, conversation, row), created: true, conversation: { ...conversation, ...conversationPatchFor(row) } };
  });
}

export function listMessages(ctx: DomainContext, principal: Principal, conversationId: string, afterSeq: number, limit: number): Message[] {
  readableConversation(ctx, principal, conversationId);
  return ctx.store.messages.list(conversationId, afterSeq, limit).map((row) => toMessage(ctx, row));
}
