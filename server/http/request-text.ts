/**
 * Text hygiene of every REST request, applied once where register-routes.ts parses (so no route
 * and no field can forget it): NUL and lone surrogates in any param, query field or body string
 * are refused (shared/text-safety.ts), and so is a query string with percent-encoding that does
 * not decode — the query parser would otherwise keep "%FF" as that literal text.
 */
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from '../../shared/text-safety.js';
import { refuse } from '../domain/errors.js';

/** Refuses a request part (params, query or the parsed JSON body) holding unsafe text anywhere. */
export function assertSafeText(value: unknown, where: 'params' | 'query' | 'body'): void {
  const path = findUnsafeText(value);
  if (path) refuse('VALIDATION_FAILED', `The request ${where} is not valid`, { [[where, ...path].join('.')]: UNSAFE_TEXT_MESSAGE });
}

const decodes = (text: string): boolean => {
  try {
    decodeURIComponent(text.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
};

/** Refuses a query string in which a name or value is not valid percent-encoded UTF-8. */
export function assertQueryDecodes(url: string): void {
  const start = url.indexOf('?');
  if (start < 0) return;
  for (const pair of url.slice(start + 1).split('&')) {
    if (!pair.includes('%')) continue;
    const equals = pair.indexOf('=');
    const name = equals < 0 ? pair : pair.slice(0, equals);
    const value = equals < 0 ? '' : pair.slice(equals + 1);
    if (decodes(name) && decodes(value)) continue;
    const field = decodes(name) ? decodeURIComponent(name.replace(/\+/g, ' ')) : name;
    refuse('VALIDATION_FAILED', 'The request query is not valid: bad percent-encoding', { [`query.${field}`]: 'invalid percent-encoding (not UTF-8)' });
  }
}
