/** Messages the server stored, unique by id and by client id. */
import { MessageSchema, type Message } from '../../../shared/domain.js';
import type { Db } from './database.js';
import { statement } from './statements.js';

/** Returns true when the message was new (false: already cached, nothing changed). */
export function insertMessage(db: Db, message: Message): boolean {
  const info = statement(
    db,
    `INSERT INTO messages (id, client_id, conversation_id, seq, data) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  ).run(message.id, message.clientId, message.conversationId, message.seq, JSON.stringify(message));
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

/**
 * The highest seq up to which this conversation's cache has no gap. A conversation transferred in
 * arrives with only its newest message (the 转接 notice) over realtime; everything before it is
 * fetched from here on.
 */
export function contiguousMessageSeq(db: Db, conversationId: string): number {
  const first = db.prepare('SELECT 1 FROM messages WHERE conversation_id = ? AND seq = 1').get(conversationId);
  if (!first) return 0;
  const row = db
    .prepare(
      `SELECT MIN(m.seq) - 1 AS seq FROM messages m
       WHERE m.conversation_id = ? AND m.seq > 1
         AND NOT EXISTS (SELECT 1 FROM messages p WHERE p.conversation_id = m.conversation_id AND p.seq = m.seq - 1)`,
    )
    .get(conversationId) as { seq: number | null };
  return row.seq ?? maxMessageSeq(db, conversationId);
}

export function getMessageByClientId(db: Db, clientId: string): Message | null {
  const row = db.prepare('SELECT data FROM messages WHERE client_id = ?').get(clientId) as { data: string } | undefined;
  return row ? MessageSchema.parse(JSON.parse(row.data)) : null;
}
