import { describe, expect, it } from 'vitest';
import { BusinessHoursSchema, HolidaysSchema, TimeZoneSchema, type BusinessHoursRange } from '../../shared/index.js';
import { businessHoursAt, isOpenAt, type BusinessHoursRules } from './business-hours.js';

/** Shanghai is UTC+8 all year: 09:00 there is 01:00 UTC. */
const shanghai = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);
const weekdays = (days: number[], start: string, end: string): BusinessHoursRange[] => days.map((weekday) => ({ weekday, start, end }));

const split: BusinessHoursRules = {
  enabled: true,
  // Mon–Fri 09:00–12:00 and 13:30–18:00.
  ranges: [...weekdays([1, 2, 3, 4, 5], '09:00', '12:00'), ...weekdays([1, 2, 3, 4, 5], '13:30', '18:00')],
  holidays: [],
  timeZone: 'Asia/Shanghai',
};

describe('businessHoursAt', () => {
  // 2026-11-25 is a Wednesday.
  it('is always open with hours off, and never changes', () => {
    expect(businessHoursAt({ ...split, enabled: false }, shanghai(2026, 11, 29, 3))).toEqual({ open: true, nextChangeAt: null });
  });

  it('opens at a range start and closes at its end (end excluded)', () => {
    expect(isOpenAt(split, shanghai(2026, 11, 25, 8, 59))).toBe(false);
    expect(isOpenAt(split, shanghai(2026, 11, 25, 9, 0))).toBe(true);
    expect(isOpenAt(split, shanghai(2026, 11, 25, 11, 59))).toBe(true);
    expect(isOpenAt(split, shanghai(2026, 11, 25, 12, 0))).toBe(false);
  });

  it('with two ranges a day, the lunch break is closed and the next change is the afternoon start', () => {
    expect(businessHoursAt(split, shanghai(2026, 11, 25, 10))).toEqual({ open: true, nextChangeAt: shanghai(2026, 11, 25, 12) });
    expect(businessHoursAt(split, shanghai(2026, 11, 25, 12, 30))).toEqual({ open: false, nextChangeAt: shanghai(2026, 11, 25, 13, 30) });
    expect(businessHoursAt(split, shanghai(2026, 11, 25, 13, 30))).toEqual({ open: true, nextChangeAt: shanghai(2026, 11, 25, 18) });
  });

  it('after Friday evening the next opening is Monday morning', () => {
    expect(businessHoursAt(split, shanghai(2026, 11, 27, 18))).toEqual({ open: false, nextChangeAt: shanghai(2026, 11, 30, 9) });
  });

  it('reads the weekday and date in the company zone, not UTC: 00:30 in Shanghai is the previous day in UTC', () => {
    const nights: BusinessHoursRules = { ...split, ranges: weekdays([4], '00:00', '02:00') };
    // Thursday 00:30 Shanghai = Wednesday 16:30 UTC.
    const at = shanghai(2026, 11, 26, 0, 30);
    expect(new Date(at).getUTCDay()).toBe(3);
    expect(businessHoursAt(nights, at)).toEqual({ open: true, nextChangeAt: shanghai(2026, 11, 26, 2) });
  });

  it('around midnight: a range until 24:00 joined by one from 00:00 stays open across the day change', () => {
    const late: BusinessHoursRules = { ...split, ranges: [...weekdays([3], '20:00', '24:00'), ...weekdays([4], '00:00', '03:00')] };
    expect(isOpenAt(late, shanghai(2026, 11, 25, 23, 59))).toBe(true);
    expect(isOpenAt(late, shanghai(2026, 11, 26, 0, 0))).toBe(true);
    expect(businessHoursAt(late, shanghai(2026, 11, 25, 22))).toEqual({ open: true, nextChangeAt: shanghai(2026, 11, 26, 3) });
    // A range until 24:00 alone closes at midnight.
    const untilMidnight: BusinessHoursRules = { ...split, ranges: weekdays([3], '20:00', '24:00') };
    expect(businessHoursAt(untilMidnight, shanghai(2026, 11, 25, 22))).toEqual({ open: true, nextChangeAt: shanghai(2026, 11, 26, 0) });
  });

  it('a holiday is closed all day; the change after it is the next working range', () => {
    const withHoliday: BusinessHoursRules = { ...split, holidays: ['2026-11-25', '2026-11-26'] };
    expect(isOpenAt(withHoliday, shanghai(2026, 11, 25, 10))).toBe(false);
    expect(businessHoursAt(withHoliday, shanghai(2026, 11, 25, 10))).toEqual({ open: false, nextChangeAt: shanghai(2026, 11, 27, 9) });
    // Open on the eve of a holiday that starts at midnight inside a range.
    const allNight: BusinessHoursRules = { ...split, ranges: weekdays([0, 1, 2, 3, 4, 5, 6], '00:00', '24:00'), holidays: ['2026-11-26'] };
    expect(businessHoursAt(allNight, shanghai(2026, 11, 25, 22))).toEqual({ open: true, nextChangeAt: shanghai(2026, 11, 26, 0) });
    expect(businessHoursAt(allNight, shanghai(2026, 11, 26, 5))).toEqual({ open: false, nextChangeAt: shanghai(2026, 11, 27, 0) });
  });

  it('never opens without ranges: closed, no next change', () => {
    expect(businessHoursAt({ ...split, ranges: [] }, shanghai(2026, 11, 25, 10))).toEqual({ open: false, nextChangeAt: null });
  });

  it('works in other DST-free zones (UTC, Asia/Tokyo)', () => {
    const utc: BusinessHoursRules = { ...split, timeZone: 'UTC' };
    expect(businessHoursAt(utc, Date.UTC(2026, 10, 25, 10))).toEqual({ open: true, nextChangeAt: Date.UTC(2026, 10, 25, 12) });
    const tokyo: BusinessHoursRules = { ...split, timeZone: 'Asia/Tokyo' };
    // 09:00 Tokyo = 00:00 UTC; the Shanghai instant of 09:00 is 10:00 in Tokyo.
    expect(isOpenAt(tokyo, Date.UTC(2026, 10, 25, 0))).toBe(true);
    expect(isOpenAt(tokyo, Date.UTC(2026, 10, 24, 23, 59))).toBe(false);
  });

  it('follows a daylight-saving change: 09:00 in New York is 14:00 UTC in winter and 13:00 in summer', () => {
    const ny: BusinessHoursRules = { ...split, ranges: weekdays([1, 2, 3, 4, 5], '09:00', '17:00'), timeZone: 'America/New_York' };
    // Friday 2026-03-06 17:00 EST → next opening Monday 2026-03-09 09:00 EDT (DST began on the 8th).
    expect(businessHoursAt(ny, Date.UTC(2026, 2, 6, 22))).toEqual({ open: false, nextChangeAt: Date.UTC(2026, 2, 9, 13) });
  });
});

