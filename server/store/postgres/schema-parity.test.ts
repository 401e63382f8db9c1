/**
 * The PostgreSQL schema (its migrations, applied in order) is SQLite's final schema (all its migrations)
 * in the other engine: both are built for real and compared table by table, so the repositories'
 * shared SQL and row mapping work on either. PostgreSQL's extra trailing `rowid` column (SQLite's
 * hidden rowid, made visible) is the one expected difference.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../sqlite/db.js';
import { startPostgres, type PostgresServer } from '../../testing/engines/postgres.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Tables only PostgreSQL has, by design: attachment bytes live in files beside SQLite's database. */
const POSTGRES_ONLY = ['attachment_blobs'];
const SLOW = { timeout: 120_000 };
const INT8 = 20;

interface Column {
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
}

interface Index {
  table: string;
  unique: boolean;
  partial: boolean;
  columns: string[];
}

interface ForeignKey {
  from: string;
  table: string;
  to: string;
  onDelete: string;
}

interface Schema {
  columns: Map<string, Column[]>;
  indexes: Map<string, Index>;
  /** Per table: the primary key's columns, then each UNIQUE constraint's, as "a,b" strings. */
  keys: Map<string, { primary: string; unique: string[] }>;
  foreignKeys: Map<string, ForeignKey[]>;
  checks: Map<string, number>;
  /** Per table: every row (the seeded defaults), as sorted JSON strings. */
  rows: Map<string, string[]>;
}

const sortedRows = (rows: Record<string, unknown>[]): string[] =>
  rows
    .map((row) => {
      const { rowid: _rowid, ...rest } = row;
      return JSON.stringify(rest);
    })
    .sort();

// ---------------------------------------------------------------------------------------------- SQLite

function readSqlite(db: Db): Schema {
  const master = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
  // FTS5 (or any virtual) tables and their shadow tables (<name>_data, _idx, _content, …) are not translated.
  const virtual = master.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  const tables = master.filter(
    (t) => !t.name.startsWith('sqlite_') && t.name !== 'schema_migrations' && !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)),
  );
  const schema: Schema = { columns: new Map(), indexes: new Map(), keys: new Map(), foreignKeys: new Map(), checks: new Map(), rows: new Map() };
  for (const { name: table, sql } of tables) {
    const info = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    schema.columns.set(
      table,
      // A PRIMARY KEY column is NOT NULL in PostgreSQL always; SQLite's table_info says notnull = 0 for a
      // non-INTEGER key declared without NOT NULL (a documented SQLite quirk the app never relies on).
      info.map((c) => ({ name: c.name, type: c.type, notNull: c.notnull === 1 || c.pk > 0, default: c.dflt_value })),
    );
    const primary = info
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name)
      .join(',');
    const unique: string[] = [];
    const list = db.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number; origin: string; partial: number }[];
    for (const index of list) {
      const columns = (db.prepare(`PRAGMA index_info("${index.name}")`).all() as { seqno: number; name: string }[])
        .sort((a, b) => a.seqno - b.seqno)
        .map((c) => c.name);
      if (index.origin === 'u') unique.push(columns.join(','));
      if (index.origin !== 'c' || index.name.startsWith('sqlite_autoindex_')) continue;
      schema.indexes.set(index.name, { table, unique: index.unique === 1, partial: index.partial === 1, columns });
    }
    schema.keys.set(table, { primary, unique: unique.sort() });
    const fks = db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string; from: string; to: string; on_delete: string }[];
    schema.foreignKeys.set(
      table,
      fks.map((f) => ({ from: f.from, table: f.table, to: f.to, onDelete: f.on_delete })).sort((a, b) => a.from.localeCompare(b.from)),
    );
    schema.checks.set(table, (sql.replace(/--[^\n]*/g, '').match(/\bCHECK\s*\(/gi) ?? []).length);
    schema.rows.set(table, sortedRows(db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]));
  }
  return schema;
}

/** Columns SQLite declares `COLLATE NOCASE`, as table.column (they become CITEXT). */
function nocaseColumns(db: Db): string[] {
  const out: string[] = [];
  for (const { name, sql } of db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL").all() as {
    name: string;
    sql: string;
  }[]) {
    for (const match of sql.replace(/--[^\n]*/g, '').matchAll(/[(,]\s*"?(\w+)"?\s[^,]*?\bCOLLATE\s+NOCASE\b/gi)) out.push(`${name}.${match[1]}`);
  }
  return out.sort();
}

// ---------------------------------------------------------------------------------------------- PostgreSQL

const ON_DELETE: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

