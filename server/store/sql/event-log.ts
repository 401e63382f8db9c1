import type { DurableEvent } from '../../../shared/index.js';
import type { Audience, EventLog, EventReader, StoredEvent } from '../types.js';
import { cachedStatement, type SqlDb } from './sql-db.js';

interface EventDbRow {
  seq: number;
  payload: string;
}

export interface SqlEventLog extends EventLog {
  /** Called by the store inside the outermost transaction, just before COMMIT. */
  beforeCommit(): void;
  /** Called by the store when the outermost transaction ended, committed or not. */
  endTransaction(): void;
}

/**
 * Where an event's seq comes from. SQLite: the insert's RETURNING, in-process and free.
 * PostgreSQL: a write transaction holds the store's write lock from BEGIN to COMMIT (see
 * ../postgres/lock-keys.ts), so it takes one number from the sequence and counts on from it
 * itself, and moves the sequence past the last number used before COMMIT. Its event inserts then
 * need no answer and travel with the next round trip (../postgres/pg-db.ts) instead of costing one
 * each. A transaction that rolls back leaves a gap, as a sequence always may.
 */
function seqSource(db: SqlDb, inTransaction: () => boolean) {
  if (db.dialect === 'sqlite') {
    const insert = db.prepare('INSERT INTO events (type, payload, created_at) VALUES (?, ?, ?) RETURNING seq');
    return {
      insert: (type: string, payload: string, now: number) => (insert.get(type, payload, now) as { seq: number }).seq,
      beforeCommit: () => undefined,
      endTransaction: () => undefined,
    };
  }
  const sequence = "pg_get_serial_sequence('events', 'seq')";
  const take = db.prepare(`SELECT nextval(${sequence}) AS n`);
  const moveTo = db.prepare(`SELECT setval(${sequence}, ?)`);
  const insert = db.prepare('INSERT INTO events (seq, type, payload, created_at) VALUES (?, ?, ?, ?)');
  let last = 0;
  let first = 0;
  return {
    insert: (type: string, payload: string, now: number) => {
      // Outside a transaction nothing holds the lock: each event takes its own number.
      const seq = inTransaction() && last > 0 ? last + 1 : (take.get() as { n: number }).n;
      if (inTransaction()) {
        if (last === 0) first = seq;
        last = seq;
      }
      insert.run(seq, type, payload, now);
      return seq;
    },
    beforeCommit: () => {
      if (last > first) moveTo.run(last);
    },
    endTransaction: () => {
      last = 0;
      first = 0;
    },
  };
}

/**
 * Durable events with their audience. `pending` collects what the open transaction appended so
 * the store can hand it to listeners only after COMMIT (written before broadcast).
 */
export function sqlEventLog(db: SqlDb, pending: StoredEvent[], inTransaction: () => boolean): SqlEventLog {
  const seqs = seqSource(db, inTransaction);
  // All of an event's readers in one statement: on PostgreSQL each statement is a round trip.
  const insertAudience = (count: number) =>
    cachedStatement(
      db,
      `INSERT INTO event_audience (principal, seq) VALUES ${Array.from({ length: count }, () => '(?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
    );
  const head = db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM events');
  const countAll = db.prepare('SELECT COUNT(*) AS n FROM events WHERE seq > ?');
  const pageAll = db.prepare('SELECT seq, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?');

  const inList = (principals: Audience[]): string => principals.map(() => '?').join(', ');

  return {
    beforeCommit: seqs.beforeCommit,
    endTransaction: seqs.endTransaction,
    append: (event: DurableEvent, audience: Audience[], now: number) => {
      const seq = seqs.insert(event.type, JSON.stringify({ event, audience }), now);
      const readers = [...new Set(audience)];
      if (readers.length > 0) insertAudience(readers.length).run(...readers.flatMap((principal) => [principal, seq]));
      pending.push({ seq, event, audience });
      return seq;
    },
    head: () => (head.get() as { n: number }).n,
    countAfter: (afterSeq: number, reader: EventReader) => {
      if (reader.all) return (countAll.get(afterSeq) as { n: number }).n;
      const sql = `SELECT COUNT(DISTINCT seq) AS n FROM event_audience WHERE principal IN (${inList(reader.principals)}) AND seq > ?`;
      return (cachedStatement(db, sql).get(...reader.principals, afterSeq) as { n: number }).n;
    },
    pageAfter: (afterSeq: number, reader: EventReader, limit: number) => {
      const rows = reader.all
        ? (pageAll.all(afterSeq, limit) as EventDbRow[])
        : (cachedStatement(
            db,
            `SELECT e.seq, e.payload FROM events e WHERE e.seq IN (SELECT DISTINCT seq FROM event_audience WHERE principal IN (${inList(reader.principals)}) AND seq > ?) ORDER BY e.seq LIMIT ?`,
          ).all(...reader.principals, afterSeq, limit) as EventDbRow[]);
      return rows.map((r) => {
        const { event, audience } = JSON.parse(r.payload) as { event: DurableEvent; audience: Audience[] };
        return { seq: r.seq, event, audience };
      });
    },
  };
}
