/**
 * The periodic catch-up of the report rollups (rollups.ts), on every node. Without it the first
 * report after a long quiet spell would pay for every change since the previous report. Running
 * it on every node at once is safe: a catch-up step reads the watermark inside a write
 * transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: the nodes' shared write lock, taken right after
 * BEGIN, so the second node reads the watermark the first one committed) and recomputes hours
 * rather than adding to them. A quiet interval costs one read and no write transaction.
 */
import { catchUpRollups, type RollupDeps } from './rollups.js';

/** Default interval: a minute keeps each catch-up small without taking the write lock often. */
export const ROLLUP_CATCH_UP_INTERVAL_MS = 60_000;

export interface RollupCatchUpOptions {
  intervalMs?: number;
  onError?: (err: unknown) => void;
}

export interface RollupCatchUpJob {
  /** Catches up now (tests, tools); errors are reported like the timer's. */
  runNow(): void;
  stop(): void;
}

export function startRollupCatchUp(ctx: RollupDeps, opts: RollupCatchUpOptions = {}): RollupCatchUpJob {
  let stopped = false;
  const run = (): void => {
    if (stopped) return;
    try {
      catchUpRollups(ctx);
    } catch (err) {
      opts.onError?.(err);
    }
  };
  const timer = setInterval(run, opts.intervalMs ?? ROLLUP_CATCH_UP_INTERVAL_MS);
  timer.unref();
  return {
    runNow: run,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
