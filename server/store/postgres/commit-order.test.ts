/**
 * Event seqs and commit order on a real PostgreSQL. An identity column hands out numbers when a
 * row is inserted, not when its transaction commits: seq 11 can be visible while seq 10 is still
 * open, and a reader resuming "after 11" would never see 10. First the hazard itself, with two
 * plain connections; then the store's answer: every write transaction takes one advisory lock
 * after BEGIN, so a later transaction (another node, here another process) waits for the earlier
 * one, and readers only ever see seqs in order.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../../testing/engines/postgres.js';
import { waitFor } from '../../testing/engines/wait-for.js';
import { LOCK_KEYS } from './lock-keys.js';
import { openPostgresStore } from './store.js';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres({ settings: { fsync: 'off' } });
}, 120_000);
afterAll(() => server?.stop(), 60_000);

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

const INSERT = "INSERT INTO events (type, payload, created_at) VALUES ('test', '{}', 0) RETURNING seq";
const visibleSeqs = async (reader: pg.Client) => (await reader.query<{ seq: string }>('SELECT seq FROM events ORDER BY seq')).rows.map((r) => Number(r.seq));

describe('event seqs commit in order on PostgreSQL', () => {
  it('the hazard: without a lock, a later seq is visible while an earlier one is still open', { timeout: 120_000 }, async () => {
    const url = await server.createDatabase();
    openPostgresStore(url).close();
    const [early, late, reader] = [await connect(url), await connect(url), await connect(url)];
    try {
      await early.query('BEGIN');
      const first = Number((await early.query<{ seq: string }>(INSERT)).rows[0]!.seq);
      const second = Number((await late.query<{ seq: string }>(INSERT)).rows[0]!.seq);
      expect(second).toBeGreaterThan(first);
      expect(await visibleSeqs(reader)).toEqual([second]);
      await early.query('COMMIT');
      expect(await visibleSeqs(reader)).toEqual([first, second]);
    } finally {
      for (const c of [early, late, reader]) await c.end();
    }
  });

  it("the store's transactions: a later one waits for the open earlier one, and readers see seqs only in order", { timeout: 120_000 }, async () => {
    const url = await server.createDatabase();
    const store = openPostgresStore(url);
    const [early, reader] = [await connect(url), await connect(url)];
    try {
      // An earlier transaction of another node, holding the write lock as the store's do.
      await early.query('BEGIN');
      await early.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEYS.writes]);
      const first = Number((await early.query<{ seq: string }>(INSERT)).rows[0]!.seq);

      const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./testing/append-child.ts', import.meta.url)), url], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      // The later transaction is waiting for the lock (PostgreSQL says so), not done.
      await waitFor('the later transaction waiting for the write lock', async () => {
        const { rows } = await reader.query<{ n: string }>("SELECT COUNT(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
        return Number(rows[0]!.n) > 0 ? true : undefined;
      });
      expect(out).not.toContain('seq');
      expect(await visibleSeqs(reader)).toEqual([]);
      expect(store.events.head()).toBe(0);

      await early.query('COMMIT');
      expect(await exited).toBe(0);
      const later = (JSON.parse(out.trim().split('\n').pop()!) as { seq: number }).seq;
      expect(later).toBeGreaterThan(first);
      expect(await visibleSeqs(reader)).toEqual([first, later]);
      expect(store.events.pageAfter(0, { all: true }, 10).map((e) => e.seq)).toEqual([first, later]);
    } finally {
      await early.end();
      await reader.end();
      store.close();
    }
  });
});
