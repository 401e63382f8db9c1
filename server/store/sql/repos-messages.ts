import type { AttachmentRepository, AttachmentRow, BeforeSend, MessageRepository, MessageRow, OfflineMessageRepository, OfflineMessageRow } from '../types.js';
import { conversationOf } from './repos-conversations.js';
import { cachedStatement, type SqlDb, fromRow, fromRows, inChunks, insertRow, updateRow } from './sql-db.js';

/** The messages columns, each also selected as m_<column> beside a conversation's in beforeSend. */
const MESSAGE_COLUMNS = [
  'id',
  'conversation_id',
  'seq',
  'client_id',
  'sender',
  'sender_id',
  'sender_name',
  'kind',
  'text',
  'attachment_id',
  'created_at',
  'style',
];
const PREFIX = 'm_';
const MESSAGE_SELECT = MESSAGE_COLUMNS.map((column) => `m.${column} AS ${PREFIX}${column}`).join(', ');

/** Splits a conversations-plus-message row: the m_ columns are the message (absent when m_id is NULL). */
function splitBeforeSend(row: Record<string, unknown> | undefined): BeforeSend {
  if (!row) return { conversation: undefined, existing: undefined };
  const conversation: Record<string, unknown> = {};
  const message: Record<string, unknown> = {};
  for (const key in row) {
    if (key.startsWith(PREFIX)) message[key.slice(PREFIX.length)] = row[key];
    else if (key !== 'send_index') conversation[key] = row[key];
  }
  return { conversation: conversationOf(conversation), existing: message.id == null ? undefined : fromRow<MessageRow>(message) };
}

export function sqlMessages(db: SqlDb): MessageRepository {
  const byClientId = db.prepare('SELECT * FROM messages WHERE client_id = ?');
  const beforeSend = db.prepare(`SELECT c.*, ${MESSAGE_SELECT} FROM conversations c LEFT JOIN messages m ON m.client_id = ? WHERE c.id = ?`);
  // beforeSend's lookup once per send, joined with UNION ALL: each branch is two unique-index
  // lookups whatever the planner knows (a VALUES list joined to the tables got a hash join over
  // all of messages on PostgreSQL: ~65 µs a send instead of ~5).
  const beforeSendChunk = (count: number) =>
    cachedStatement(
      db,
      Array.from(
        { length: count },
        (_, i) => `SELECT ${i} AS send_index, c.*, ${MESSAGE_SELECT} FROM conversations c LEFT JOIN messages m ON m.client_id = ? WHERE c.id = ?`,
      ).join(' UNION ALL '),
    );
  const list = db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?');
  return {
    byClientId: (clientId) => {
      const row = byClientId.get(clientId);
      return row ? fromRow<MessageRow>(row) : undefined;
    },
    beforeSend: (conversationId, clientId) => splitBeforeSend(beforeSend.get(clientId, conversationId) as Record<string, unknown> | undefined),
    beforeSendEach: (sends) => {
      const found: BeforeSend[] = sends.map(() => ({ conversation: undefined, existing: undefined }));
      inChunks(sends, (chunk, at) => {
        const params = chunk.flatMap((send) => [send.clientId, send.conversationId]);
        for (const row of beforeSendChunk(chunk.length).all(...params) as Record<string, unknown>[]) found[at + Number(row.send_index)] = splitBeforeSend(row);
      });
      return found;
    },
    insert: (row) => insertRow(db, 'messages', row),
    list: (conversationId, afterSeq, limit) => fromRows<MessageRow>(list.all(conversationId, afterSeq, limit)),
    countForConversation: (conversationId) => (count.get(conversationId) as { n: number }).n,
  };
}

export function sqlAttachments(db: SqlDb): AttachmentRepository {
  const byId = db.prepare('SELECT * FROM attachments WHERE id = ?');
  return {
    byId: (id) => {
      const row = byId.get(id);
      return row ? fromRow<AttachmentRow>(row, ['isImage']) : undefined;
    },
    insert: (row) => insertRow(db, 'attachments', row),
  };
}

export function sqlOfflineMessages(db: SqlDb): OfflineMessageRepository {
  const byId = db.prepare('SELECT * FROM offline_messages WHERE id = ?');
  const all = db.prepare('SELECT * FROM offline_messages ORDER BY created_at DESC, rowid DESC LIMIT 1000');
  const byStatus = db.prepare('SELECT * FROM offline_messages WHERE status = ? ORDER BY created_at DESC, rowid DESC LIMIT 1000');
  const forVisitor = db.prepare('SELECT * FROM offline_messages WHERE visitor_id = ? ORDER BY created_at, rowid');
  return {
    byId: (id) => {
      const row = byId.get(id);
      return row ? fromRow<OfflineMessageRow>(row) : undefined;
    },
    insert: (row) => insertRow(db, 'offline_messages', row),
    update: (id, patch) => updateRow(db, 'offline_messages', 'id', id, patch),
    list: (status) => fromRows<OfflineMessageRow>(status ? byStatus.all(status) : all.all()),
    forVisitor: (visitorId) => fromRows<OfflineMessageRow>(forVisitor.all(visitorId)),
  };
}
