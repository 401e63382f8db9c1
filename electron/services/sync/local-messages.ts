/** How stored messages and outbox entries look to the renderer (LocalMessage). */
import type { Agent, Message } from '../../../shared/domain.js';
import type { LocalMessage } from '../../../shared/ipc/contract.js';
import type { Db } from '../cache/database.js';
import { listMessages } from '../cache/messages-repo.js';
import { conversationOutbox, type OutboxEntry } from '../cache/outbox-repo.js';

export const sentMessage = (message: Message): LocalMessage => ({ ...message, delivery: 'sent', failure: null });

/** An outbox entry shown before the server stored it: seq 0, id = clientId until the ack. */
export function outboxMessage(entry: OutboxEntry, agent: Pick<Agent, 'id' | 'nickname'>): LocalMessage {
  const isImage = entry.kind === 'image';
  return {
    id: entry.clientId,
    conversationId: entry.conversationId,
    seq: 0,
    clientId: entry.clientId,
    sender: 'agent',
    senderId: agent.id,
    senderName: agent.nickname,
    kind: entry.kind,
    text: entry.text,
    attachment:
      entry.attachment ??
      (entry.kind === 'text'
        ? null
        : { id: '', name: entry.fileName ?? '', size: entry.fileBytes?.length ?? 0, mime: isImage ? 'image/*' : 'application/octet-stream', isImage }),
    createdAt: entry.createdAt,
    ...(entry.style ? { style: entry.style } : {}),
    delivery: entry.state,
    failure: entry.failure,
  };
}

/** Stored messages in seq order, then the agent's unacknowledged ones in the order written. */
export function conversationMessages(db: Db, conversationId: string, agent: Pick<Agent, 'id' | 'nickname'>): LocalMessage[] {
  return [...listMessages(db, conversationId).map(sentMessage), ...conversationOutbox(db, conversationId).map((entry) => outboxMessage(entry, agent))];
}
