/**
 * `npm run bench:reports` (issue 15): a generated year of contact-center data for 200 agents
 * (about 2 million conversations, 30 million messages — server/tools/report-data.ts), then every
 * report over the last 90 days, repeatedly, through the reports' own code (rollups); beside each,
 * the same report computed by a plain GROUP BY over the raw rows (reports-baseline.ts) in the same
 * run, with the ratio and the issue's target (p95 ≤ 200 ms, ✓/✗). Generation and rollup rebuild
 * times and the database size are printed too.
 *
 * SQLite in a temporary folder by default; with KEFU_DATABASE_URL a fresh database on that
 * PostgreSQL server (dropped at the end). The size is configurable for a smaller run:
 *   KEFU_BENCH_REPORT_DAYS (365), KEFU_BENCH_REPORT_AGENTS (200), KEFU_BENCH_REPORT_GROUPS (10),
 *   KEFU_BENCH_REPORT_PER_DAY (conversations a day; default 2,000,000 a year scaled to the agents),
 *   KEFU_BENCH_REPORT_MESSAGES (the generator's messages option, 24: about 15 per conversation),
 *   KEFU_BENCH_REPORT_WINDOW (days each report spans, 90), KEFU_BENCH_REPORT_RUNS (20 per report).
 * A missed target is marked ✗ without changing the exit code (the machine may be shared).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { ReportNameSchema, type ReportName } from '../../shared/protocol/rest-reports.js';
import type { ConsoleActor } from '../../server/domain/admin/console-scope.js';
import { createContext } from '../../server/domain/context.js';
import { computeReport } from '../../server/domain/reports/reports.js';
import { rebuildRollups } from '../../server/domain/reports/rollups.js';
import { openStore } from '../../server/store/open-store.js';
import { openPgConnection } from '../../server/store/postgres/pg-db.js';
import { openDatabase, sqliteSqlDb } from '../../server/store/sqlite/db.js';
import type { SqlDb } from '../../server/store/sql/sql-db.js';
import { startPostgres, type PostgresServer } from '../../server/testing/engines/postgres.js';
import { generateReportData } from '../../server/tools/report-data.js';
import { BASELINES } from './reports-baseline.js';
import { summarize, type LatencySummary } from './stats.js';

const env = (name: string, fallback: number, max: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 1) throw new Error(`${name} must be a positive number`);
  return Math.min(Math.floor(value), max);
};

const DAYS = env('KEFU_BENCH_REPORT_DAYS', 365, 3 * 366);
const AGENTS = env('KEFU_BENCH_REPORT_AGENTS', 200, 5_000);
const GROUPS = env('KEFU_BENCH_REPORT_GROUPS', 10, 500);
/** The year: 2,000,000 conversations for 200 agents. */
const PER_DAY = env('KEFU_BENCH_REPORT_PER_DAY', Math.round(((2_000_000 / 365) * AGENTS) / 200), 1_000_000);
// The generator's option; it writes about 0.63 of it per conversation (none for the abandoned, cut at the end): 24 gives ~15.
const MESSAGES = env('KEFU_BENCH_REPORT_MESSAGES', 24, 400);
const WINDOW = Math.min(env('KEFU_BENCH_REPORT_WINDOW', 90, 366), DAYS);
const RUNS = env('KEFU_BENCH_REPORT_RUNS', 20, 1_000);
/** One report's series (engine or baseline) stops after this long even if runs remain. */
const SERIES_BUDGET_MS = 60_000;
const TARGET_P95_MS = 200;

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;
/** The data's first day: a year ago, from a Shanghai midnight (the default company zone). */
const FIRST_DATE = new Date(Date.UTC(2025, 0, 1));
const START = FIRST_DATE.getTime() - SHANGHAI_MS;
const dateOf = (dayIndex: number): string => new Date(FIRST_DATE.getTime() + dayIndex * DAY_MS).toISOString().slice(0, 10);

const admin: ConsoleActor = { id: 'bench-admin', account: 'bench', role: 'admin', groupId: null };

/** stats.ts's summary plus the 95th percentile the target names (nearest rank). */
type Summary = LatencySummary & { p95: number };

interface Row {
  report: ReportName;
  engine: Summary;
  baseline: Summary;
}