async function readPostgres(client: pg.Client): Promise<Schema & { udt: Map<string, string> }> {
  const schema: Schema & { udt: Map<string, string> } = {
    columns: new Map(),
    indexes: new Map(),
    keys: new Map(),
    foreignKeys: new Map(),
    checks: new Map(),
    rows: new Map(),
    udt: new Map(),
  };
  const tables = (
    await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'",
    )
  ).rows.map((r) => r.table_name);
  const columns = await client.query<{ table_name: string; column_name: string; is_nullable: string; column_default: string | null; udt_name: string }>(
    "SELECT table_name, column_name, is_nullable, column_default, udt_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
  );
  for (const table of tables) {
    const own = columns.rows.filter((c) => c.table_name === table);
    schema.columns.set(
      table,
      own.map((c) => ({
        name: c.column_name,
        type: c.udt_name,
        notNull: c.is_nullable === 'NO',
        // '[]'::text → '[]', as SQLite reports the default's text.
        default: c.column_default === null ? null : c.column_default.replace(/::[\w ]+$/, ''),
      })),
    );
    for (const c of own) schema.udt.set(`${table}.${c.column_name}`, c.udt_name);
    schema.keys.set(table, { primary: '', unique: [] });
    schema.foreignKeys.set(table, []);
    schema.checks.set(table, 0);
    schema.rows.set(table, sortedRows((await client.query(`SELECT * FROM "${table}"`)).rows));
  }
  for (const index of (
    await client.query<{ indexname: string; tablename: string; indexdef: string }>(
      "SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    )
  ).rows) {
    const columns = /USING \w+ \(([^)]*)\)/.exec(index.indexdef)?.[1] ?? '';
    schema.indexes.set(index.indexname, {
      table: index.tablename,
      unique: index.indexdef.startsWith('CREATE UNIQUE INDEX'),
      partial: / WHERE /.test(index.indexdef),
      columns: columns.split(',').map((c) => c.trim().replace(/^"|"$/g, '')),
    });
  }
  const constraints = await client.query<{
    table_name: string;
    contype: string;
    columns: string[];
    ref_table: string | null;
    ref_columns: string[] | null;
    confdeltype: string;
  }>(
    `SELECT t.relname AS table_name, c.contype,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
            r.relname AS ref_table,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS ref_columns,
            c.confdeltype
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid LEFT JOIN pg_class r ON r.oid = c.confrelid
      WHERE c.connamespace = 'public'::regnamespace`,
  );
  for (const c of constraints.rows) {
    const keys = schema.keys.get(c.table_name)!;
    if (c.contype === 'p') keys.primary = c.columns.join(',');
    else if (c.contype === 'u') keys.unique = [...keys.unique, c.columns.join(',')].sort();
    else if (c.contype === 'c') schema.checks.set(c.table_name, schema.checks.get(c.table_name)! + 1);
    else if (c.contype === 'f') {
      expect(c.columns, `single-column foreign keys only (${c.table_name})`).toHaveLength(1);
      schema.foreignKeys.get(c.table_name)!.push({ from: c.columns[0]!, table: c.ref_table!, to: c.ref_columns![0]!, onDelete: ON_DELETE[c.confdeltype]! });
    }
  }
  for (const fks of schema.foreignKeys.values()) fks.sort((a, b) => a.from.localeCompare(b.from));
  return schema;
}

// ---------------------------------------------------------------------------------------------- the tests

