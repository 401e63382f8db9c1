/**
 * Prepared statements kept per connection for the hot paths (a catch-up applies thousands of
 * events): better-sqlite3 compiles the SQL on every prepare(), which costs more than the insert.
 */
import type Database from 'better-sqlite3';
import type { Db } from './database.js';

const byDb = new WeakMap<Db, Map<string, Database.Statement>>();

export function statement(db: Db, sql: string): Database.Statement {
  let cache = byDb.get(db);
  if (!cache) byDb.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}
