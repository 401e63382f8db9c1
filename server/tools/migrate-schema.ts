/**
 * kefu-migrate's view of the two schemas: the SQLite tables to copy (checked to be this version's
 * Kefu Desk schema, in foreign-key order), the PostgreSQL columns they go into, and how a value is
 * bound on the way. server/tools/migrate-to-postgres.ts does the copy with them.
 */
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgConnection } from '../store/postgres/pg-db.js';

export const SQLITE_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'store', 'migrations');

/**
 * Tables whose rows the PostgreSQL schema migration inserts itself (001_schema.sql): they may hold
 * rows in a new database, and the copy replaces them by the installation's own.
 */
export const SEEDED_TABLES: readonly string[] = ['wrap_up_codes', 'phrase_categories', 'phrases', 'company_auto_reply'];

export class MigrateRefusal extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'MigrateRefusal';
  }
}

export const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export interface SqliteTable {
  name: string;
  columns: string[];
  withoutRowid: boolean;
  /** Tables this one references (foreign keys), itself excluded. */
  references: string[];
}

/** The SQLite side: a Kefu Desk database at this version's schema, every foreign key satisfied. */
export function readSqliteSchema(db: Database.Database, dbFile: string): SqliteTable[] {
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
export function foreignKeyOrder(tables: SqliteTable[]): SqliteTable[] {
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

export interface PgColumn {
  name: string;
  dataType: string;
  /** 'ALWAYS' | 'BY DEFAULT' for identity columns, else null. */
  identity: string | null;
  generated: boolean;
}

export function readPgColumns(pg: PgConnection): Map<string, PgColumn[]> {
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
export function bindable(value: unknown, column: PgColumn, where: () => string): unknown {
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
export function occupiedTables(pg: PgConnection, tables: string[]): { table: string; rows: number }[] {
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
