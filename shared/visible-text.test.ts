import { describe, expect, it } from 'vitest';
import { stripInvisible } from './visible-text.js';

describe('stripInvisible', () => {
  it('drops bidi controls and every other invisible format character', () => {
    expect(stripInvisible('invoice\u202Etxt.exe')).toBe('invoicetxt.exe');
    const invisible =
      '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200B\u200C\u200D\u200E\u200F\uFEFF\u061C\u00AD\u2060\u0000\u0007\n\t\u2028\u2029';
    expect(stripInvisible(`a${invisible}b`)).toBe('ab');
  });

  it('keeps what people read: CJK, accents, emoji, ordinary spaces', () => {
    for (const text of ['小王', 'Zoë Müller', 'نادية', 'a b', '😀', 'e\u0301']) expect(stripInvisible(text)).toBe(text);
  });
});
