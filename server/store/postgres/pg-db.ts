/**
 * PostgreSQL behind the repositories' SqlDb (../sql/sql-db.ts), through pg-native: node-postgres's
 * libpq binding, whose synchronous calls keep each unit of work one uninterrupted piece of code,
 * exactly as better-sqlite3 does (docs/ARCHITECTURE.md, "Stores", says what that costs and why).
 * One connection per store; statements are prepared on the server once, by generated name.
 */
import Client from 'pg-native';
import pgTypes from 'pg-types';
import type { SqlDb, SqlStatement } from '../sql/sql-db.js';
import { toPostgresSql } from './sql-text.js';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * Times are epoch milliseconds in BIGINT columns and counts come back as BIGINT: both fit a JS
 * number (2^53), which is what the repositories expect from SQLite too.
 */
const types = {
  getTypeParser: (oid: number, format?: string) => (oid === INT8 || oid === NUMERIC ? Number : pgTypes.getTypeParser(oid, (format ?? 'text') as 'text')),
};

/** libpq takes text parameters: the same values better-sqlite3 binds, written as PostgreSQL reads them. */
function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  throw new TypeError(`cannot bind a ${typeof value} to a PostgreSQL parameter`);
}

/** SQLite's hidden rowid is a real column here (insertion order for tie-breaks); rows never carry it. */
function withoutRowid(row: Record<string, unknown>): Record<string, unknown> {
  if ('rowid' in row) delete row.rowid;
  return row;
}

/**
 * Connections closed a moment ago, kept reachable. libpq's binding closes its socket watcher with
 * an asynchronous uv_close on memory inside the connection object: if the object were garbage
 * collected before the event loop finished that close, the process would abort in libuv
 * (`uv__finish_close` assertion). Held for a second, then let go.
 */
const retired = new Set<Client>();
const RETIRE_MS = 1_000;

export interface PgConnection extends SqlDb {
  /** True while a transaction is open on this connection. */
  inTransaction(): boolean;
  close(): void;
}

export function openPgConnection(connectionString: string): PgConnection {
  const client = new Client({ types });
  client.connectSync(connectionString);
  // libpq prints NOTICEs (e.g. "already exists, skipping") on stderr; only warnings and errors matter.
  client.querySync('SET client_min_messages TO warning');
  let named = 0;
  let open = true;

  // libpq on a finished connection dereferences a freed handle and kills the process; better-sqlite3
  // throws instead. Throw the same way, so work that outlives close (a late timer) fails like it.
  const ensureOpen = (): void => {
    if (!open) throw new TypeError('The PostgreSQL connection is not open');
  };

  const prepare = (sql: string): SqlStatement => {
    const translated = toPostgresSql(sql);
    let name: string | null = null;
    const execute = (params: unknown[]): Record<string, unknown>[] => {
      ensureOpen();
      if (name === null) {
        const next = `s${++named}`;
        client.prepareSync(next, translated.text, translated.count);
        name = next;
      }
      // A statement built with named parameters may end up with none (an unfiltered list) yet still be given its object.
      const values = translated.names
        ? translated.names.map((key) => toText((params[0] as Record<string, unknown> | undefined)?.[key]))
        : translated.count === 0
          ? []
          : params.map(toText);
      return client.executeSync(name, values);
    };
    return {
      get: (...params) => {
        const row = execute(params)[0];
        return row ? withoutRowid(row) : undefined;
      },
      all: (...params) => execute(params).map(withoutRowid),
      run: (...params) => {
        execute(params);
        return { changes: Number(client.pq.cmdTuples()) || 0 };
      },
    };
  };

  return {
    dialect: 'postgres',
    prepare,
    exec: (sql) => {
      ensureOpen();
      client.querySync(sql);
    },
    // PQTRANS_INTRANS (2) or PQTRANS_INERROR (3).
    inTransaction: () => open && client.pq.transactionStatus() >= 2,
    close() {
      if (!open) return;
      open = false;
      client.end();
      retired.add(client);
      setTimeout(() => retired.delete(client), RETIRE_MS).unref();
    },
  };
}
