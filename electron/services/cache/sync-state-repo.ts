/** The last durable event seq applied, per agent. Written in the same transaction as the event's change. */
import type { Db } from './database.js';
import { statement } from './statements.js';

export function getLastSeq(db: Db, agentId: string): number {
  const row = db.prepare('SELECT last_seq FROM sync_state WHERE agent_id = ?').get(agentId) as { last_seq: number } | undefined;
  return row?.last_seq ?? 0;
}

export function setLastSeq(db: Db, agentId: string, seq: number): void {
  statement(
    db,
    `INSERT INTO sync_state (agent_id, last_seq) VALUES (?, ?)
     ON CONFLICT (agent_id) DO UPDATE SET last_seq = MAX(last_seq, excluded.last_seq)`,
  ).run(agentId, seq);
}

/**
 * Sets the seq exactly, even lower than the stored one: only after a resync, when the stored seq
 * was beyond the server's log and the cache was rebuilt from the server's REST routes.
 */
export function resetLastSeq(db: Db, agentId: string, seq: number): void {
  db.prepare(
    `INSERT INTO sync_state (agent_id, last_seq) VALUES (?, ?)
     ON CONFLICT (agent_id) DO UPDATE SET last_seq = excluded.last_seq`,
  ).run(agentId, seq);
}
