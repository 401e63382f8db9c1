/**
 * Rollup sums → the figures a report shows. Sums add up across hours, groups and agents; averages
 * and rates are taken only at the end (null when there is nothing to divide by), and the 90th
 * percentile is read from the summed wait histogram.
 */
import type { SatisfactionFigures, VolumeFigures } from '../../../shared/protocol/rest-reports.js';
import type { ConversationSums, WaitBucket } from '../../store/report-types.js';

export type Sums = Omit<ConversationSums, 'key'>;

export const emptySums = (): Sums => ({
  offered: 0,
  answered: 0,
  waitSumMs: 0,
  waitCount: 0,
  responseSumMs: 0,
  responseCount: 0,
  abandoned: 0,
  handled: 0,
  handlingSumMs: 0,
  ended: 0,
  messages: 0,
  valid: 0,
  invalid: 0,
  endedByVisitor: 0,
  endedByAgent: 0,
  endedBySystem: 0,
  rated: 0,
  ratingSum: 0,
  rating1: 0,
  rating2: 0,
  rating3: 0,
  rating4: 0,
  rating5: 0,
});

/** Adds `more` into `into` (numbers only; PostgreSQL's sums arrive as numbers through pg-db's parser). */
export function addSums(into: Sums, more: Sums): Sums {
  for (const key of Object.keys(into) as (keyof Sums)[]) into[key] += Number(more[key]);
  return into;
}

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Nearest-rank 90th percentile of a histogram given as (upper edge, count) pairs in any order. */
export function p90(buckets: readonly Pick<WaitBucket, 'edgeMs' | 'n'>[]): number | null {
  const sorted = [...buckets].sort((a, b) => a.edgeMs - b.edgeMs);
  const total = sorted.reduce((n, b) => n + Number(b.n), 0);
  if (total === 0) return null;
  const rank = Math.ceil(0.9 * total);
  let seen = 0;
  for (const bucket of sorted) {
    seen += Number(bucket.n);
    if (seen >= rank) return Number(bucket.edgeMs);
  }
  return null;
}

export function volumeFigures(s: Sums, waits: readonly Pick<WaitBucket, 'edgeMs' | 'n'>[]): VolumeFigures {
  return {
    offered: s.offered,
    answered: s.answered,
    answerRate: ratio(s.answered, s.offered),
    abandoned: s.abandoned,
    waitAvgMs: ratio(s.waitSumMs, s.waitCount),
    waitP90Ms: p90(waits),
    firstResponseAvgMs: ratio(s.responseSumMs, s.responseCount),
    handled: s.handled,
    handlingAvgMs: ratio(s.handlingSumMs, s.handled),
    messages: s.messages,
    messagesPerConversation: ratio(s.messages, s.ended),
    valid: s.valid,
    invalid: s.invalid,
    endedBy: { visitor: s.endedByVisitor, agent: s.endedByAgent, system: s.endedBySystem },
  };
}

export function satisfactionFigures(s: Sums): SatisfactionFigures {
  const satisfied = s.rating4 + s.rating5;
  return {
    rated: s.rated,
    average: ratio(s.ratingSum, s.rated),
    distribution: [s.rating1, s.rating2, s.rating3, s.rating4, s.rating5],
    satisfied,
    satisfiedRate: ratio(satisfied, s.rated),
  };
}

/** Folds keyed rows into groups by `keyOf` (a day, an hour of the day…). */
export function foldBy<T extends { key: string }, K>(rows: readonly T[], keyOf: (key: string) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row.key);
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

export const sumOf = (rows: readonly Sums[] | undefined): Sums => (rows ?? []).reduce((acc, row) => addSums(acc, row), emptySums());
