import { describe, expect, it } from 'vitest';
import { queryInt } from './query-number.js';

describe('queryInt: numbers in query strings', () => {
  const limit = queryInt(1, 500);

  it('takes canonical decimal text and real numbers within the bounds', () => {
    expect(limit.parse('42')).toBe(42);
    expect(limit.parse(42)).toBe(42);
    expect(queryInt(-10, 10).parse('-3')).toBe(-3);
    expect(queryInt(0, 10).parse('0')).toBe(0);
  });

  it('refuses what Number() would have taken: hex, exponents, blanks, padding, signs, fractions', () => {
    for (const text of ['0x10', '', ' 5', '5 ', '1e3', '+5', '1.5', '05', '-0', 'Infinity', 'NaN', '0b1', '1_0', '٣'])
      expect(limit.safeParse(text).success, JSON.stringify(text)).toBe(false);
  });

  it('refuses numbers outside the bounds, as text or as numbers', () => {
    for (const value of ['0', '501', 0, 501, 1.5, '99999999999999999']) expect(limit.safeParse(value).success, String(value)).toBe(false);
  });
});
