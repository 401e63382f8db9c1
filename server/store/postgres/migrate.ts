import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlDb } from '../sql/sql-db.js';
import { LOCK_KEYS } from './lock-keys.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Applies the PostgreSQL migrations (NNN_name.sql) not applied yet, each in its own transaction,
 * under an advisory lock: several nodes starting at once wait for the first, then find nothing
 * left to do. Returns the versions applied by this call.
 */
export function migratePostgres(db: SqlDb): number[] {
  db.exec(`SELECT pg_advisory_lock(${LOCK_KEYS.migrations})`);
  try {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    const done: number[] = [];
    for (const file of readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
      .sort()) {
      const version = Number(file.slice(0, 3));
      if (applied.has(version)) continue;
      db.exec('BEGIN');
      try {
        db.exec(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, file, Date.now());
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
      done.push(version);
    }
    return done;
  } finally {
    db.exec(`SELECT pg_advisory_unlock(${LOCK_KEYS.migrations})`);
  }
}
