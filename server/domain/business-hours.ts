/**
 * 工作时间, pure: is the company open at instant T, and when does that next change? Hours are
 * wall-clock times in the company's zone, read with Intl (no time-zone library), so a zone with
 * daylight saving time is handled by asking Intl for the offset at each candidate instant.
 */
import { minuteOfDay, type BusinessHoursRange } from '../../shared/index.js';
import { dateKey, instantOf, wallClock, type LocalDate } from './zoned-time.js';

export interface BusinessHoursRules {
  enabled: boolean;
  ranges: readonly BusinessHoursRange[];
  /** YYYY-MM-DD in timeZone, closed all day. */
  holidays: readonly string[];
  timeZone: string;
}

export interface OpenState {
  open: boolean;
  /** The next instant (ms) at which `open` flips; null when it never does (hours off, or never open). */
  nextChangeAt: number | null;
}

/** How far ahead nextChangeAt looks: past a year of holidays, "closed" is as good as for ever. */
const HORIZON_DAYS = 400;
const DAY_MINUTES = 24 * 60;

function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

function openAtWallClock(rules: BusinessHoursRules, date: LocalDate, minute: number): boolean {
  if (rules.holidays.includes(dateKey(date))) return false;
  const weekday = weekdayOf(date);
  return rules.ranges.some((r) => r.weekday === weekday && minuteOfDay(r.start) <= minute && minute < minuteOfDay(r.end));
}

/** Whether a new chat may start at `at`. Hours off: always. */
export function isOpenAt(rules: BusinessHoursRules, at: number): boolean {
  if (!rules.enabled) return true;
  const clock = wallClock(at, rules.timeZone);
  return openAtWallClock(rules, clock, clock.minute);
}

/**
 * Open or not at `at`, and the next instant that changes. Candidates are the only instants the
 * answer can flip at — each local midnight (a holiday begins or ends) and each range's start and
 * end — walked in order, day by day, until one answers differently.
 */
export function businessHoursAt(rules: BusinessHoursRules, at: number): OpenState {
  if (!rules.enabled) return { open: true, nextChangeAt: null };
  const open = isOpenAt(rules, at);
  const today = wallClock(at, rules.timeZone);
  for (let offset = 0; offset <= HORIZON_DAYS; offset++) {
    const date = addDays(today, offset);
    const weekday = weekdayOf(date);
    const minutes = new Set<number>([0]);
    for (const range of rules.ranges) {
      if (range.weekday !== weekday) continue;
      minutes.add(minuteOfDay(range.start));
      // An end at 24:00 is the next day's midnight, which that day's own candidate covers.
      if (minuteOfDay(range.end) < DAY_MINUTES) minutes.add(minuteOfDay(range.end));
    }
    for (const minute of [...minutes].sort((a, b) => a - b)) {
      const candidate = instantOf(date, minute, rules.timeZone);
      if (candidate <= at) continue;
      if (isOpenAt(rules, candidate) !== open) return { open, nextChangeAt: candidate };
    }
  }
  return { open, nextChangeAt: null };
}
