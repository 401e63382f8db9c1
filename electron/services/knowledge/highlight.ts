/** Highlight ranges (never markup): where the search terms occur in a text, and a snippet around the first. */
import type { HighlightRange } from '../../../shared/ipc/knowledge.js';

/** Case-insensitive when lowercasing keeps offsets; exact otherwise (rare scripts). */
const fold = (text: string): string => {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text;
};

/** Every occurrence of every term, merged where they touch or overlap, in order. */
export function findRanges(text: string, terms: string[]): HighlightRange[] {
  const haystack = fold(text);
  const found: HighlightRange[] = [];
  for (const term of terms) {
    const needle = fold(term);
    if (!needle) continue;
    // Bounded: a 1-character term in a long answer must not produce thousands of ranges.
    for (let at = haystack.indexOf(needle); at >= 0 && found.length < 200; at = haystack.indexOf(needle, at + needle.length)) {
      found.push([at, at + needle.length]);
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: HighlightRange[] = [];
  for (const range of found) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

const SNIPPET_BEFORE = 24;
const SNIPPET_LENGTH = 120;

/** A window of the text around the first match, with the ranges inside it. */
export function snippetOf(text: string, terms: string[]): { snippet: string; ranges: HighlightRange[] } {
  const all = findRanges(text, terms);
  let start = all[0] ? Math.max(0, all[0][0] - SNIPPET_BEFORE) : 0;
  // Do not cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start] ?? '')) start--;
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const snippet = prefix + text.slice(start, end) + suffix;
  const shift = prefix.length - start;
  const ranges = all.filter(([s, e]) => s < end && e > start).map(([s, e]): HighlightRange => [Math.max(s, start) + shift, Math.min(e, end) + shift]);
  return { snippet, ranges };
}
