import { describe, expect, it } from 'vitest';
import { findUnsafeText, isUnsafeText } from './text-safety.js';

describe('unsafe text (NUL, lone surrogates)', () => {
  it('tells NUL and lone surrogates from real text, emoji included', () => {
    for (const text of ['a\u0000b', '\uD800', 'x\uDBFF', '\uDC00y', '\uDBFF\uDBFF\uDC00', '\uD83D\uDE00\uDE00'])
      expect(isUnsafeText(text), JSON.stringify(text)).toBe(true);
    for (const text of ['', '你好', '\uD83D\uDE00', 'a\u0001b', '\uFFFD', '\uD83D\uDE00\uD83D\uDE00'])
      expect(isUnsafeText(text), JSON.stringify(text)).toBe(false);
  });

  it('finds the first bad string or key by its path, however deep', () => {
    expect(findUnsafeText({ a: 'ok', b: [1, 'fine', { c: 'x\u0000' }] })).toEqual(['b', 2, 'c']);
    expect(findUnsafeText({ ['k\uD800']: 1 })).toEqual(['k\uD800']);
    expect(findUnsafeText({ a: ['x', { b: true, c: null }], d: 4 })).toBeNull();
    let deep: unknown = '\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnsafeText(deep)).toHaveLength(200_000);
  });
});
