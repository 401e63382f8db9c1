/**
 * Typed REST calls for the bench's setup, through the shared route table. Responses are
 * validated with the route's zod schema: setup is not timed, so a shape mismatch should fail
 * loudly here rather than show up as odd figures later.
 */
import type { z } from 'zod';
import { routePath, routes, type RouteBody, type RouteName, type RouteResponse } from '../../shared/protocol/rest.js';

export interface CallOptions<N extends RouteName> {
  token?: string;
  params?: Record<string, string>;
  body?: RouteBody<N>;
}

export class RestError extends Error {
  constructor(
    readonly route: RouteName,
    readonly status: number,
    readonly responseBody: string,
  ) {
    super(`${routes[route].method} ${routes[route].path} → HTTP ${status}: ${responseBody.slice(0, 500)}`);
  }
}

export async function callRoute<N extends RouteName>(baseUrl: string, name: N, options: CallOptions<N> = {}): Promise<RouteResponse<N>> {
  const route = routes[name];
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(baseUrl + routePath(route.path, options.params), { method: route.method, headers, body });
  const text = await response.text();
  if (!response.ok) throw new RestError(name, response.status, text);
  const schema = route.response as z.ZodType;
  return schema.parse(JSON.parse(text)) as RouteResponse<N>;
}

/** Run `task` over `items` with at most `limit` running at once, keeping the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
