import type { DurableEvent } from '../../../shared/index.js';
import type { Audience, EventLog, EventReader, StoredEvent } from '../types.js';
import { cachedStatement, type SqlDb } from './sql-db.js';

interface EventDbRow {
  seq: number;
  payload: string;
}

/**
 * Durable events with their audience. `pending` collects what the open transaction appended so
 * the store can hand it to listeners only after COMMIT (written before broadcast).
 *
 * An event's seq comes from the insert's answer. On SQLite that is at once; on PostgreSQL the
 * insert waits in the connection's queue and travels with the next round trip (../postgres/pg-db.ts),
 * so the audience rows name their event with currval() — the seq this connection drew last — and
 * the seq is filled in before COMMIT returns, so listeners always get it.
 */
/** The identity sequence behind events.seq, looked up once (per row, pg_get_serial_sequence would search the catalog each time). */
function sequenceOfEvents(db: SqlDb): string {
  return (db.prepare("SELECT pg_get_serial_sequence('events', 'seq') AS name").get() as { name: string }).name;
}

export function sqlEventLog(db: SqlDb, pending: StoredEvent[]): EventLog {
  const insert = db.prepare('INSERT INTO events (type, payload, created_at) VALUES (?, ?, ?) RETURNING seq');
  const lastSeq = db.dialect === 'postgres' ? `currval('${sequenceOfEvents(db).replaceAll("'", "''")}')` : null;
  // All of an event's readers in one statement: on PostgreSQL each statement costs server work.
  const insertAudience = (count: number) =>
    cachedStatement(
      db,
      `INSERT INTO event_audience (principal, seq) VALUES ${Array.from({ length: count }, () => `(?, ${lastSeq ?? '?'})`).join(', ')} ON CONFLICT DO NOTHING`,
    );
  const head = db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM events');
  const countAll = db.prepare('SELECT COUNT(*) AS n FROM events WHERE seq > ?');
  const pageAll = db.prepare('SELECT seq, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?');

  const inList = (principals: Audience[]): string => principals.map(() => '?').join(', ');

  return {
    append: (event: DurableEvent, audience: Audience[], now: number) => {
      const stored: StoredEvent = { seq: 0, event, audience };
      insert.getLater([event.type, JSON.stringify({ event, audience }), now], (row) => (stored.seq = (row as { seq: number }).seq));
      const readers = [...new Set(audience)];
      if (readers.length > 0) insertAudience(readers.length).run(...(lastSeq ? readers : readers.flatMap((principal) => [principal, stored.seq])));
      pending.push(stored);
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
