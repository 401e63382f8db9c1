/**
 * The Range header of a GET (RFC 9110 §14.2), for the update files: electron-updater's
 * differential download asks for many ranges of the new installer in one request and reads the
 * multipart/byteranges answer part by part, in the order it asked — so ranges are kept in request
 * order and never merged. A header that is not a bytes range set is ignored (the whole file is
 * sent), as the RFC allows; a set with no satisfiable range is 416.
 */

export interface ByteRange {
  start: number;
  /** Inclusive, as in Content-Range. */
  end: number;
}

export type RangeAnswer = { kind: 'whole' } | { kind: 'unsatisfiable' } | { kind: 'ranges'; ranges: ByteRange[] };

/** electron-updater sends at most 1000 ranges per request; more is not a client of ours. */
export const MAX_RANGES = 1000;

const SPEC = /^(\d*)-(\d*)$/;

export function parseRange(header: string | undefined, size: number, maxRanges = MAX_RANGES): RangeAnswer {
  if (header === undefined) return { kind: 'whole' };
  const match = /^bytes=(.+)$/i.exec(header.trim());
  if (!match) return { kind: 'whole' };
  const specs = match[1]!.split(',').map((part) => part.trim());
  if (specs.length > maxRanges) return { kind: 'whole' };
  const ranges: ByteRange[] = [];
  for (const spec of specs) {
    const parts = SPEC.exec(spec);
    if (!parts) return { kind: 'whole' };
    const [, first, last] = parts;
    if (first === '' && last === '') return { kind: 'whole' };
    if (first === '') {
      // Suffix range: the last N bytes.
      const length = Number(last);
      if (!Number.isSafeInteger(length)) return { kind: 'whole' };
      if (length > 0 && size > 0) ranges.push({ start: Math.max(0, size - length), end: size - 1 });
      continue;
    }
    const start = Number(first);
    const end = last === '' ? Number.MAX_SAFE_INTEGER : Number(last);
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return { kind: 'whole' };
    if (start < size) ranges.push({ start, end: Math.min(end, size - 1) });
  }
  return ranges.length === 0 ? { kind: 'unsatisfiable' } : { kind: 'ranges', ranges };
}
