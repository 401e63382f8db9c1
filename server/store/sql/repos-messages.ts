import type { AttachmentRepository, AttachmentRow, MessageRepository, MessageRow, OfflineMessageRepository, OfflineMessageRow } from '../types.js';
import { type SqlDb, fromRow, fromRows, insertRow, updateRow } from './sql-db.js';

export function sqlMessages(db: SqlDb): MessageRepository {
  const byClientId = db.prepare('SELECT * FROM messages WHERE client_id = ?');
  const list = db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?');
  return {
    byClientId: (clientId) => {
      const row = byClientId.get(clientId);
      return row ? fromRow<MessageRow>(row) : undefined;
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