describe("PostgreSQL's migrations build SQLite's schema", () => {
  let dir: string;
  let sqliteDb: Db;
  let server: PostgresServer | undefined;
  let url: string;
  let client: pg.Client;
  let sqlite: Schema;
  let nocase: string[];
  let postgres: Awaited<ReturnType<typeof readPostgres>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kefu-schema-parity-'));
    sqliteDb = openDatabase(join(dir, 'kefu.db'));
    sqlite = readSqlite(sqliteDb);
    nocase = nocaseColumns(sqliteDb);

    server = await startPostgres({ settings: { fsync: 'off' } });
    url = await server.createDatabase('kefu_schema_parity');
    // BIGINT comes back as a JS number, as the app's own connection reads it (pg-db.ts).
    client = new pg.Client({
      connectionString: url,
      types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format))) as never },
    });
    await client.connect();
    await client.query('BEGIN');
    for (const file of readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d+_.*\.sql$/.test(f))
      .sort()) {
      await client.query(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
    }
    for (const table of POSTGRES_ONLY) await client.query(`DROP TABLE ${table}`);
    await client.query('COMMIT');
    postgres = await readPostgres(client);
  }, SLOW.timeout);

  afterAll(async () => {
    await client?.end();
    if (server && url) await server.dropDatabase(url);
    await server?.stop();
    sqliteDb?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, SLOW.timeout);

  it('has the same tables', SLOW, () => {
    expect(sqlite.columns.size).toBeGreaterThan(20);
    expect([...postgres.columns.keys()].sort()).toEqual([...sqlite.columns.keys()].sort());
  });

  it('has the same columns in the same order, NOT NULL and DEFAULT alike, plus a trailing rowid where a query needs one', SLOW, () => {
    for (const [table, columns] of sqlite.columns) {
      const pgColumns = postgres.columns.get(table)!;
      const withoutRowid = pgColumns.at(-1)?.name === 'rowid' ? pgColumns.slice(0, -1) : pgColumns;
      expect(
        withoutRowid.map((c) => c.name),
        table,
      ).toEqual(columns.map((c) => c.name));
      expect(
        withoutRowid.map((c) => [c.name, c.notNull]),
        `${table}: NOT NULL`,
      ).toEqual(columns.map((c) => [c.name, c.notNull]));
      expect(
        withoutRowid.map((c) => [c.name, c.default]),
        `${table}: DEFAULT`,
      ).toEqual(columns.map((c) => [c.name, c.default]));
      // The rowid stand-in is an identity column, never written by the app.
      if (withoutRowid !== pgColumns) expect(pgColumns.at(-1), `${table}.rowid`).toMatchObject({ type: 'int8', notNull: true });
    }
    // The tables whose rowid the shared SQL uses (ORDER BY … rowid, DELETE … WHERE rowid IN) have it.
    const withRowid = [...postgres.columns].filter(([, columns]) => columns.at(-1)?.name === 'rowid').map(([table]) => table);
    expect(withRowid.sort()).toEqual([
      'agent_activity',
      'audit_log',
      'blacklist',
      'conversations',
      'login_guard',
      'notices',
      'offline_messages',
      'phone_activity',
      'sessions',
      'whispers',
    ]);
  });

  it('translates the types: INTEGER → BIGINT, TEXT → TEXT, COLLATE NOCASE → CITEXT', SLOW, () => {
    expect(nocase).toEqual(['agents.account']);
    for (const [table, columns] of sqlite.columns) {
      for (const column of columns) {
        const key = `${table}.${column.name}`;
        const expected =
          column.type === 'INTEGER' ? 'int8' : column.type === 'REAL' ? 'float8' : column.type === 'BLOB' ? 'bytea' : nocase.includes(key) ? 'citext' : 'text';
        expect(postgres.udt.get(key), key).toBe(expected);
      }
    }
  });

  it('has the same primary keys, UNIQUE constraints, CHECK constraints and foreign keys (with their ON DELETE)', SLOW, () => {
    for (const table of sqlite.columns.keys()) {
      expect(postgres.keys.get(table), `${table}: keys`).toEqual(sqlite.keys.get(table));
      expect(postgres.checks.get(table), `${table}: CHECK count`).toBe(sqlite.checks.get(table));
      expect(postgres.foreignKeys.get(table), `${table}: foreign keys`).toEqual(sqlite.foreignKeys.get(table));
    }
  });

  it('has every SQLite index under the same name, on the same columns, as unique and as partial', SLOW, () => {
    expect(sqlite.indexes.size).toBeGreaterThan(10);
    for (const [name, index] of sqlite.indexes) {
      expect(postgres.indexes.get(name), name).toEqual(index);
    }
  });

  it('seeds the same default rows', SLOW, () => {
    for (const [table, rows] of sqlite.rows) expect(postgres.rows.get(table), table).toEqual(rows);
    expect(postgres.rows.get('wrap_up_codes')).toHaveLength(4);
    expect(postgres.rows.get('company_auto_reply')).toHaveLength(1);
  });

  it('compares agents.account ignoring case, as COLLATE NOCASE does (citext)', SLOW, async () => {
    const insert = "INSERT INTO agents (id, account, nickname, role, password_hash, max_concurrent, created_at) VALUES ($1, $2, '管理员', 'admin', 'x', 5, 1)";
    await client.query(insert, ['a1', 'Admin']);
    const found = await client.query<{ id: string; account: string }>("SELECT id, account FROM agents WHERE account = 'admin'");
    expect(found.rows).toEqual([{ id: 'a1', account: 'Admin' }]);
    // A bound parameter takes the column's type, so the repositories' `account = ?` ignores case too.
    expect((await client.query('SELECT id FROM agents WHERE account = $1', ['ADMIN'])).rows).toEqual([{ id: 'a1' }]);
    await expect(client.query(insert, ['a2', 'ADMIN'])).rejects.toMatchObject({ code: '23505' });

    // SQLite, for comparison: the same answers.
    const sqliteInsert = sqliteDb.prepare(
      "INSERT INTO agents (id, account, nickname, role, password_hash, max_concurrent, created_at) VALUES (?, ?, '管理员', 'admin', 'x', 5, 1)",
    );
    sqliteInsert.run('a1', 'Admin');
    expect(sqliteDb.prepare("SELECT id, account FROM agents WHERE account = 'admin'").all()).toEqual([{ id: 'a1', account: 'Admin' }]);
    expect(() => sqliteInsert.run('a2', 'ADMIN')).toThrow(/UNIQUE/);
  });
});
