/**
 * The first problem of a week of business hours, in the admin's language: the form checks with
 * the very schema the server uses (shared/business-hours.ts) and says which weekday and range.
 */
import { BusinessHoursSchema, BUSINESS_HOURS_LIMITS, type BusinessHoursRange, type RangeProblem } from '../../shared/business-hours.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const MESSAGE_KEYS: Record<RangeProblem, string> = {
  'bad-time': 'settings.hours.badTime',
  'end-before-start': 'settings.hours.endBeforeStart',
  overlap: 'settings.hours.overlap',
  'too-many': 'settings.hours.tooMany',
};

export function weekProblem(ranges: readonly BusinessHoursRange[], t: Translate): string | null {
  const result = BusinessHoursSchema.safeParse(ranges);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  const index = typeof issue.path[0] === 'number' ? issue.path[0] : -1;
  const range = ranges[index];
  const problem: RangeProblem = issue.code === 'custom' ? ((issue.params?.problem as RangeProblem | undefined) ?? 'bad-time') : 'bad-time';
  const text = t(MESSAGE_KEYS[problem], { max: BUSINESS_HOURS_LIMITS.rangesPerDayMax });
  if (!range) return text;
  // "第 n 段" counts within the weekday, in list order, as the editor shows them.
  const n = ranges.slice(0, index + 1).filter((r) => r.weekday === range.weekday).length;
  return t('settings.hours.rangeProblem', { day: t(`settings.hours.weekdays.${range.weekday}`), n, problem: text });
}
