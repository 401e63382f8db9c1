/**
 * The one SQL surface the repositories are written against, so each query is written once and
 * runs on SQLite (better-sqlite3) and PostgreSQL (pg-native) alike. Its shape is better-sqlite3's:
 * statements are prepared once and run synchronously, which keeps every unit of work (a routing
 * check-and-assign, an idempotent send) one uninterrupted piece of code — no other request can
 * interleave between a read and the write that depends on it (docs/ARCHITECTURE.md, "Stores").
 *
 * Parameters are positional (`?`) or named (`@name`, with one object argument). The PostgreSQL
 * side rewrites those to `$n`, `LIKE` to `ILIKE` (SQLite's LIKE ignores case) and drops the
 * `rowid` column it keeps to mirror SQLite's insertion order; everything else is the same text.
 */
export type SqlDialect = 'sqlite' | 'postgres';

export interface SqlStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
  /**
   * Runs the statement and hands its first row to `use` when the answer is there: at once on
   * SQLite; on PostgreSQL inside a transaction, with the next round trip (before COMMIT returns).
   * For an INSERT … RETURNING whose answer nothing in the transaction waits for.
   */
  getLater(params: unknown[], use: (row: unknown) => void): void;
}

export interface SqlDb {
  readonly dialect: SqlDialect;
  prepare(sql: string): SqlStatement;
  exec(sql: string): void;
}

/**
 * Prepared statements by SQL text, per connection. prepare() costs a parse every call and the
 * hot paths (insertRow/updateRow, filtered lists) build the same few SQL strings again and again;
 * the set of distinct strings is bounded by the code (column names come from our own types).
 */
const statements = new WeakMap<SqlDb, Map<string, SqlStatement>>();

export function cachedStatement(db: SqlDb, sql: string): SqlStatement {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  let statement = byText.get(sql);
  if (!statement) byText.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/**
 * Runs `each` over `items` in slices of at most 64. Statements with a list of placeholders are
 * built (and prepared) per list length: slicing keeps the number of distinct ones small.
 */
export function inChunks<T>(items: readonly T[], each: (chunk: T[], offset: number) => void): void {
  const size = 64;
  for (let at = 0; at < items.length; at += size) each(items.slice(at, at + size), at);
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
export const snake = memo((key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));

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

/** Binds a camelCase object: booleans become 0/1 (both schemas store them as integers), undefined values are dropped. */
export function toParams(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  return out;
}

/** INSERT of every field of a camelCase object. Column names come from our own types, never input. */
export function insertRow(db: SqlDb, table: string, row: object): void {
  const params = toParams(row as Record<string, unknown>);
  const keys = Object.keys(params);
  cachedStatement(db, `INSERT INTO ${table} (${keys.map(snake).join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`).run(params);
}

/** UPDATE of the defined fields of a patch, by primary key. */
export function updateRow(db: SqlDb, table: string, keyColumn: string, key: string, patch: object): void {
  const params = toParams(patch as Record<string, unknown>);
  const keys = Object.keys(params);
  if (keys.length === 0) return;
  cachedStatement(db, `UPDATE ${table} SET ${keys.map((k) => `${snake(k)} = @${k}`).join(', ')} WHERE ${keyColumn} = @__key`).run({ ...params, __key: key });
}
