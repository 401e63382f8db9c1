/** Messages the server stored, unique by id and by client id. */
import { MessageSchema, type Message } from '../../../shared/domain.js';
import type { Db } from './database.js';

/** Returns true when the message was new (false: already cached, nothing changed). */
export function insertMessage(db: Db, message: Message): boolean {
  const info = db
    .prepare(
      `INSERT INTO messages (id, client_id, conversation_id, seq, data) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    )
    .run(message.id, message.clientId, message.conversationId, message.seq, JSON.stringify(message));
  return info.changes > 0;
}

export function listMessages(db: Db, conversationId: string): Message[] {
  const rows = db.prepare('SELECT data FROM messages WHERE conversation_id = ? ORDER BY seq, id').all(conversationId) as { data: string }[];
  return rows.map((row) => MessageSchema.parse(JSON.parse(row.data)));
}

export function maxMessageSeq(db: Db, conversationId: string): number {
  const row = db.prepare('SELECT MAX(seq) AS seq FROM messages WHERE conversation_id = ?').get(conversationId) as { seq: number | null };
  return row.seq ?? 0;
}

export function getMessageByClientId(db: Db, clientId: string): Message | null {
  const row = db.prepare('SELECT data FROM messages WHERE client_id = ?').get(clientId) as { data: string } | undefined;
  return row ? MessageSchema.parse(JSON.parse(row.data)) : null;
}
