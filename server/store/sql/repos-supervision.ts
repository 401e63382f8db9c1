/** Whispers (悄悄话) and review marks (标记待复核) on either engine. */
import type { ReviewRow, SupervisionRepositories, WhisperRow } from '../supervision-types.js';
import { type SqlDb, cachedStatement, fromRow, fromRows, inChunks, insertRow } from './sql-db.js';

const WHISPER_COLUMNS = 'id, conversation_id, client_id, from_role, author_id, author_name, text, created_at';
const REVIEW_COLUMNS = 'conversation_id, note, marked_by_id, marked_by_name, marked_at';

export function sqlSupervisionRepositories(db: SqlDb): SupervisionRepositories {
  const whisperByClientId = db.prepare(`SELECT ${WHISPER_COLUMNS} FROM whispers WHERE client_id = ?`);
  // rowid (PostgreSQL mirrors SQLite's) keeps the order of whispers written in the same millisecond.
  const whispersOf = db.prepare(`SELECT ${WHISPER_COLUMNS} FROM whispers WHERE conversation_id = ? ORDER BY created_at, rowid`);
  const putReview = db.prepare(
    `INSERT INTO conversation_reviews (${REVIEW_COLUMNS}) VALUES (@conversationId, @note, @markedById, @markedByName, @markedAt)
     ON CONFLICT (conversation_id) DO UPDATE SET note = excluded.note, marked_by_id = excluded.marked_by_id,
       marked_by_name = excluded.marked_by_name, marked_at = excluded.marked_at`,
  );
  const reviewOf = db.prepare(`SELECT ${REVIEW_COLUMNS} FROM conversation_reviews WHERE conversation_id = ?`);
  return {
    whispers: {
      insert: (row) => insertRow(db, 'whispers', row),
      byClientId: (clientId) => {
        const row = whisperByClientId.get(clientId);
        return row ? fromRow<WhisperRow>(row) : undefined;
      },
      forConversation: (conversationId) => fromRows<WhisperRow>(whispersOf.all(conversationId)),
    },
    reviews: {
      put: (row) => void putReview.run({ ...row }),
      byConversation: (conversationId) => {
        const row = reviewOf.get(conversationId);
        return row ? fromRow<ReviewRow>(row) : undefined;
      },
      forConversations: (conversationIds) => {
        const found = new Map<string, ReviewRow>();
        inChunks([...new Set(conversationIds)], (chunk) => {
          const sql = `SELECT ${REVIEW_COLUMNS} FROM conversation_reviews WHERE conversation_id IN (${chunk.map((_, i) => `@c${i}`).join(', ')})`;
          const params: Record<string, unknown> = {};
          chunk.forEach((id, i) => (params[`c${i}`] = id));
          for (const row of fromRows<ReviewRow>(cachedStatement(db, sql).all(params))) found.set(row.conversationId, row);
        });
        return found;
      },
    },
  };
}
