/**
 * Wall clocks of a time zone, read with Intl (no time-zone library): which date and minute an
 * instant shows in a zone, and the instant a zone's wall clock shows a given date and minute. Zones
 * with daylight saving time work because the offset is asked of Intl at each instant. 工作时间 and
 * the days of 实时监控 and the reports both stand on this.
 */

export interface LocalDate {
  year: number;
  /** 1-based. */
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in timeZone at `at`: date, minute of the day, and the offset from UTC (ms). */
export function wallClock(at: number, timeZone: string): LocalDate & { minute: number; offset: number } {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const { year, month, day, hour, minute, second } = parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return { year, month, day, minute: hour * 60 + minute, offset: asUtc - Math.floor(at / 1000) * 1000 };
}

/** YYYY-MM-DD. */
export function dateKey(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/**
 * The instant at which timeZone's wall clock shows `minute` on `date` (an overflowing day or minute
 * rolls over). Two passes of "subtract the offset there", so an instant next to a DST change lands
 * on the right side of it; a wall time that does not exist (inside a spring-forward gap) comes out
 * as the instant just after the gap.
 */
export function instantOf(date: LocalDate, minute: number, timeZone: string): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, 0, minute);
  let at = asUtc - wallClock(asUtc, timeZone).offset;
  at = asUtc - wallClock(at, timeZone).offset;
  return at;
}
