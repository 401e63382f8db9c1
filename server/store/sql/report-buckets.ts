/**
 * The wait histogram's buckets (report rollups, issue 15): finer where waits are common, coarser
 * where they are rare, so a percentile read from the histogram is the upper edge of a bucket that
 * is at most 1 s wide under a minute, 5 s under 5 min, 30 s under 30 min, 5 min under 4 h and an
 * hour beyond. One ladder, written out as SQL for the rollups and as a function for readers.
 */
const LADDER: readonly { below: number; step: number }[] = [
  { below: 60_000, step: 1_000 },
  { below: 300_000, step: 5_000 },
  { below: 1_800_000, step: 30_000 },
  { below: 14_400_000, step: 300_000 },
  { below: Number.POSITIVE_INFINITY, step: 3_600_000 },
];

/** The upper edge (exclusive) of the bucket a wait of `ms` falls in. */
export function waitEdge(ms: number): number {
  const rung = LADDER.find((r) => ms < r.below)!;
  return (Math.floor(ms / rung.step) + 1) * rung.step;
}

/** waitEdge as a SQL expression over an integer expression (integer division on both engines). */
export function waitEdgeSql(expr: string): string {
  const cases = LADDER.slice(0, -1).map((r) => `WHEN ${expr} < ${r.below} THEN (${expr} / ${r.step} + 1) * ${r.step}`);
  const last = LADDER[LADDER.length - 1]!;
  return `CASE ${cases.join(' ')} ELSE (${expr} / ${last.step} + 1) * ${last.step} END`;
}

export const HOUR_MS = 3_600_000;

/** The start of the (aligned) hour an instant falls in, as SQL; @align is the alignment in ms. */
export const hourStartSql = (expr: string): string => `((${expr}) - ((${expr}) - @align) % ${HOUR_MS})`;

/** The same in TypeScript. */
export const hourStartOf = (at: number, alignMs: number): number => at - ((((at - alignMs) % HOUR_MS) + HOUR_MS) % HOUR_MS);
