/**
 * kefu-migrate: moves an SQLite installation (DATA/kefu.db and DATA/attachments/) into a new,
 * empty PostgreSQL database, so the same data serves one or many PostgreSQL nodes.
 *
 * CLI: npx tsx server/tools/migrate-to-postgres.ts --data DATA_DIR --to postgres://user:pass@host/db
 *      (npm run migrate:postgres -- --data … --to …). Stop the server on DATA_DIR first.
 *
 * What it does, in this order:
 * - opens kefu.db read-only (the SQLite folder is never changed) and checks it is a Kefu Desk
 *   database whose schema is as new as this version's (the server upgrades it when it starts);
 * - brings the PostgreSQL schema up to date (the store's own migrator), then, in ONE transaction
 *   holding the store's write lock: refuses if the database already holds an installation (any row
 *   outside the defaults the schema seeds), replaces those seeded defaults (wrap-up codes, public
 *   phrase categories and phrases, the company auto-reply) by SQLite's rows, copies every table in
 *   foreign-key order and each in SQLite rowid order (PostgreSQL's mirrored `rowid` columns take
 *   SQLite's rowid values), copies every attachment file into attachment_blobs, and moves each
 *   identity sequence past the copied values (events.seq continues after SQLite's last seq, rowid
 *   after the last rowid);
 * - commits (all or nothing), then ANALYZEs so the planner knows the new row counts.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LOCK_KEYS } from '../store/postgres/lock-keys.js';
import { migratePostgres } from '../store/postgres/migrate.js';
import { openPgConnection, type PgConnection } from '../store/postgres/pg-db.js';

const SQLITE_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'store', 'migrations');

/**
 * Tables whose rows the PostgreSQL schema migration inserts itself (001_schema.sql): they may hold
 * rows in a new database, and the copy replaces them by the installation's own.
 */
export const SEEDED_TABLES: readonly string[] = ['wrap_up_codes', 'phrase_categories', 'phrases', 'company_auto_reply'];

/** Attachment bytes are files named by the attachment's uuid (server/store/attachment-files.ts). */
const ATTACHMENT_FILE = /^[0-9a-f-]{36}$/;
/** At most this many bound values per INSERT (PostgreSQL allows 65535). */
const MAX_PARAMS = 30_000;

export interface CopyProgress {
  /** A table being copied, or `attachment_blobs` for the attachment files. */
  table: string;
  /** Rows (files) copied so far. */
  rows: number;
  /** Rows (files) to copy. */
  total: number;
  /** True on the table's last report. */
  done: boolean;
}

export interface CopyOptions {
  /** The SQLite server's data folder: kefu.db and attachments/. */
  dataDir: string;
  /** postgres://… or postgresql://… of the database to fill. */
  databaseUrl: string;
  onProgress?: (progress: CopyProgress) => void;
  /** Rows per INSERT (default: as many as fit 30 000 parameters, at most 500). */
  batchRows?: number;
}

export interface CopyResult {
  /** Rows copied per table, in copy order. */
  tables: { table: string; rows: number }[];
  attachments: { files: number; bytes: number };
  /** Entries of attachments/ that are no attachment (temp files of an interrupted upload, strangers): not copied. */
  skippedFiles: string[];
  /** Ids of attachment / file_phrase rows whose file was missing in attachments/ (their bytes were already lost). */
  missingFiles: string[];
  /** The seeded default rows replaced, per table. */
  replacedDefaults: { table: string; rows: number }[];
  /** Identity sequences moved past the copied values: the next value is `value + 1`. */
  sequences: { table: string; column: string; value: number }[];
}

