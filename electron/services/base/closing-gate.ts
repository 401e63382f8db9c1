/**
 * The one closing gate of the workstation, after Signal-Desktop's shutdown handling: every piece of
 * work that may touch the cache (a page's call, a background sync) runs through `run`. Once
 * `close` has started, new work is refused with SHUTTING_DOWN instead of reaching a cache about to
 * close; work already in flight is awaited, and only then does `close` resolve, so the caller can
 * close the cache knowing nothing still uses it. This replaces checking `db.open` after each await.
 */
import { fail, type Result } from '../../../shared/errors.js';

export const SHUTTING_DOWN_MESSAGE = 'the workstation is shutting down; try again after it restarts';

export interface ClosingGate {
  /** True from the moment close() is called. */
  readonly closing: boolean;
  /** Runs the work unless the gate is closing (then answers SHUTTING_DOWN without running it). */
  run<T>(work: () => Promise<Result<T>>): Promise<Result<T>>;
  /** Starts work nobody awaits (a sync on reconnect) under the gate; skipped once closing. */
  runInBackground(work: () => Promise<unknown>, onError: (error: unknown) => void): void;
  /** Refuses new work, then resolves once all work in flight has finished. Same promise each call. */
  close(): Promise<void>;
}

export interface ClosingGateOptions {
  /** How long close() waits for work in flight before it gives up on it (default 10 s). */
  drainLimitMs?: number;
  /** Told when close() gave up, with the number of pieces of work still running. */
  onDrainLimit?(stillRunning: number): void;
}

export const DEFAULT_DRAIN_LIMIT_MS = 10_000;

export function createClosingGate(options: ClosingGateOptions = {}): ClosingGate {
  const drainLimitMs = options.drainLimitMs ?? DEFAULT_DRAIN_LIMIT_MS;
  let closing = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;
  let closed: Promise<void> | null = null;

  function leave() {
    inFlight--;
    if (inFlight === 0 && drained) drained();
  }

  return {
    get closing() {
      return closing;
    },
    async run(work) {
      if (closing) return fail('SHUTTING_DOWN', SHUTTING_DOWN_MESSAGE);
      inFlight++;
      try {
        return await work();
      } finally {
        leave();
      }
    },
    runInBackground(work, onError) {
      if (closing) return;
      inFlight++;
      void (async () => work())().catch(onError).finally(leave);
    },
    close() {
      closing = true;
      closed ??=
        inFlight === 0
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              const limit = setTimeout(() => {
                drained = null;
                options.onDrainLimit?.(inFlight);
                resolve();
              }, drainLimitMs);
              drained = () => {
                clearTimeout(limit);
                resolve();
              };
            });
      return closed;
    },
  };
}
