/**
 * Whole numbers in query strings. z.coerce.number() runs Number() on the text, which takes '' (0),
 * ' 5', '0x10', '1e3' and '0b1' as numbers, so a typo or a probe silently becomes another value.
 * Every query schema uses this instead: canonical decimal digits only, then the bounds.
 * A real number is accepted as well (IPC callers and typed clients pass numbers before the URL
 * turns them into text).
 */
import { z } from 'zod';

/** 0, or an optional minus and 1–16 digits without leading zeros: what String(n) writes for a safe integer. */
const DECIMAL_INTEGER = /^(0|-?[1-9]\d{0,15})$/;

export const QUERY_INT_MESSAGE = 'a whole number in decimal digits, like 42';

/**
 * A whole number from min to max, as a number or as its canonical decimal text. Give a default
 * with `.prefault(n)`: `.default(n)` works the same but is left out of the OpenAPI document, which
 * describes inputs and cannot show an output value through the text-to-number transform.
 */
export function queryInt(min: number, max: number) {
  const int = z.number().int().min(min).max(max);
  return z.union([int, z.string().regex(DECIMAL_INTEGER).transform(Number).pipe(int)], { error: QUERY_INT_MESSAGE });
}