describe('business hours settings schemas', () => {
  const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((i) => i.path.join('.')) ?? [];

  it('accepts a split day and refuses overlaps, start ≥ end and 25:00, naming the range', () => {
    expect(BusinessHoursSchema.safeParse(split.ranges).success).toBe(true);
    expect(issuesOf(BusinessHoursSchema.safeParse([...weekdays([1], '09:00', '12:00'), ...weekdays([1], '11:00', '14:00')]))).toEqual(['1.start']);
    expect(issuesOf(BusinessHoursSchema.safeParse(weekdays([1], '12:00', '09:00')))).toEqual(['0.end']);
    expect(issuesOf(BusinessHoursSchema.safeParse(weekdays([1], '09:00', '25:00')))).toEqual(['0.end']);
    expect(issuesOf(BusinessHoursSchema.safeParse(weekdays([7], '09:00', '10:00')))).toEqual(['0.weekday']);
    // The same hours on different weekdays do not overlap.
    expect(BusinessHoursSchema.safeParse(weekdays([1, 2], '09:00', '18:00')).success).toBe(true);
  });

  it('refuses impossible and repeated holiday dates and too many of them', () => {
    expect(HolidaysSchema.safeParse(['2026-10-01', '2028-02-29']).success).toBe(true);
    expect(issuesOf(HolidaysSchema.safeParse(['2026-02-30']))).toEqual(['0']);
    expect(issuesOf(HolidaysSchema.safeParse(['2026-10-01', '2026-10-01']))).toEqual(['1']);
    const days = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10));
    expect(HolidaysSchema.safeParse(days(100)).success).toBe(true);
    expect(HolidaysSchema.safeParse(days(101)).success).toBe(false);
  });

  it('accepts IANA zones Intl knows and refuses others', () => {
    expect(TimeZoneSchema.safeParse('Asia/Shanghai').success).toBe(true);
    expect(TimeZoneSchema.safeParse('Mars/Olympus_Mons').success).toBe(false);
  });
});
