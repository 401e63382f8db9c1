/**
 * Days of the company's time zone (the `timeZone` setting): which day an instant falls on, and
 * the instants a day begins and ends at (zoned-time.ts, so zones with daylight saving work).
 */
import { dateKey, instantOf, wallClock } from '../zoned-time.js';

/** YYYY-MM-DD of the instant in the zone. */
export function dayOf(at: number, timeZone: string): string {
  return dateKey(wallClock(at, timeZone));
}

/** [start, end) of the day YYYY-MM-DD in the zone (the end is the next day's midnight). */
export function dayBounds(date: string, timeZone: string): { start: number; end: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { start: instantOf({ year, month, day }, 0, timeZone), end: instantOf({ year, month, day: day + 1 }, 0, timeZone) };
}
