/**
 * Applies one durable realtime event to the cache and stores its seq in the SAME transaction, so
 * a crash can never leave an event applied but not counted (or counted but not applied). What the
 * renderer must hear is emitted only after the commit.
 */
import { assertNever } from '../../../shared/errors.js';
import type { DurableEvent } from '../../../shared/protocol/realtime.js';
import type { Db } from '../cache/database.js';
import {
  deleteConversation,
  getConversation,
  incrementUnread,
  toLocalConversation,
  upsertConversation,
} from '../cache/conversations-repo.js';
import { insertMessage } from '../cache/messages-repo.js';
import { deleteOutboxEntry } from '../cache/outbox-repo.js';
import { setLastSeq } from '../cache/sync-state-repo.js';
import type { WorkstationEvents } from '../workstation-events.js';
import { sentMessage } from './local-messages.js';

export interface EventApplierContext {
  db: Db;
  events: WorkstationEvents;
  agentId: () => string | null;
  /** Alerts only for live events, not for a catch-up replay of old ones. */
  alertsEnabled: () => boolean;
}

type Emission = () => void;

export function applyDurableEvent(ctx: EventApplierContext, seq: number, event: DurableEvent): void {
  const agentId = ctx.agentId();
  if (!agentId) throw new Error('no agent logged in');
  const emissions = ctx.db.transaction((): Emission[] => {
    const out = applyInTransaction(ctx, agentId, event);
    setLastSeq(ctx.db, agentId, seq);
    return out;
  })();
  for (const emit of emissions) emit();
}

function applyInTransaction(ctx: EventApplierContext, agentId: string, event: DurableEvent): Emission[] {
  const { db, events } = ctx;
  const alerts = ctx.alertsEnabled();
  switch (event.type) {
    case 'message.created': {
      const { message } = event;
      const isNew = insertMessage(db, message);
      // The stored message is as good as an ack (the ack itself may have been lost with the socket).
      deleteOutboxEntry(db, message.clientId);
      if (!isNew) return [];
      const conversation = getConversation(db, message.conversationId);
      const out: Emission[] = [() => events.emit('message:upserted', sentMessage(message))];
      if (conversation) {
        const updated = {
          ...conversation,
          lastMessageAt: Math.max(conversation.lastMessageAt ?? 0, message.createdAt),
          lastMessageSeq: Math.max(conversation.lastMessageSeq, message.seq),
        };
        upsertConversation(db, updated);
        const mine = updated.agentId === agentId;
        if (message.sender === 'visitor' && mine) incrementUnread(db, agentId, updated.id);
        const local = toLocalConversation(db, updated, agentId);
        out.push(() => events.emit('conversation:updated', local));
        if (alerts && mine && message.sender === 'visitor') {
          out.push(() =>
            events.emit('alert:raised', {
              kind: 'message-received',
              conversationId: updated.id,
              title: `${updated.roomNo} ${message.senderName}`,
              body: message.kind === 'text' ? message.text.slice(0, 100) : (message.attachment?.name ?? ''),
            }),
          );
        }
      }
      return out;
    }
    case 'conversation.updated': {
      const { conversation } = event;
      const previous = getConversation(db, conversation.id);
      upsertConversation(db, conversation);
      const local = toLocalConversation(db, conversation, agentId);
      const out: Emission[] = [() => events.emit('conversation:updated', local)];
      const newlyMine = conversation.agentId === agentId && conversation.state === 'active' && previous?.agentId !== agentId;
      if (alerts && newlyMine) {
        out.push(() =>
          events.emit('alert:raised', {
            kind: 'conversation-assigned',
            conversationId: conversation.id,
            title: conversation.roomNo,
            body: conversation.visitorName,
          }),
        );
      }
      return out;
    }
    case 'conversation.removed':
      deleteConversation(db, event.conversationId);
      return [() => events.emit('conversation:removed', { conversationId: event.conversationId })];
    case 'offline-message.updated':
      return [() => events.emit('offline-message:updated', event.offlineMessage)];
    case 'phrases.changed':
      // A hint only: the phrases services re-fetch the lists (public ones, or this agent's own).
      if (event.ownerId !== null && event.ownerId !== agentId) return [];
      return [() => events.emit('phrases:outdated', { ownerId: event.ownerId })];
    case 'evaluation.requested':
      // The agent learns this from the conversation.updated that comes with it (evaluationPushed).
      return [];
    default:
      return assertNever(event);
  }
}
