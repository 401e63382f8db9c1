import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlDb } from '../sql/sql-db.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export type Db = Database.Database;

/**
 * The repositories' view of a connection (../sql/sql-db.ts): better-sqlite3's own statements,
 * nothing in between; getLater is get() with its answer handed over at once.
 */
export function sqliteSqlDb(db: Db): SqlDb {
  return {
    dialect: 'sqlite',
    prepare: (sql) => {
      const statement = db.prepare(sql);
      return Object.assign(statement, { getLater: (params: unknown[], use: (row: unknown) => void) => use(statement.get(...params)) });
    },
    exec: (sql) => void db.exec(sql),
  };
}

/** Opens (creating if needed) the database file and brings its schema up to date. */
export function openDatabase(file: string): Db {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode loses at most the last commits on power loss, never corrupts; a killed
  // process loses nothing that was committed.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/**
 * Applies numbered migration files (NNN_name.sql) in order, each once, each in a transaction. Foreign
 * keys are off meanwhile, as SQLite's ALTER TABLE documentation prescribes for rebuilding a table
 * others refer to (dropping it would otherwise cascade); each migration must leave every reference
 * intact (foreign_key_check) or it is rolled back.
 */
export function migrate(db: Db): number[] {
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  // A no-op inside a transaction: switched here, before any begins.
  db.pragma('foreign_keys = OFF');
  try {
    return applyMigrations(db);
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}

function applyMigrations(db: Db): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort();
  const done: number[] = [];
  for (const file of files) {
    const version = Number(file.slice(0, 3));
    if (applied.has(version)) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`migration ${file} leaves ${broken.length} broken references, e.g. ${JSON.stringify(broken[0])}`);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, file, Date.now());
    })();
    done.push(version);
  }
  return done;
}
