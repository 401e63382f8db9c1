import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export type Db = Database.Database;

/**
 * Prepared statements by SQL text, per connection. db.prepare() costs a parse every call and the
 * hot paths (insertRow/updateRow, filtered lists) build the same few SQL strings again and again;
 * the set of distinct strings is bounded by the code (column names come from our own types).
 */
const statements = new WeakMap<Db, Map<string, Database.Statement>>();

export function cachedStatement(db: Db, sql: string): Database.Statement {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  let statement = byText.get(sql);
  if (!statement) byText.set(sql, (statement = db.prepare(sql)));
  return statement;
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

/** Applies numbered migration files (NNN_name.sql) in order, each once, each in a transaction. */
export function migrate(db: Db): number[] {
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
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, file, Date.now());
    })();
    done.push(version);
  }
  return done;
}

// Column and field names repeat on every row; remember each conversion instead of re-running the regex.
const memo = (convert: (key: string) => string): ((key: string) => string) => {
  const seen = new Map<string, string>();
  return (key) => {
    let out = seen.get(key);
    if (out === undefined) seen.set(key, (out = convert(key)));
    return out;
  };
};
const camel = memo((key) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()));
const snake = memo((key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));

/** Maps a snake_case row to camelCase, turning the named 0/1 columns into booleans. */
export function fromRow<T>(row: unknown, booleans: readonly string[] = []): T {
  const out: Record<string, unknown> = {};
  const source = row as Record<string, unknown>;
  for (const key in source) {
    const name = camel(key);
    const value = source[key];
    out[name] = value !== null && booleans.length > 0 && booleans.includes(name) ? value === 1 : value;
  }
  return out as T;
}

export function fromRows<T>(rows: unknown[], booleans: readonly string[] = []): T[] {
  return rows.map((r) => fromRow<T>(r, booleans));
}

/** Binds a camelCase object for SQLite: booleans become 0/1, undefined values are dropped. */
export function toParams(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  return out;
}

/** INSERT of every field of a camelCase object. Column names come from our own types, never input. */
export function insertRow(db: Db, table: string, row: object): void {
  const params = toParams(row as Record<string, unknown>);
  const keys = Object.keys(params);
  cachedStatement(db, `INSERT INTO ${table} (${keys.map(snake).join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`).run(params);
}

/** UPDATE of the defined fields of a patch, by primary key. */
export function updateRow(db: Db, table: string, keyColumn: string, key: string, patch: object): void {
  const params = toParams(patch as Record<string, unknown>);
  const keys = Object.keys(params);
  if (keys.length === 0) return;
  cachedStatement(db, `UPDATE ${table} SET ${keys.map((k) => `${snake(k)} = @${k}`).join(', ')} WHERE ${keyColumn} = @__key`).run({ ...params, __key: key });
}
