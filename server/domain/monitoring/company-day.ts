/**
 * Days of the company's time zone (the `timeZone` setting): which day an instant falls on, and
 * the instants a day begins and ends at. Read with Intl, so zones with daylight saving work.
 */
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

function wallClock(at: number, timeZone: string): { year: number; month: number; day: number; offset: number } {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const { year, month, day, hour, minute, second } = parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  return { year, month, day, offset: Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(at / 1000) * 1000 };
}

/** YYYY-MM-DD of the instant in the zone. */
export function dayOf(at: number, timeZone: string): string {
  const { year, month, day } = wallClock(at, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instant of midnight at the start of y-m-d (month 1-based; an overflowing day rolls over). */
function midnight(year: number, month: number, day: number, timeZone: string): number {
  const asUtc = Date.UTC(year, month - 1, day);
  // Twice "subtract the offset there", so a midnight next to a DST change lands on the right side.
  const first = asUtc - wallClock(asUtc, timeZone).offset;
  return asUtc - wallClock(first, timeZone).offset;
}

/** [start, end) of the day YYYY-MM-DD in the zone. */
export function dayBounds(date: string, timeZone: string): { start: number; end: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { start: midnight(year, month, day, timeZone), end: midnight(year, month, day + 1, timeZone) };
}
