import dayjs, { type Dayjs } from 'dayjs';

/** The quick ranges of the filter bar, in the order they are offered. */
export const QUICK_RANGES = ['today', 'yesterday', 'last7', 'last30', 'thisMonth', 'lastMonth'] as const;
export type QuickRange = (typeof QUICK_RANGES)[number];

export const DAY_FORMAT = 'YYYY-MM-DD';

/**
 * The first and last day (both included) of a quick range seen from `now`. Days are the browser's:
 * the console is used where the company is, and the server counts days in the company's zone.
 */
export function quickRange(range: QuickRange, now: Dayjs = dayjs()): [Dayjs, Dayjs] {
  const today = now.startOf('day');
  switch (range) {
    case 'today':
      return [today, today];
    case 'yesterday':
      return [today.subtract(1, 'day'), today.subtract(1, 'day')];
    case 'last7':
      return [today.subtract(6, 'day'), today];
    case 'last30':
      return [today.subtract(29, 'day'), today];
    case 'thisMonth':
      return [today.startOf('month'), today];
    case 'lastMonth': {
      const last = today.startOf('month').subtract(1, 'month');
      return [last, last.endOf('month').startOf('day')];
    }
  }
}

export const dayText = (day: Dayjs): string => day.format(DAY_FORMAT);