/** A refusal to copy (bad input, not an installation, a target already in use): exit code 2, nothing changed. */
export class MigrateRefusal extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'MigrateRefusal';
  }
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function checkInputs(opts: CopyOptions): { dbFile: string; attachmentsDir: string } {
  if (typeof opts.dataDir !== 'string' || opts.dataDir.trim() === '') throw new MigrateRefusal('Missing the SQLite data folder (--data DIR)');
  if (typeof opts.databaseUrl !== 'string' || opts.databaseUrl.trim() === '') throw new MigrateRefusal('Missing the PostgreSQL URL (--to postgres://…)');
  if (!/^postgres(ql)?:\/\//i.test(opts.databaseUrl))
    throw new MigrateRefusal(`--to must be a postgres:// or postgresql:// URL, not ${redactUrl(opts.databaseUrl)}`);
  try {
    new URL(opts.databaseUrl);
  } catch {
    throw new MigrateRefusal('--to is not a valid URL');
  }
  if (opts.batchRows !== undefined && !(Number.isInteger(opts.batchRows) && opts.batchRows >= 1))
    throw new MigrateRefusal('batchRows must be a positive integer');
  const dataDir = resolve(opts.dataDir);
  const dbFile = join(dataDir, 'kefu.db');
  if (!existsSync(dbFile) || !statSync(dbFile).isFile()) {
    throw new MigrateRefusal(`No SQLite database at ${dbFile}: --data must be the server's data folder (the one holding kefu.db and attachments/)`);
  }
  return { dbFile, attachmentsDir: join(dataDir, 'attachments') };
}

interface SqliteTable {
  name: string;
  columns: string[];
  withoutRowid: boolean;
  /** Tables this one references (foreign keys), itself excluded. */
  references: string[];
}

/** The SQLite side: a Kefu Desk database at this version's schema, every foreign key satisfied. */
function readSqliteSchema(db: Database.Database, dbFile: string): SqliteTable[] {
  const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasMigrations) throw new MigrateRefusal(`${dbFile} is not a Kefu Desk database (it has no schema_migrations table)`);
  const applied = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
  const known = readdirSync(SQLITE_MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .map((f) => Number(f.slice(0, 3)))
    .sort((a, b) => a - b);
  const missing = known.filter((v) => !applied.includes(v));
  const unknown = applied.filter((v) => !known.includes(v));
  if (unknown.length > 0) {
    throw new MigrateRefusal(
      `${dbFile} has schema versions this tool does not know (${unknown.join(', ')}): use the kefu-migrate of the Kefu Desk version that wrote it`,
    );
  }
  if (missing.length > 0) {
    throw new MigrateRefusal(
      `${dbFile} lacks schema versions ${missing.join(', ')}: start this version's server on the folder once (it upgrades the schema), stop it, then copy`,
    );
  }
  const violations = db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number | null; parent: string }[];
  if (violations.length > 0) {
    const sample = violations
      .slice(0, 5)
      .map((v) => `${v.table} rowid ${v.rowid} → ${v.parent}`)
      .join('; ');
    throw new MigrateRefusal(`${dbFile} has ${violations.length} rows whose foreign key points at nothing (${sample}): PostgreSQL would refuse them`);
  }
  const master = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name")
    .all() as { name: string; sql: string }[];
  return master.map(({ name, sql }) => {
    if (/^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(sql)) throw new MigrateRefusal(`${dbFile} has a virtual table ${name}, which PostgreSQL has no counterpart of`);
    const columns = (db.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string; cid: number }[]).sort((a, b) => a.cid - b.cid).map((c) => c.name);
    const references = [...new Set((db.prepare(`PRAGMA foreign_key_list(${quote(name)})`).all() as { table: string }[]).map((f) => f.table))].filter(
      (t) => t !== name,
    );
    return { name, columns, withoutRowid: /\)\s*WITHOUT\s+ROWID\s*;?\s*$/i.test(sql), references };
  });
}

/** Parents before children (Kahn's algorithm, ties by name); a cycle is refused. */
function foreignKeyOrder(tables: SqliteTable[]): SqliteTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const order: SqliteTable[] = [];
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t.name) && t.references.every((r) => done.has(r) || !byName.has(r)));
    if (ready.length === 0) {
      const left = tables.filter((t) => !done.has(t.name)).map((t) => t.name);
      throw new MigrateRefusal(`The foreign keys of tables ${left.join(', ')} form a cycle: no insertion order satisfies them`);
    }
    for (const t of ready) {
      done.add(t.name);
      order.push(t);
    }
  }
  return order;
}

