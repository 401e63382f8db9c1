import { describe, expect, it } from 'vitest';
import { parseRange } from './byte-ranges.js';

describe('parseRange (RFC 9110 byte ranges, as electron-updater sends them)', () => {
  it('no header, another unit, or a malformed set: the whole file', () => {
    for (const header of [undefined, 'items=0-1', 'bytes=', 'bytes=a-b', 'bytes=5-2', 'bytes=-', 'bytes=0-1,x', 'bytes=1-2-3']) {
      expect(parseRange(header, 100), String(header)).toEqual({ kind: 'whole' });
    }
  });

  it('closed, open and suffix ranges, clipped to the file', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ kind: 'ranges', ranges: [{ start: 0, end: 9 }] });
    expect(parseRange('bytes=90-', 100)).toEqual({ kind: 'ranges', ranges: [{ start: 90, end: 99 }] });
    expect(parseRange('bytes=-10', 100)).toEqual({ kind: 'ranges', ranges: [{ start: 90, end: 99 }] });
    expect(parseRange('bytes=-500', 100)).toEqual({ kind: 'ranges', ranges: [{ start: 0, end: 99 }] });
    expect(parseRange('bytes=95-200', 100)).toEqual({ kind: 'ranges', ranges: [{ start: 95, end: 99 }] });
  });

  it('several ranges stay in the order asked, overlapping or not (the client maps parts to its tasks by position)', () => {
    expect(parseRange('bytes=50-59, 0-9,5-14', 100)).toEqual({
      kind: 'ranges',
      ranges: [
        { start: 50, end: 59 },
        { start: 0, end: 9 },
        { start: 5, end: 14 },
      ],
    });
  });

  it('ranges past the end are dropped; none left is unsatisfiable', () => {
    expect(parseRange('bytes=200-300, 10-19', 100)).toEqual({ kind: 'ranges', ranges: [{ start: 10, end: 19 }] });
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
  });

  it('more ranges than a client of ours sends: ignored, the whole file', () => {
    const many = Array.from({ length: 11 }, (_, i) => `${i}-${i}`).join(',');
    expect(parseRange(`bytes=${many}`, 100, 10)).toEqual({ kind: 'whole' });
    expect(parseRange(`bytes=${many}`, 100, 11).kind).toBe('ranges');
  });
});
