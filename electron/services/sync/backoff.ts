/** Capped exponential backoff with full jitter, so many workstations do not reconnect in lockstep. */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  random?: () => number;
}

export function createBackoff(options: BackoffOptions): { next(): number; reset(): void } {
  let attempt = 0;
  const random = options.random ?? Math.random;
  return {
    next() {
      const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** attempt);
      attempt = Math.min(attempt + 1, 30);
      return Math.round(options.initialMs / 2 + random() * (ceiling - options.initialMs / 2));
    },
    reset() {
      attempt = 0;
    },
  };
}
