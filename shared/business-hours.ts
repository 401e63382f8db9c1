/**
 * 工作时间: the company settings that say when visitors may start a chat (weekly time ranges,
 * holidays, the company's time zone, the notice shown outside hours) and the state the server
 * tells widgets (open now or not, and when that changes). Validated strictly here, once, so the
 * console, the REST table and the store can never disagree about what a valid week is.
 */
import { z } from 'zod';
import { isUnsafeText, UNSAFE_TEXT_MESSAGE } from './text-safety.js';

export const BUSINESS_HOURS_LIMITS = {
  /** Ranges per weekday (e.g. a morning and an afternoon, with a split shift or two to spare). */
  rangesPerDayMax: 4,
  holidaysMax: 100,
  offHoursNoticeMax: 200,
  /** Waiting visitors at most; 0 = no limit. */
  maxQueueLengthMax: 1000,
} as const;

/** A start time of day, 00:00–23:59. */
const START_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** An end time of day, 00:01–24:00 (24:00 = until midnight). */
const END_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes since midnight of "HH:MM" (24:00 → 1440). The caller has validated the text. */
export function minuteOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay counts. */
export const WeekdaySchema = z.number().int().min(0).max(6);

export const BusinessHoursRangeSchema = z.strictObject({
  weekday: WeekdaySchema,
  start: z.string().regex(START_PATTERN, 'must be a time HH:MM from 00:00 to 23:59'),
  end: z.string().regex(END_PATTERN, 'must be a time HH:MM from 00:01 to 24:00'),
});
export type BusinessHoursRange = z.infer<typeof BusinessHoursRangeSchema>;

/** What is wrong with a range, for a message in the reader's language (the console's form). */
export type RangeProblem = 'bad-time' | 'end-before-start' | 'overlap' | 'too-many';

/**
 * The week's opening ranges: each start before its end, no two of one weekday overlapping or
 * touching out of order, at most rangesPerDayMax per weekday. A weekday without ranges is closed.
 */
export const BusinessHoursSchema = z
  .array(BusinessHoursRangeSchema)
  .max(7 * BUSINESS_HOURS_LIMITS.rangesPerDayMax)
  .superRefine((ranges, ctx) => {
    const perDay = new Map<number, { index: number; start: number; end: number }[]>();
    ranges.forEach((range, index) => {
      const start = minuteOfDay(range.start);
      const end = minuteOfDay(range.end);
      if (start >= end)
        return ctx.addIssue({ code: 'custom', path: [index, 'end'], message: 'must be later than the start', params: { problem: 'end-before-start' } });
      const day = perDay.get(range.weekday) ?? perDay.set(range.weekday, []).get(range.weekday)!;
      day.push({ index, start, end });
    });
    for (const day of perDay.values()) {
      if (day.length > BUSINESS_HOURS_LIMITS.rangesPerDayMax)
        ctx.addIssue({
          code: 'custom',
          path: [day[0]!.index],
          message: `at most ${BUSINESS_HOURS_LIMITS.rangesPerDayMax} ranges per weekday`,
          params: { problem: 'too-many' },
        });
      const sorted = [...day].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++)
        if (sorted[i]!.start < sorted[i - 1]!.end)
          ctx.addIssue({
            code: 'custom',
            path: [sorted[i]!.index, 'start'],
            message: 'overlaps another range of the same weekday',
            params: { problem: 'overlap' },
          });
    }
  });

function isRealDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whole days closed (节假日), as dates of the company's time zone. */
export const HolidaysSchema = z
  .array(z.string().refine(isRealDate, 'must be a date YYYY-MM-DD'))
  .max(BUSINESS_HOURS_LIMITS.holidaysMax)
  .superRefine((dates, ctx) => {
    const seen = new Set<string>();
    dates.forEach((date, index) => {
      if (seen.has(date)) ctx.addIssue({ code: 'custom', path: [index], message: 'listed twice' });
      seen.add(date);
    });
  });

/** Whether this JavaScript engine knows the IANA zone (what the server computes hours with). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z.string().min(1).max(64).refine(isTimeZone, 'must be an IANA time zone, e.g. Asia/Shanghai');

export const OffHoursNoticeSchema = z
  .string()
  .trim()
  .min(1)
  .max(BUSINESS_HOURS_LIMITS.offHoursNoticeMax)
  .refine((text) => !isUnsafeText(text), UNSAFE_TEXT_MESSAGE);

export const MaxQueueLengthSchema = z.number().int().min(0).max(BUSINESS_HOURS_LIMITS.maxQueueLengthMax);

/**
 * What a widget is told (in its session answer and by the `business-hours` realtime frame):
 * whether a new chat may start now, the notice to show if not, and when that changes next
 * (server time, ms; null = never, e.g. hours off). A widget never computes hours itself.
 */
export const BusinessHoursStateSchema = z.object({
  open: z.boolean(),
  notice: z.string(),
  nextChangeAt: z.number().nullable(),
  timeZone: z.string(),
});
export type BusinessHoursState = z.infer<typeof BusinessHoursStateSchema>;
