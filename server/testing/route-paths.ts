/**
 * A route's path with every parameter filled, for the tests that walk the whole route table
 * (authorization, validation, the input sweep): ids get the value the test chose; a parameter that
 * names one of a closed set (a report's name) gets a valid member, so the request reaches the
 * check the test is about instead of failing on the path.
 */
import { routePath } from '../../shared/protocol/rest.js';

export const CLOSED_SET_PARAMS: Readonly<Record<string, string>> = { report: 'volume' };

export function filledPath(path: string, id: string): string {
  return routePath(path, Object.fromEntries([...path.matchAll(/:([A-Za-z]+)/g)].map(([, key]) => [key!, CLOSED_SET_PARAMS[key!] ?? id])));
}
