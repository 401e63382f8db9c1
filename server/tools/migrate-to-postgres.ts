/**
 * kefu-migrate: moves an SQLite installation (DATA/kefu.db and DATA/attachments/) into a new,
 * empty PostgreSQL database, so the same data serves one or many PostgreSQL nodes.
 *
 * CLI (server/tools/kefu-migrate.ts): npx tsx server/tools/kefu-migrate.ts --data DATA_DIR --to postgres://user:pass@host/db
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
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LOCK_KEYS } from '../store/postgres/lock-keys.js';
import { migratePostgres } from '../store/postgres/migrate.js';
import { openPgConnection, type PgConnection } from '../store/postgres/pg-db.js';
import {
  bindable,
  foreignKeyOrder,
  MigrateRefusal,
  SEEDED_TABLES,
  occupiedTables,
  quote,
  readPgColumns,
  readSqliteSchema,
  type PgColumn,
  type SqliteTable,
} from './migrate-schema.js';

export { MigrateRefusal, SEEDED_TABLES } from './migrate-schema.js';

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
    pg?.rollback();
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
