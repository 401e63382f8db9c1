/**
 * What PostgreSQL itself did during a phase, from its statistics views, per stored message:
 * transactions and rows (pg_stat_database), WAL records and flushes (pg_stat_wal), and — with
 * KEFU_BENCH_PG_STATEMENTS=1, which loads pg_stat_statements — the statements the nodes sent
 * (each one is a synchronous round trip of a node's one connection) and where execution time went.
 *
 * Backends report their counters at most once a second, so the per-phase figures are approximate
 * at the edges (±1 s of activity); the phases last several seconds.
 */
import pg from 'pg';

export interface PgCounters {
  xactCommit: number;
  xactRollback: number;
  tupInserted: number;
  tupUpdated: number;
  tupFetched: number;
  walRecords: number;
  walBytes: number;
  /** WAL flushes to disk (fsync/fdatasync): what a durable commit waits for. */
  walSync: number;
}

export interface PgStatement {
  query: string;
  calls: number;
  totalMs: number;
}

export interface PgSnapshot {
  counters: PgCounters;
  statements: PgStatement[] | null;
}

export interface PgPhaseStats {
  /** Per stored (acked) message of the phase. */
  perMessage: {
    transactions: number;
    rowsInserted: number;
    rowsUpdated: number;
    /** Rows fetched by index scans (lookups). */
    rowsFetched: number;
    walRecords: number;
    walBytes: number;
    walFlushes: number;
    /** Statements executed (≈ round trips; a multi-statement string counts each), with KEFU_BENCH_PG_STATEMENTS=1. */
    statements: number | null;
  };
  /** Server-side execution time of all statements, ms per stored message (no network, no client). */
  executionMsPerMessage: number | null;
  /** The statements that took the most execution time, with calls per stored message. */
  topStatements: { query: string; callsPerMessage: number; meanMs: number; totalMs: number }[] | null;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Makes pg_stat_statements queryable in this database (the server must have it in shared_preload_libraries). */
export async function enableStatements(url: string): Promise<void> {
  await withClient(url, (client) => client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements'));
}

export async function pgSnapshot(url: string, statements: boolean): Promise<PgSnapshot> {
  return withClient(url, async (client) => {
    const db = await client.query<Record<string, string>>(
      `SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_fetched FROM pg_stat_database WHERE datname = current_database()`,
    );
    const wal = await client.query<Record<string, string>>('SELECT wal_records, wal_bytes, wal_sync FROM pg_stat_wal');
    const d = db.rows[0] ?? {};
    const w = wal.rows[0] ?? {};
    const counters: PgCounters = {
      xactCommit: Number(d.xact_commit ?? 0),
      xactRollback: Number(d.xact_rollback ?? 0),
      tupInserted: Number(d.tup_inserted ?? 0),
      tupUpdated: Number(d.tup_updated ?? 0),
      tupFetched: Number(d.tup_fetched ?? 0),
      walRecords: Number(w.wal_records ?? 0),
      walBytes: Number(w.wal_bytes ?? 0),
      walSync: Number(w.wal_sync ?? 0),
    };
    if (!statements) return { counters, statements: null };
    const rows = await client.query<{ query: string; calls: string; total: string }>(
      `SELECT query, calls, total_exec_time AS total FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database()`,
    );
    return { counters, statements: rows.rows.map((r) => ({ query: r.query, calls: Number(r.calls), totalMs: Number(r.total) })) };
  });
}

const TOP_STATEMENTS = 8;

export function pgPhaseStats(before: PgSnapshot, after: PgSnapshot, storedMessages: number): PgPhaseStats {
  const n = Math.max(1, storedMessages);
  const delta = (key: keyof PgCounters): number => (after.counters[key] - before.counters[key]) / n;
  let statements: number | null = null;
  let executionMsPerMessage: number | null = null;
  let topStatements: PgPhaseStats['topStatements'] = null;
  if (before.statements && after.statements) {
    const earlier = new Map(before.statements.map((s) => [s.query, s]));
    const used = after.statements
      .map((s) => ({ query: s.query, calls: s.calls - (earlier.get(s.query)?.calls ?? 0), totalMs: s.totalMs - (earlier.get(s.query)?.totalMs ?? 0) }))
      .filter((s) => s.calls > 0);
    // The bench's own snapshot queries are not the nodes' work.
    const nodes = used.filter((s) => !/pg_stat_(database|wal|statements)/.test(s.query));
    statements = nodes.reduce((sum, s) => sum + s.calls, 0) / n;
    executionMsPerMessage = nodes.reduce((sum, s) => sum + s.totalMs, 0) / n;
    topStatements = nodes
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, TOP_STATEMENTS)
      .map((s) => ({ query: s.query.replace(/\s+/g, ' ').slice(0, 110), callsPerMessage: s.calls / n, meanMs: s.totalMs / s.calls, totalMs: s.totalMs }));
  }
  return {
    perMessage: {
      transactions: delta('xactCommit') + delta('xactRollback'),
      rowsInserted: delta('tupInserted'),
      rowsUpdated: delta('tupUpdated'),
      rowsFetched: delta('tupFetched'),
      walRecords: delta('walRecords'),
      walBytes: delta('walBytes'),
      walFlushes: delta('walSync'),
      statements,
    },
    executionMsPerMessage,
    topStatements,
  };
}