interface PgColumn {
  name: string;
  dataType: string;
  /** 'ALWAYS' | 'BY DEFAULT' for identity columns, else null. */
  identity: string | null;
  generated: boolean;
}

function readPgColumns(pg: PgConnection): Map<string, PgColumn[]> {
  const rows = pg
    .prepare(
      `SELECT c.table_name, c.column_name, c.data_type, c.is_identity, c.identity_generation, c.is_generated
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name, c.ordinal_position`,
    )
    .all() as { table_name: string; column_name: string; data_type: string; is_identity: string; identity_generation: string | null; is_generated: string }[];
  const tables = new Map<string, PgColumn[]>();
  for (const r of rows) {
    let columns = tables.get(r.table_name);
    if (!columns) tables.set(r.table_name, (columns = []));
    columns.push({
      name: r.column_name,
      dataType: r.data_type,
      identity: r.is_identity === 'YES' ? r.identity_generation : null,
      generated: r.is_generated === 'ALWAYS',
    });
  }
  return tables;
}

/** What the pg executor binds: the value as SQLite holds it, checked against what the PostgreSQL column can hold exactly. */
function bindable(value: unknown, column: PgColumn, where: () => string): unknown {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) {
    if (column.dataType !== 'bytea') throw new Error(`${where()} holds a BLOB but the PostgreSQL column is ${column.dataType}: it cannot be copied exactly`);
    return value;
  }
  if (column.dataType === 'bytea') throw new Error(`${where()} holds a ${typeof value} but the PostgreSQL column is bytea: it cannot be copied exactly`);
  if (typeof value === 'string' && value.includes('\0')) throw new Error(`${where()} holds a NUL character, which PostgreSQL text cannot store`);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${where()} holds ${value}, which PostgreSQL ${column.dataType} cannot store`);
  return value;
}

/** Where the copy would clash with an installation already in the database: the tables that hold rows. */
function occupiedTables(pg: PgConnection, tables: string[]): { table: string; rows: number }[] {
  const occupied: { table: string; rows: number }[] = [];
  for (const table of tables) {
    if (table === 'schema_migrations' || SEEDED_TABLES.includes(table)) continue;
    const { n } = pg.prepare(`SELECT COUNT(*) AS n FROM ${quote(table)}`).get() as { n: number };
    if (n > 0) occupied.push({ table, rows: n });
  }
  return occupied;
}

/**
 * Copies the SQLite installation in `dataDir` into the PostgreSQL database `databaseUrl`
 * (see the file's comment). Rejects with MigrateRefusal when it will not start; any other error
 * rolls the whole copy back.
 */
export async function copySqliteToPostgres(opts: CopyOptions): Promise<CopyResult> {
  const { dbFile, attachmentsDir } = checkInputs(opts);
  const progress = opts.onProgress ?? (() => {});

  const sqlite = new Database(dbFile, { readonly: true, fileMustExist: true });
  let pg: PgConnection | undefined;
  try {
    const tables = foreignKeyOrder(readSqliteSchema(sqlite, dbFile));
    // One read transaction: every table comes from the same snapshot.
    sqlite.exec('BEGIN');
    const autoincrement = new Map<string, number>();
    if (sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'").get()) {
      for (const r of sqlite.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[]) autoincrement.set(r.name, r.seq);
    }

    pg = openPgConnection(opts.databaseUrl);
    migratePostgres(pg);
    const pgTables = readPgColumns(pg);
    for (const table of tables) {
      const target = pgTables.get(table.name);
      if (!target) throw new MigrateRefusal(`PostgreSQL has no table ${table.name} (SQLite has it): this tool and the database schema do not match`);
      const extra = table.columns.filter((c) => !target.some((t) => t.name === c));
      if (extra.length > 0) throw new MigrateRefusal(`PostgreSQL table ${table.name} lacks column(s) ${extra.join(', ')} that SQLite has`);
    }

    pg.exec(`BEGIN; SELECT pg_advisory_xact_lock(${LOCK_KEYS.writes})`);
    const occupied = occupiedTables(pg, [...pgTables.keys()]);
    if (occupied.length > 0) {
      pg.exec('ROLLBACK');
      throw new MigrateRefusal(
        `The PostgreSQL database ${redactUrl(opts.databaseUrl)} already holds data (${occupied.map((o) => `${o.table}: ${o.rows} rows`).join(', ')}). ` +
          'kefu-migrate copies into a new, empty database only, never into another installation; nothing was changed.',
      );
    }

    // The schema's default rows give way to the installation's own, children first.
    const replacedDefaults: CopyResult['replacedDefaults'] = [];
    for (const table of [...tables].reverse().filter((t) => SEEDED_TABLES.includes(t.name))) {
      const { changes } = pg.prepare(`DELETE FROM ${quote(table.name)}`).run();
      if (changes > 0) replacedDefaults.push({ table: table.name, rows: changes });
    }

    const copied: CopyResult['tables'] = [];
    const insertedColumns = new Map<string, string[]>();
    for (const table of tables) {
      const { rows, columns } = copyTable(sqlite, pg, table, pgTables.get(table.name)!, opts.batchRows, progress);
      copied.push({ table: table.name, rows });
      insertedColumns.set(table.name, columns);
    }

    const attachments = copyAttachments(pg, attachmentsDir, progress);
    const referenced = tables.some((t) => t.name === 'attachments') ? readIds(sqlite, 'attachments') : [];
    const canned = tables.some((t) => t.name === 'file_phrases') ? readIds(sqlite, 'file_phrases') : [];
    const present = new Set(attachments.ids);
    const missingFiles = [...referenced, ...canned].filter((id) => !present.has(id));

    const sequences: CopyResult['sequences'] = [];
    for (const table of tables) {
      for (const column of pgTables.get(table.name)!.filter((c) => c.identity !== null && insertedColumns.get(table.name)!.includes(c.name))) {
        const { max } = pg.prepare(`SELECT MAX(${quote(column.name)}) AS max FROM ${quote(table.name)}`).get() as { max: number | null };
        // AUTOINCREMENT never reuses a number, even one whose row is gone: neither may the sequence.
        const value = Math.max(max ?? 0, autoincrement.get(table.name) ?? 0);
        if (value < 1) continue;
        pg.prepare('SELECT setval(pg_get_serial_sequence(?, ?), ?)').get(quote(table.name), column.name, value);
        sequences.push({ table: table.name, column: column.name, value });
      }
    }

    pg.exec('COMMIT');
    sqlite.exec('COMMIT');
    // Fresh statistics for the planner: the tables went from empty to full in one go. The copy is
    // committed already; autovacuum gets there too if this is not allowed.
    try {
      pg.exec('ANALYZE');
    } catch {
      /* not needed for correctness */
    }
    return {
      tables: copied,
      attachments: { files: attachments.ids.length, bytes: attachments.bytes },
      skippedFiles: attachments.skipped,
      missingFiles,
      replacedDefaults,
      sequences,
    };
  } catch (error) {
    if (pg?.inTransaction()) pg.exec('ROLLBACK');
    throw error;
  } finally {
    pg?.close();
    sqlite.close();
  }
}

function readIds(sqlite: Database.Database, table: string): string[] {
  return (
    sqlite
      .prepare(`SELECT id FROM ${quote(table)} ORDER BY rowid`)
      .pluck()
      .all() as string[]
  ).filter((id) => typeof id === 'string');
}

function copyTable(
  sqlite: Database.Database,
  pg: PgConnection,
  table: SqliteTable,
  target: PgColumn[],
  batchRows: number | undefined,
  progress: (p: CopyProgress) => void,
): { rows: number; columns: string[] } {
  // PostgreSQL's mirror of SQLite's hidden rowid (001_schema.sql) takes SQLite's own rowid values.
  const mirror = table.withoutRowid || table.columns.includes('rowid') ? undefined : target.find((c) => c.name === 'rowid' && c.identity !== null);
  const columns = [...table.columns.map((name) => target.find((c) => c.name === name)!), ...(mirror ? [mirror] : [])];
  const generated = columns.filter((c) => c.generated);
  if (generated.length > 0) throw new MigrateRefusal(`PostgreSQL computes ${table.name}.${generated[0]!.name} itself: it cannot take SQLite's values`);
  const overriding = columns.some((c) => c.identity === 'ALWAYS') ? ' OVERRIDING SYSTEM VALUE' : '';
  const perBatch = Math.max(1, Math.min(batchRows ?? 500, Math.floor(MAX_PARAMS / Math.max(1, columns.length))));
  const head = `INSERT INTO ${quote(table.name)} (${columns.map((c) => quote(c.name)).join(', ')})${overriding} VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const statements = new Map<number, ReturnType<PgConnection['prepare']>>();
  const insert = (rows: unknown[][]): void => {
    let statement = statements.get(rows.length);
    if (!statement) statements.set(rows.length, (statement = pg.prepare(head + Array.from({ length: rows.length }, () => tuple).join(', '))));
    try {
      statement.run(...rows.flat());
    } catch (error) {
      throw new Error(`copying ${table.name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };

  const total =
    (sqlite
      .prepare(`SELECT COUNT(*) FROM ${quote(table.name)}`)
      .pluck()
      .get() as number) ?? 0;
  // Insertion order (rowid), as the rows were written; a WITHOUT ROWID table iterates by its key.
  const sources = [...table.columns.map(quote), ...(mirror ? ['rowid'] : [])];
  const select = sqlite.prepare(
    `SELECT ${table.withoutRowid ? 'NULL' : 'rowid'}, ${sources.join(', ')} FROM ${quote(table.name)}${table.withoutRowid ? '' : ' ORDER BY rowid'}`,
  );
  // Integers as BigInt: nothing beyond 2^53 is rounded on the way.
  select.safeIntegers(true).raw(true);
  let batch: unknown[][] = [];
  let rows = 0;
  for (const raw of select.iterate() as IterableIterator<unknown[]>) {
    const values = columns.map((column, i) =>
      bindable(raw[i + 1], column, () => `${table.name}.${column.name} (row ${table.withoutRowid ? rows + 1 : `rowid ${String(raw[0])}`})`),
    );
    batch.push(values);
    if (batch.length === perBatch) {
      insert(batch);
      rows += batch.length;
      batch = [];
      progress({ table: table.name, rows, total, done: false });
    }
  }
  if (batch.length > 0) {
    insert(batch);
    rows += batch.length;
  }
  progress({ table: table.name, rows, total, done: true });
  return { rows, columns: columns.map((c) => c.name) };
}

