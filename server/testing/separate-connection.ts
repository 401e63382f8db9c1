/**
 * A query through a connection of its own, not the server's: what another process (or a person
 * with psql) would find committed in the test server's database, on SQLite and PostgreSQL alike.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openPgConnection } from '../store/postgres/pg-db.js';
import { sqliteSqlDb } from '../store/sqlite/db.js';
import type { SqlDb } from '../store/sql/sql-db.js';

export function withSeparateConnection<T>(server: { dataDir: string; databaseUrl?: string | undefined }, read: (db: SqlDb) => T): T {
  if (server.databaseUrl) {
    const db = openPgConnection(server.databaseUrl);
    try {
      return read(db);
    } finally {
      db.close();
    }
  }
  const db = new Database(join(server.dataDir, 'kefu.db'), { readonly: true, fileMustExist: true });
  try {
    return read(sqliteSqlDb(db));
  } finally {
    db.close();
  }
}
