/**
 * Benchmark knobs, read from the environment so CI can run a tiny smoke version
 * (`KEFU_BENCH_SECONDS=2 KEFU_BENCH_VISITORS=20 KEFU_BENCH_AGENTS=2 npm run bench`).
 * Every value is clamped: the run must stay bounded in count and time whatever is passed.
 */
import { LIMITS } from '../../shared/limits.js';

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
}

function envNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got ${JSON.stringify(raw)}`);
  return Math.min(max, Math.max(min, value));
}

export function readBenchConfig(): BenchConfig {
  const phaseSeconds = envNumber('KEFU_BENCH_SECONDS', 10, 1, 20);
  return {
    phaseSeconds,
    warmupSeconds: envNumber('KEFU_BENCH_WARMUP_SECONDS', Math.min(2, phaseSeconds / 2), 0, 5),
    visitors: Math.round(envNumber('KEFU_BENCH_VISITORS', 200, 1, 1000)),
    agents: Math.round(envNumber('KEFU_BENCH_AGENTS', 20, 1, 100)),
    openLoopRate: envNumber('KEFU_BENCH_RATE', 1000, 1, 20000),
    window: Math.round(envNumber('KEFU_BENCH_WINDOW', 4, 1, 64)),
    maxMessagesPerPhase: Math.round(envNumber('KEFU_BENCH_MAX_MESSAGES', 1_500_000, 1000, 3_000_000)),
    drainSeconds: envNumber('KEFU_BENCH_DRAIN_SECONDS', 5, 1, 20),
    runTimeoutSeconds: envNumber('KEFU_BENCH_TIMEOUT_SECONDS', 180, 10, 600),
    messageChars: Math.round(envNumber('KEFU_BENCH_MESSAGE_CHARS', 100, 40, LIMITS.messageTextMax)),
  };
}

/** Each agent takes an equal share of the visitors, within the admin-settable ceiling. */
export function maxConcurrentPerAgent(config: BenchConfig): number {
  return Math.min(LIMITS.maxConcurrentCeiling, Math.ceil(config.visitors / config.agents));
}
