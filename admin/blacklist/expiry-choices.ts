/** 有效期 choices of the add form: a duration from now, or none (until removed). */
export const EXPIRY_CHOICES = ['never', 'hour', 'day', 'week', 'month', 'quarter'] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

const HOUR = 3_600_000;
const DURATION_MS: Record<Exclude<ExpiryChoice, 'never'>, number> = {
  hour: HOUR,
  day: 24 * HOUR,
  week: 7 * 24 * HOUR,
  month: 30 * 24 * HOUR,
  quarter: 90 * 24 * HOUR,
};

/** The expiresAt the server gets: null for never. */
export function expiresAtFor(choice: ExpiryChoice, now: number): number | null {
  return choice === 'never' ? null : now + DURATION_MS[choice];
}
