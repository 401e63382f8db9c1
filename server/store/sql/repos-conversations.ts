import type { ConversationFilter, ConversationRepository, ConversationRow } from '../types.js';
import { cachedStatement, type SqlDb, fromRow, fromRows, inChunks, insertRow, updateRow } from './sql-db.js';

const BOOLEANS = ['valid', 'evaluationPushed', 'awaitingVisitor'] as const;

/** A conversations row as the domain sees it (also where a join reads one, ./repos-messages.ts). */
export const conversationOf = (row: unknown): ConversationRow | undefined => (row ? fromRow<ConversationRow>(row, BOOLEANS) : undefined);
const one = conversationOf;

export function sqlConversations(db: SqlDb): ConversationRepository {
  const byId = db.prepare('SELECT * FROM conversations WHERE id = ?');
  const queued = db.prepare("SELECT * FROM conversations WHERE state = 'queued' ORDER BY queue_order");
  const position = db.prepare(
    "SELECT (SELECT COUNT(*) FROM conversations q WHERE q.state = 'queued' AND q.queue_order <= c.queue_order) AS n FROM conversations c WHERE c.id = ? AND c.state = 'queued'",
  );
  const nextOrder = db.prepare('SELECT COALESCE(MAX(queue_order), 0) + 1 AS n FROM conversations');
  const openForVisitor = db.prepare("SELECT * FROM conversations WHERE visitor_id = ? AND state <> 'ended' ORDER BY created_at DESC LIMIT 1");
  const latestForVisitor = db.prepare('SELECT * FROM conversations WHERE visitor_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1');
  const roomTaken = db.prepare("SELECT 1 FROM conversations WHERE room_no = ? AND state <> 'ended'");
  const silent = db.prepare("SELECT * FROM conversations WHERE state = 'active' AND awaiting_visitor = 1 AND last_agent_message_at <= ?");
  const openForAgent = db.prepare("SELECT * FROM conversations WHERE agent_id = ? AND state <> 'ended' ORDER BY created_at");

  // The count of rows still as read, compared with how many were read. On PostgreSQL a mismatch
  // divides by zero: the statement fails on the server, so it can wait in the write queue and
  // still stop the COMMIT behind it. SQLite answers NULL instead, so its answer is read and checked.
  const unchanged = (count: number) =>
    cachedStatement(
      db,
      `SELECT 1 / (CASE WHEN (SELECT COUNT(*) FROM conversations WHERE ${Array.from(
        { length: count },
        () => '(id = ? AND state = ? AND agent_id IS NOT DISTINCT FROM ? AND last_message_seq = ?)',
      ).join(' OR ')}) = ? THEN 1 ELSE 0 END) AS ok`,
    );

  return {
    byId: (id) => one(byId.get(id)),
    insert: (row) => insertRow(db, 'conversations', row),
    update: (id, patch) => updateRow(db, 'conversations', 'id', id, patch),
    list: (filter: ConversationFilter) => {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: filter.limit };
      if (filter.states?.length) {
        where.push(`state IN (${filter.states.map((_, i) => `@s${i}`).join(', ')})`);
        filter.states.forEach((s, i) => (params[`s${i}`] = s));
      }
      if (filter.visitorId) {
        where.push('visitor_id = @visitorId');
        params.visitorId = filter.visitorId;
      }
      if (filter.agentId) {
        where.push(filter.includeQueued ? "(agent_id = @agentId OR state = 'queued')" : 'agent_id = @agentId');
        params.agentId = filter.agentId;
      }
      const sql = `SELECT * FROM conversations ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, rowid DESC LIMIT @limit`;
      return fromRows<ConversationRow>(cachedStatement(db, sql).all(params), BOOLEANS);
    },
    queued: () => fromRows<ConversationRow>(queued.all(), BOOLEANS),
    queuePosition: (id) => (position.get(id) as { n: number } | undefined)?.n ?? null,
    nextQueueOrder: () => (nextOrder.get() as { n: number }).n,
    openForVisitor: (visitorId) => one(openForVisitor.get(visitorId)),
    latestForVisitor: (visitorId) => one(latestForVisitor.get(visitorId)),
    openRoomNoTaken: (roomNo) => roomTaken.get(roomNo) !== undefined,
    silentSince: (cutoff) => fromRows<ConversationRow>(silent.all(cutoff), BOOLEANS),
    openForAgent: (agentId) => fromRows<ConversationRow>(openForAgent.all(agentId), BOOLEANS),
    withAwayAgent: (ids) => {
      const away = new Set<string>();
      inChunks([...new Set(ids)], (chunk) => {
        const sql = `SELECT c.id FROM conversations c JOIN agents a ON a.id = c.agent_id WHERE c.id IN (${chunk.map(() => '?').join(', ')}) AND a.status IN ('busy', 'away')`;
        for (const row of cachedStatement(db, sql).all(...chunk) as { id: string }[]) away.add(row.id);
      });
      return away;
    },
    expectUnchanged: (rows) => {
      inChunks([...new Map(rows.map((row) => [row.id, row])).values()], (chunk) => {
        const params = [...chunk.flatMap((row) => [row.id, row.state, row.agentId, row.lastMessageSeq]), chunk.length];
        if (db.dialect === 'postgres') unchanged(chunk.length).run(...params);
        else if ((unchanged(chunk.length).get(...params) as { ok: number | null }).ok !== 1) throw new Error('conversations changed since they were read');
      });
    },
  };
}
