/**
 * The PostgreSQL connection's write queue (pg-db.ts): inside a transaction, writes wait and travel
 * with the next read or the COMMIT. What the repositories rely on must still hold — a read sees
 * the writes before it, a failed write fails the transaction, rolled-back work never commits —
 * and what is queued really is held back (seen from a second connection through the write lock).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type DurableEvent } from '../../../shared/index.js';
import { startPostgres, type PostgresServer } from '../../testing/engines/postgres.js';
import { openPgConnection, type PgConnection } from './pg-db.js';
import { openPostgresStore } from './store.js';

const LOCK = 4242;
let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres({ settings: { fsync: 'off' } });
}, 120_000);
afterAll(() => server?.stop(), 60_000);

async function setup(): Promise<{ db: PgConnection; other: pg.Client; count: () => Promise<number>; lockFree: () => Promise<boolean> }> {
  const url = await server.createDatabase();
  const db = openPgConnection(url);
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT NOT NULL DEFAULT 0)');
  const other = new pg.Client({ connectionString: url });
  await other.connect();
  return {
    db,
    other,
    count: async () => Number((await other.query<{ n: string }>('SELECT COUNT(*) AS n FROM t')).rows[0]!.n),
    // Taken and released at once by the second connection: false while `db` holds it.
    lockFree: async () =>
      (await other.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LOCK}) AS ok`)).rows[0]!.ok &&
      (await other.query(`SELECT pg_advisory_unlock(${LOCK})`), true),
  };
}

describe('queued writes on the PostgreSQL connection', () => {
  it('BEGIN, the lock and writes wait for the next read, which sees them; COMMIT makes them visible', { timeout: 60_000 }, async () => {
    const { db, other, count, lockFree } = await setup();
    try {
      const insert = db.prepare('INSERT INTO t (id) VALUES (?)');
      db.begin(LOCK);
      insert.run('a');
      insert.run('b');
      expect(await lockFree()).toBe(true);
      expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 2 });
      expect(await lockFree()).toBe(false);
      expect(await count()).toBe(0);
      db.commit();
      expect(await count()).toBe(2);
      expect(await lockFree()).toBe(true);
    } finally {
      db.close();
      await other.end();
    }
  });

  it('asking for changes sends the queue; getLater answers before COMMIT returns', { timeout: 60_000 }, async () => {
    const { db, other } = await setup();
    try {
      db.prepare('INSERT INTO t (id) VALUES (?), (?), (?)').run('a', 'b', 'c');
      db.begin(LOCK);
      expect(db.prepare('UPDATE t SET n = n + 1 WHERE id <> ?').run('a').changes).toBe(2);
      let answer: unknown = 'not yet';
      db.prepare('INSERT INTO t (id, n) VALUES (?, ?) RETURNING id, n').getLater(['d', 7], (row) => (answer = row));
      expect(answer).toBe('not yet');
      db.commit();
      expect(answer).toEqual({ id: 'd', n: 7 });
    } finally {
      db.close();
      await other.end();
    }
  });

  it('a queued write that fails makes the statement that sends it throw, and nothing of the transaction commits', { timeout: 60_000 }, async () => {
    const { db, other, count } = await setup();
    try {
      const insert = db.prepare('INSERT INTO t (id) VALUES (?)');
      insert.run('taken');
      db.begin(LOCK);
      insert.run('fine');
      insert.run('taken');
      expect(() => db.prepare('SELECT 1 AS one').get()).toThrow(/duplicate key/);
      db.rollback();
      expect(await count()).toBe(1);

      db.begin(LOCK);
      insert.run('fine');
      insert.run('taken');
      expect(() => db.commit()).toThrow(/duplicate key/);
      db.rollback();
      expect(await count()).toBe(1);
      // The connection is usable again.
      expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 1 });
    } finally {
      db.close();
      await other.end();
    }
  });

  it('rolling back to a savepoint undoes its writes, sent or still queued', { timeout: 60_000 }, async () => {
    const { db, other } = await setup();
    try {
      const insert = db.prepare('INSERT INTO t (id) VALUES (?)');
      const ids = db.prepare('SELECT id FROM t ORDER BY id');
      db.begin(LOCK);
      insert.run('kept-1');
      db.savepoint('u1');
      insert.run('queued-then-undone');
      db.rollbackTo('u1');
      db.savepoint('u2');
      insert.run('sent-then-undone');
      expect(ids.all()).toEqual([{ id: 'kept-1' }, { id: 'sent-then-undone' }]);
      db.rollbackTo('u2');
      db.savepoint('u3');
      insert.run('kept-2');
      db.release('u3');
      db.commit();
      expect((await other.query('SELECT id FROM t ORDER BY id')).rows).toEqual([{ id: 'kept-1' }, { id: 'kept-2' }]);
    } finally {
      db.close();
      await other.end();
    }
  });

  it(
    'a late lock is taken in front of the first write to leave, with the re-check behind it; a failing re-check stops the COMMIT',
    { timeout: 60_000 },
    async () => {
      const { db, other, count, lockFree } = await setup();
      try {
        const insert = db.prepare('INSERT INTO t (id) VALUES (?)');
        const read = db.prepare('SELECT COUNT(*) AS n FROM t');
        // Fails on the server (division by zero) when told the reads went stale.
        const check = db.prepare('SELECT 1 / ? AS ok');
        let rechecks = 0;
        db.begin(LOCK, () => {
          rechecks++;
          check.run(1);
        });
        expect(read.get()).toEqual({ n: 0 });
        expect(await lockFree()).toBe(true);
        insert.run('a');
        expect(rechecks).toBe(0);
        expect(read.get()).toEqual({ n: 1 });
        expect(rechecks).toBe(1);
        expect(await lockFree()).toBe(false);
        db.commit();
        expect(await count()).toBe(1);

        db.begin(LOCK, () => check.run(0));
        insert.run('b');
        expect(() => db.commit()).toThrow(/division by zero/);
        db.rollback();
        expect(await count()).toBe(1);
        // A transaction that writes nothing never takes the lock.
        db.begin(LOCK, () => check.run(0));
        expect(read.get()).toEqual({ n: 1 });
        db.commit();
        expect(await lockFree()).toBe(true);
      } finally {
        db.close();
        await other.end();
      }
    },
  );

  it('a group commit whose conversations another node changed after its reads reruns its units alone', { timeout: 60_000 }, async () => {
    const url = await server.createDatabase();
    const store = openPostgresStore(url);
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      const visitorId = uuidv7();
      const conversationId = uuidv7();
      await other.query("INSERT INTO visitors (id, token_hash, name, created_at) VALUES ($1, $1, 'v', 0)", [visitorId]);
      await other.query("INSERT INTO conversations (id, room_no, visitor_id, state, started_by, created_at) VALUES ($1, 'r1', $2, 'queued', 'visitor', 0)", [
        conversationId,
        visitorId,
      ]);
      const read = store.conversations.byId(conversationId)!;
      // Another node moves the conversation on after this node read it.
      await other.query('UPDATE conversations SET last_message_seq = 5 WHERE id = $1', [conversationId]);
      const runs: boolean[] = [];
      const results = store.transactionEach(
        [
          (grouped) => {
            runs.push(grouped);
            store.events.append({ type: 'evaluation.requested', conversationId } as unknown as DurableEvent, ['staff'], 1);
          },
        ],
        { recheckUnderLock: () => store.conversations.expectUnchanged([read]) },
      );
      expect(results.map((r) => r.ok)).toEqual([true]);
      expect(runs).toEqual([true, false]);
      expect(store.events.pageAfter(0, { all: true }, 10)).toHaveLength(1);
      // Unchanged, the group commits on its first try.
      runs.length = 0;
      store.transactionEach([(grouped) => void runs.push(grouped)], {
        recheckUnderLock: () => store.conversations.expectUnchanged([store.conversations.byId(conversationId)!]),
      });
      expect(runs).toEqual([true]);
    } finally {
      store.close();
      await other.end();
    }
  });

  it("a group commit whose queued write fails reruns its units one by one: the others are stored, with their events' seqs", { timeout: 60_000 }, async () => {
    const store = openPostgresStore(await server.createDatabase());
    try {
      const seen: number[] = [];
      store.onCommit((events) => seen.push(...events.map((e) => e.seq)));
      const event = (id: string) => ({ type: 'evaluation.requested', conversationId: id }) as unknown as DurableEvent;
      const orphan = {
        id: uuidv7(),
        conversationId: 'no-such-conversation',
        seq: 1,
        clientId: uuidv7(),
        sender: 'visitor' as const,
        senderId: null,
        senderName: 'x',
        kind: 'text' as const,
        text: 'x',
        attachmentId: null,
        createdAt: 1,
      };
      const results = store.transactionEach([
        () => store.events.append(event('a'), ['staff'], 1),
        // Only PostgreSQL's foreign key check refuses this, when the queued insert is sent.
        () => store.messages.insert(orphan),
        () => store.events.append(event('b'), ['staff'], 2),
      ]);
      expect(results.map((r) => r.ok)).toEqual([true, false, true]);
      expect(String((results[1] as { error: unknown }).error)).toMatch(/foreign key/);
      const page = store.events.pageAfter(0, { all: true }, 10);
      expect(page.map((e) => (e.event as unknown as { conversationId: string }).conversationId)).toEqual(['a', 'b']);
      expect(seen).toEqual(page.map((e) => e.seq));
      expect(seen.every((seq) => seq > 0)).toBe(true);
    } finally {
      store.close();
    }
  });
});
