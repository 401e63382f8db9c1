/** The calls table of the workstation cache (migration 002): the call log, written locally first. */
import { CallRecordSchema, type CallRecord } from '../../../shared/phone.js';
import type { Db } from '../cache/database.js';
import { boundedTimes } from './call-record.js';

export type CallRowState = 'live' | 'wrap-up' | 'pending' | 'synced';

interface Row {
  id: string;
  agent_id: string;
  state: CallRowState;
  record: string;
}

const parse = (row: Row): CallRecord => CallRecordSchema.parse(JSON.parse(row.record));

export function saveCall(db: Db, agentId: string, record: CallRecord, state: CallRowState): void {
  db.prepare(
    `INSERT INTO calls (id, agent_id, state, started_at, record) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, record = excluded.record, last_error = NULL`,
  ).run(record.id, agentId, state, record.startedAt, JSON.stringify(CallRecordSchema.parse(record)));
}

export function getCall(db: Db, id: string): { agentId: string; state: CallRowState; record: CallRecord } | null {
  const row = db.prepare('SELECT id, agent_id, state, record FROM calls WHERE id = ?').get(id) as Row | undefined;
  return row ? { agentId: row.agent_id, state: row.state, record: parse(row) } : null;
}

/** Calls not yet on the server, oldest first (live ones included: the log shows them). */
export function unsyncedCalls(db: Db, agentId: string, states: CallRowState[] = ['live', 'wrap-up', 'pending']): CallRecord[] {
  const marks = states.map(() => '?').join(', ');
  const rows = db
    .prepare(`SELECT id, agent_id, state, record FROM calls WHERE agent_id = ? AND state IN (${marks}) ORDER BY started_at`)
    .all(agentId, ...states) as Row[];
  return rows.map(parse);
}

export function markCallSynced(db: Db, id: string): void {
  db.prepare("UPDATE calls SET state = 'synced', last_error = NULL WHERE id = ? AND state = 'pending'").run(id);
}

export function markCallError(db: Db, id: string, error: string): void {
  db.prepare('UPDATE calls SET last_error = ? WHERE id = ?').run(error, id);
}

/**
 * After a crash or kill: a 'live' call ended when the app did, and a 'wrap-up' is over. Both are
 * finished so they reach the server (nothing lost); the end time is the last we knew of.
 */
export function recoverInterruptedCalls(db: Db, agentId: string, now: number): number {
  let count = 0;
  db.transaction(() => {
    const rows = db.prepare("SELECT id, agent_id, state, record FROM calls WHERE agent_id = ? AND state IN ('live', 'wrap-up')").all(agentId) as Row[];
    for (const row of rows) {
      const record = parse(row);
      const finished: CallRecord =
        row.state === 'live'
          ? boundedTimes({
              ...record,
              endedAt: Math.max(record.endedAt, record.answeredAt ?? record.startedAt),
              result: record.answeredAt ? 'answered' : record.direction === 'inbound' ? 'missed' : 'failed',
              note: record.note || `ended by a restart at ${new Date(now).toISOString()}`,
            })
          : record;
      saveCall(db, agentId, finished, 'pending');
      count++;
    }
  })();
  return count;
}
