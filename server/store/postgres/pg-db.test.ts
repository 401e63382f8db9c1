import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../../testing/engines/postgres.js';
import { openPgConnection } from './pg-db.js';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres({ settings: { fsync: 'off' } });
}, 120_000);
afterAll(() => server?.stop(), 60_000);

describe('the PostgreSQL connection behind the repositories', () => {
  it('binds ?, @name, numbers, NULL and bytes, and reads BIGINT and COUNT back as numbers', { timeout: 60_000 }, async () => {
    const db = openPgConnection(await server.createDatabase());
    try {
      db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT, b BYTEA, note TEXT)');
      db.prepare('INSERT INTO t (id, n, b, note) VALUES (?, ?, ?, ?)').run('a', 1_796_646_671_691, Buffer.from([0, 1, 255]), null);
      expect(db.prepare('INSERT INTO t (id, n) VALUES (@id, @n) ON CONFLICT DO NOTHING').run({ id: 'a', n: 2 }).changes).toBe(0);
      expect(db.prepare('SELECT * FROM t WHERE id = @id').get({ id: 'a' })).toEqual({ id: 'a', n: 1_796_646_671_691, b: Buffer.from([0, 1, 255]), note: null });
      expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('a statement run after close throws, as better-sqlite3 does, instead of taking the process down', { timeout: 60_000 }, async () => {
    const db = openPgConnection(await server.createDatabase());
    const select = db.prepare('SELECT 1 AS one');
    expect(select.get()).toEqual({ one: 1 });
    db.close();
    expect(() => select.get()).toThrow(/not open/);
    expect(() => db.exec('SELECT 1')).toThrow(/not open/);
    expect(db.inTransaction()).toBe(false);
  });
});