function measure(run: () => unknown): Summary {
  run(); // warm-up: statement cache, page cache
  const samples: number[] = [];
  const deadline = performance.now() + SERIES_BUDGET_MS;
  for (let i = 0; i < RUNS && (i === 0 || performance.now() < deadline); i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { ...summarize(samples), p95: sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? Number.NaN };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const msText = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(1)).padStart(9);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<number> {
  const databaseUrl = process.env.KEFU_DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), 'kefu-reports-bench-'));
  let postgres: PostgresServer | null = null;
  let url: string | undefined;
  if (databaseUrl) {
    // A fresh database on the server named (the one the URL names is left alone).
    process.env.KEFU_TEST_DATABASE_URL = databaseUrl;
    postgres = await startPostgres();
    url = await postgres.createDatabase('kefu_bench_reports');
  }
  const engine = url ? 'PostgreSQL' : 'SQLite';
  const store = await openStore({ dataDir: dir, ...(url ? { databaseUrl: url } : {}) });
  let raw: { db: SqlDb; close(): void } | null = null;
  try {
    console.log(
      `reports bench — ${engine}; ${DAYS} days × ${PER_DAY} conversations/day (${(DAYS * PER_DAY).toLocaleString('en')}), ${AGENTS} agents in ${GROUPS} groups, messages option ${MESSAGES}; reports over ${WINDOW} days, ${RUNS} runs each; node ${process.version}`,
    );
    const t0 = performance.now();
    let lastLog = t0;
    generateReportData(store, {
      seed: 2026,
      start: START,
      days: DAYS,
      groups: GROUPS,
      agents: AGENTS,
      conversationsPerDay: PER_DAY,
      messagesPerConversation: MESSAGES,
      onDay: (day) => {
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          console.log(`  generated ${day + 1} / ${DAYS} days (${seconds(lastLog - t0)})`);
        }
      },
    });
    const generateMs = performance.now() - t0;
    const ctx = createContext(store, Date.now, { isAgentConnected: () => false, isVisitorOnline: () => false });
    const t1 = performance.now();
    rebuildRollups(ctx);
    const rebuildMs = performance.now() - t1;

    // The baseline's own connection, of the same kind and driver as the store's.
    if (url) {
      const connection = openPgConnection(url);
      raw = { db: connection, close: () => connection.close() };
    } else {
      const connection = openDatabase(join(dir, 'kefu.db'));
      raw = { db: sqliteSqlDb(connection), close: () => connection.close() };
    }
    const db = raw.db;
    const count = (table: string): number => Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
    const counts = { conversations: count('conversations'), messages: count('messages'), activity: count('agent_activity'), calls: count('calls') };
    const size = url
      ? Number((db.prepare('SELECT pg_database_size(current_database()) AS n').get() as { n: number }).n)
      : ['kefu.db', 'kefu.db-wal'].reduce((sum, file) => sum + (statSync(join(dir, file), { throwIfNoEntry: false })?.size ?? 0), 0);
    console.log(
      `data: ${counts.conversations.toLocaleString('en')} conversations, ${counts.messages.toLocaleString('en')} messages, ${counts.activity.toLocaleString('en')} activity rows, ${counts.calls.toLocaleString('en')} calls; database ${mb(size)}`,
    );
    console.log(`generation ${seconds(generateMs)}; rollup rebuild (npm run reports:rebuild) ${seconds(rebuildMs)}`);

    const query = { from: dateOf(DAYS - WINDOW), to: dateOf(DAYS - 1), compare: false };
    const from = START + (DAYS - WINDOW) * DAY_MS;
    const to = START + DAYS * DAY_MS;
    const rows: Row[] = [];
    for (const report of ReportNameSchema.options) {
      const engineSummary = measure(() => computeReport(ctx, admin, report, query));
      const baselineSummary = measure(() => BASELINES[report](db, from, to));
      rows.push({ report, engine: engineSummary, baseline: baselineSummary });
      console.log(`  ${report}: reports p95 ${engineSummary.p95.toFixed(1)} ms, GROUP BY p95 ${baselineSummary.p95.toFixed(1)} ms`);
    }

    console.log('');
    console.log(`${query.from} … ${query.to} (${WINDOW} days), ${engine}`);
    console.log('report         reports p50  reports p95  GROUP BY p50  GROUP BY p95  p95 ratio  runs  target p95 ≤ 200 ms');
    for (const r of rows) {
      const ratio = r.baseline.p95 / r.engine.p95;
      console.log(
        `${r.report.padEnd(13)} ${msText(r.engine.p50)}ms ${msText(r.engine.p95)}ms  ${msText(r.baseline.p50)}ms  ${msText(r.baseline.p95)}ms ${ratio.toFixed(1).padStart(9)}x ${String(r.engine.count).padStart(5)}  ${r.engine.p95 <= TARGET_P95_MS ? '✓' : '✗'}`,
      );
    }
    console.log('(reports = the console’s report code on the rollups; GROUP BY = the same figures by plain GROUP BY over the raw rows, same connection kind)');

    const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(
      join(resultsDir, `reports-${url ? 'postgres' : 'sqlite'}-latest.json`),
      JSON.stringify(
        { engine, days: DAYS, agents: AGENTS, groups: GROUPS, perDay: PER_DAY, window: WINDOW, counts, sizeBytes: size, generateMs, rebuildMs, rows },
        null,
        2,
      ) + '\n',
    );
    return 0;
  } finally {
    raw?.close();
    store.close();
    if (postgres && url) await postgres.dropDatabase(url).catch((error: unknown) => console.error(`could not drop ${url}: ${String(error)}`));
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
