/**
 * Which store a server test runs on. The `node` project runs the server suite on SQLite; the
 * `postgres` project (KEFU_TEST_STORE=postgres) runs the same files on PostgreSQL: each test
 * server gets its own database, copied from the template the global setup migrated. A server
 * restarted on the same data folder finds the same database again.
 */
import pg from 'pg';
import { inject } from 'vitest';

export const testStore: 'sqlite' | 'postgres' = process.env.KEFU_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

const databaseOfDataDir = new Map<string, string>();
let counter = 0;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The PostgreSQL database of a test server's data folder (created on first use); undefined on SQLite. */
export async function testDatabaseUrl(dataDir: string): Promise<string | undefined> {
  if (testStore === 'sqlite') return undefined;
  const known = databaseOfDataDir.get(dataDir);
  if (known) return known;
  const name = `kefu_t${process.pid}_${Date.now().toString(36)}_${++counter}`;
  await admin(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = `/${name}`;
  databaseOfDataDir.set(dataDir, url.toString());
  return url.toString();
}

/** Drops the database of a data folder the test is done with. */
export async function dropTestDatabase(dataDir: string): Promise<void> {
  const url = databaseOfDataDir.get(dataDir);
  if (!url) return;
  databaseOfDataDir.delete(dataDir);
  await admin(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
}
