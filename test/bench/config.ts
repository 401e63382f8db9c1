/**
 * Benchmark knobs, read from the environment so CI can run a tiny smoke version
 * (`KEFU_BENCH_SECONDS=2 KEFU_BENCH_VISITORS=20 KEFU_BENCH_AGENTS=2 npm run bench`).
 * Every value is clamped: the run must stay bounded in count and time whatever is passed.
 */
import { LIMITS } from '../../shared/limits.js';

/**
 * What `npm run bench` can measure (README.md says what each one is). They always run in this
 * order, whatever order KEFU_BENCH_TARGETS names them in: SQLite and the relay first, as before.
 */
export const TARGET_NAMES = ['sqlite', 'relay', 'postgres-1', 'postgres-3-nginx'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export interface BenchConfig {
  /** Length of each measured phase (open loop, max throughput), per target. */
  phaseSeconds: number;
  /** Unmeasured warm-up before each target's first phase, so the JIT is warm for both. */
  warmupSeconds: number;
  visitors: number;
  agents: number;
  /** Open-loop offered load, messages per second over all visitors. */
  openLoopRate: number;
  /** Max-throughput phase: messages each visitor keeps in flight (sent, not yet acked). */
  window: number;
  /** Hard cap on messages sent in one phase, to bound memory of the exactly-once ledger. */
  maxMessagesPerPhase: number;
  /** After a phase, give up waiting for outstanding acks and deliveries after this long without progress. */
  drainSeconds: number;
  /** Whole-run watchdog: the process exits by itself after this long. */
  runTimeoutSeconds: number;
  /** Characters of each text message (the send timestamp is embedded at its start). */
  messageChars: number;
  /** Targets to run (KEFU_BENCH_TARGETS), in TARGET_NAMES order. */
  targets: TargetName[];
  /**
   * Extra PostgreSQL server settings (KEFU_BENCH_PG_SETTINGS=name=value,…); empty = the server's
   * durability defaults (fsync, synchronous_commit, full_page_writes on).
   */
  postgresSettings: Record<string, string>;
  /** KEFU_BENCH_PG_STATEMENTS=1: load pg_stat_statements and print where PostgreSQL's time went. */
  postgresStatements: boolean;
}

function envNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got ${JSON.stringify(raw)}`);
  return Math.min(max, Math.max(min, value));
}

/** KEFU_BENCH_TARGETS=relay,sqlite,postgres-1,postgres-3-nginx (default, or `all`); `kefu` means sqlite. */
export function readTargets(raw = process.env.KEFU_BENCH_TARGETS): TargetName[] {
  if (raw === undefined || raw.trim() === '' || raw.trim() === 'all') return [...TARGET_NAMES];
  const asked = new Set<string>();
  for (const part of raw.split(',')) {
    const name = part.trim().toLowerCase();
    if (name === '') continue;
    const canonical = name === 'kefu' ? 'sqlite' : name;
    if (!(TARGET_NAMES as readonly string[]).includes(canonical)) {
      throw new Error(`KEFU_BENCH_TARGETS: unknown target ${JSON.stringify(part.trim())} (known: ${TARGET_NAMES.join(', ')}, all)`);
    }
    asked.add(canonical);
  }
  if (asked.size === 0) throw new Error('KEFU_BENCH_TARGETS names no target');
  return TARGET_NAMES.filter((name) => asked.has(name));
}

/** KEFU_BENCH_PG_SETTINGS=fsync=off,synchronous_commit=off → { fsync: 'off', synchronous_commit: 'off' }. */
function readPostgresSettings(raw = process.env.KEFU_BENCH_PG_SETTINGS): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const part of (raw ?? '').split(',')) {
    if (part.trim() === '') continue;
    const match = /^\s*(\w+)\s*=\s*([\w.:-]+)\s*$/.exec(part);
    if (!match) throw new Error(`KEFU_BENCH_PG_SETTINGS: expected name=value, got ${JSON.stringify(part)}`);
    settings[match[1]!] = match[2]!;
  }
  return settings;
}

/** Each target needs about a minute and a half on a busy 2-core machine (PostgreSQL start, setup, phases, drains). */
const TIMEOUT_SECONDS_PER_TARGET = 90;

export function readBenchConfig(): BenchConfig {
  const phaseSeconds = envNumber('KEFU_BENCH_SECONDS', 10, 1, 20);
  const targets = readTargets();
  return {
    phaseSeconds,
    warmupSeconds: envNumber('KEFU_BENCH_WARMUP_SECONDS', Math.min(2, phaseSeconds / 2), 0, 5),
    visitors: Math.round(envNumber('KEFU_BENCH_VISITORS', 200, 1, 1000)),
    agents: Math.round(envNumber('KEFU_BENCH_AGENTS', 20, 1, 100)),
    openLoopRate: envNumber('KEFU_BENCH_RATE', 1000, 1, 20000),
    window: Math.round(envNumber('KEFU_BENCH_WINDOW', 4, 1, 64)),
    maxMessagesPerPhase: Math.round(envNumber('KEFU_BENCH_MAX_MESSAGES', 1_500_000, 1000, 3_000_000)),
    drainSeconds: envNumber('KEFU_BENCH_DRAIN_SECONDS', 5, 1, 20),
    runTimeoutSeconds: envNumber('KEFU_BENCH_TIMEOUT_SECONDS', Math.max(180, TIMEOUT_SECONDS_PER_TARGET * targets.length), 10, 600),
    messageChars: Math.round(envNumber('KEFU_BENCH_MESSAGE_CHARS', 100, 40, LIMITS.messageTextMax)),
    targets,
    postgresSettings: readPostgresSettings(),
    postgresStatements: process.env.KEFU_BENCH_PG_STATEMENTS === '1',
  };
}

/** Each agent takes an equal share of the visitors, within the admin-settable ceiling. */
export function maxConcurrentPerAgent(config: BenchConfig): number {
  return Math.min(LIMITS.maxConcurrentCeiling, Math.ceil(config.visitors / config.agents));
}
