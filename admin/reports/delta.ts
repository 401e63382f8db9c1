import type { FigureKind } from './format.js';

/** Whether a rise is good news (接通率), bad news (等待时长, 排队放弃) or neither. */
export type Better = 'up' | 'down' | 'neutral';

export interface Delta {
  direction: 'up' | 'down' | 'flat';
  /** Relative change (0.125 = 12.5 %), or for rates the change in percentage points (0.023 = 2.3 points). */
  amount: number;
  /** Rates change by points, everything else by a share of the previous value. */
  unit: 'percent' | 'points';
  tone: 'good' | 'bad' | 'neutral';
}

/**
 * The change against the previous period. Null when there is nothing to compare (either side has
 * no figure, or the previous one is 0 and a share of it means nothing).
 */
export function deltaOf(current: number | null, previous: number | null, kind: FigureKind, better: Better = 'neutral'): Delta | null {
  if (current === null || previous === null) return null;
  const unit = kind === 'rate' ? 'points' : 'percent';
  let amount: number;
  if (unit === 'points') amount = current - previous;
  else if (previous === 0) {
    if (current !== 0) return null;
    amount = 0;
  } else amount = (current - previous) / Math.abs(previous);
  // Below a tenth of a percent (or point) the shown figure is 0.0: call it flat, in no colour.
  const direction = Math.abs(amount) < 0.0005 ? 'flat' : amount > 0 ? 'up' : 'down';
  const tone = direction === 'flat' || better === 'neutral' ? 'neutral' : direction === better ? 'good' : 'bad';
  return { direction, amount: Math.abs(amount), unit, tone };
}
