import { describe, expect, it } from 'vitest';
import { UUID_PATTERN, uuidv7 } from './ids.js';

describe('uuidv7', () => {
  it('is a version-7, RFC 9562 variant UUID', () => {
    const id = uuidv7();
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('sorts by creation time, so client ids keep the order messages were written', () => {
    const ids = [1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000].map((t) => uuidv7(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('carries the timestamp in its first 48 bits', () => {
    const t = 1_795_600_000_123;
    expect(parseInt(uuidv7(t).replace(/-/g, '').slice(0, 12), 16)).toBe(t);
  });

  it('differs between two ids made in the same millisecond', () => {
    expect(uuidv7(5)).not.toBe(uuidv7(5));
  });
});