function copyAttachments(pg: PgConnection, dir: string, progress: (p: CopyProgress) => void): { ids: string[]; bytes: number; skipped: string[] } {
  const entries = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : [];
  const files = entries.filter((e) => e.isFile() && ATTACHMENT_FILE.test(e.name)).map((e) => e.name);
  const skipped = entries.filter((e) => !(e.isFile() && ATTACHMENT_FILE.test(e.name))).map((e) => e.name);
  const put = pg.prepare('INSERT INTO attachment_blobs (id, bytes) VALUES (?, ?)');
  let bytes = 0;
  files.forEach((id, i) => {
    const data = readFileSync(join(dir, id));
    try {
      put.run(id, data);
    } catch (error) {
      throw new Error(`copying attachment ${id} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    bytes += data.length;
    progress({ table: 'attachment_blobs', rows: i + 1, total: files.length, done: i + 1 === files.length });
  });
  if (files.length === 0) progress({ table: 'attachment_blobs', rows: 0, total: 0, done: true });
  return { ids: files, bytes, skipped };
}

// ---------------------------------------------------------------------------------------------- CLI

const USAGE = `Usage: npm run migrate:postgres -- --data DATA_DIR --to postgres://user:password@host:5432/database
       npx tsx server/tools/migrate-to-postgres.ts --data DATA_DIR --to postgres://…

Copies a Kefu Desk SQLite installation (DATA_DIR/kefu.db and DATA_DIR/attachments/) into a new,
empty PostgreSQL database, in one transaction: every table, every attachment, all or nothing.
Stop the server on DATA_DIR first; the SQLite folder is only read. Afterwards start the servers
with KEFU_DATABASE_URL set to the same URL.

Options:
  --data DIR   the server's data folder (holds kefu.db)
  --to URL     postgres:// or postgresql:// URL of the database to fill (created beforehand, empty)
  --quiet      no progress lines, only the summary
  -h, --help   this text

Exit codes: 0 copied; 2 refused (bad arguments, no database, target not empty; nothing changed); 1 failed (rolled back).`;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]} (${bytes} bytes)`;
}

export function summaryText(result: CopyResult, databaseUrl: string, ms: number): string {
  const width = Math.max(...result.tables.map((t) => t.table.length), 'attachment files'.length);
  const lines = [`Copied into ${redactUrl(databaseUrl)} in ${(ms / 1000).toFixed(1)} s:`];
  for (const t of result.tables) lines.push(`  ${t.table.padEnd(width)}  ${String(t.rows).padStart(9)} rows`);
  const totalRows = result.tables.reduce((sum, t) => sum + t.rows, 0);
  lines.push(`  ${'(all tables)'.padEnd(width)}  ${String(totalRows).padStart(9)} rows`);
  lines.push(`  ${'attachment files'.padEnd(width)}  ${String(result.attachments.files).padStart(9)} files, ${formatBytes(result.attachments.bytes)}`);
  if (result.replacedDefaults.length > 0) {
    lines.push(`Replaced the schema's default rows of ${result.replacedDefaults.map((r) => `${r.table} (${r.rows})`).join(', ')} by the installation's.`);
  }
  for (const s of result.sequences) lines.push(`Sequence of ${s.table}.${s.column} continues after ${s.value}.`);
  if (result.skippedFiles.length > 0) lines.push(`Not copied (no attachment): ${result.skippedFiles.join(', ')}`);
  if (result.missingFiles.length > 0) {
    lines.push(
      `Warning: ${result.missingFiles.length} attachment(s) had no file in the SQLite folder already (their rows were copied): ${result.missingFiles.join(', ')}`,
    );
  }
  lines.push('Start the server(s) with KEFU_DATABASE_URL set to this database to use it.');
  return lines.join('\n');
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  let values: { data?: string; to?: string; help?: boolean; quiet?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' }, quiet: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const missing = [!values.data && '--data DIR', !values.to && '--to URL'].filter(Boolean);
  if (missing.length > 0) {
    err(`Missing ${missing.join(' and ')}\n\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  let lastLine = started;
  const onProgress = (p: CopyProgress): void => {
    // Each table when it is done; a big one also every few seconds on the way.
    if (!p.done && Date.now() - lastLine < 5_000) return;
    lastLine = Date.now();
    err(`  ${p.table}: ${p.rows}${p.done ? '' : ` of ${p.total}`} ${p.table === 'attachment_blobs' ? 'files' : 'rows'}`);
  };
  try {
    const result = await copySqliteToPostgres({ dataDir: values.data!, databaseUrl: values.to!, onProgress: values.quiet ? undefined : onProgress });
    out(summaryText(result, values.to!, Date.now() - started));
    return 0;
  } catch (error) {
    if (error instanceof MigrateRefusal) {
      err(`Refused: ${error.message}`);
      return error.exitCode;
    }
    err(`Failed, nothing was copied (the transaction was rolled back): ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function runDirectly(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(resolve(process.argv[1])) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (runDirectly()) process.exitCode = await main(process.argv.slice(2));
