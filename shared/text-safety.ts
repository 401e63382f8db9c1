/**
 * Text no field may carry: NUL (C strings, SQLite's text functions and many log pipelines cut at
 * it, so what is stored is not what is shown) and lone UTF-16 surrogates (not text at all: they
 * cannot be encoded as UTF-8 and turn into U+FFFD, or break, wherever they travel next).
 * The server refuses both once, centrally, in every REST param, query and body and in every
 * realtime frame; no schema has to remember it field by field.
 */
import type { z } from 'zod';

/** NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE = 'must not contain NUL characters or lone surrogates';

export function isUnsafeText(text: string): boolean {
  return UNSAFE.test(text);
}

interface Visit {
  value: unknown;
  key: string | number | null;
  parent: Visit | null;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The path of the first string (or object key) in a JSON-like value that holds unsafe text, or
 * null when there is none. Walks with its own stack and parent links (the path is built only on a
 * find): a 256 KB body may nest far deeper than the call stack allows.
 */
export function findUnsafeText(value: unknown): (string | number)[] | null {
  const stack: Visit[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const current = visit.value;
    if (typeof current === 'string') {
      if (isUnsafeText(current)) return pathOf(visit);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], key: i, parent: visit });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (const [key] of entries) if (isUnsafeText(key)) return [...pathOf(visit), key];
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], key: entries[i]![0], parent: visit });
    }
  }
  return null;
}

/** A superRefine for a whole message (a realtime frame): one issue at the first unsafe string. */
export function refuseUnsafeText(value: unknown, ctx: z.RefinementCtx): void {
  const path = findUnsafeText(value);
  if (path) ctx.addIssue({ code: 'custom', path, message: UNSAFE_TEXT_MESSAGE });
}
