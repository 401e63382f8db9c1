/**
 * Typed client over the REST route table in shared/: builds the URL from the route, sends the
 * Bearer token, times out, and validates the response with the route's own schema. Never throws:
 * answers a Result with the server's error code, or NETWORK / TIMEOUT when the server was not reached.
 */
import {
  ErrorBodySchema,
  routePath,
  routes,
  type RouteBody,
  type RouteName,
  type RouteParams,
  type RouteQuery,
  type RouteResponse,
} from '../../../shared/protocol/rest.js';
import { ERROR_CODES, fail, ok, type ErrorCode, type Result } from '../../../shared/errors.js';

export interface RestCallOptions<N extends RouteName> {
  params?: RouteParams<N>;
  query?: RouteQuery<N>;
  body?: RouteBody<N>;
  /** Raw bytes (uploads): sent as application/octet-stream instead of a JSON body. */
  bytes?: Uint8Array;
  timeoutMs?: number;
}

export interface RestClient {
  call<N extends RouteName>(name: N, options?: RestCallOptions<N>): Promise<Result<RouteResponse<N>>>;
  /** Raw GET of a binary resource (attachments). */
  download(path: string): Promise<Result<{ mime: string; bytes: Buffer; name: string }>>;
}

export interface RestClientOptions {
  baseUrl: () => string;
  token: () => string | null;
  timeoutMs?: number;
  /**
   * Called when the server says the token expired: trades the refresh token for a new one and
   * answers whether that worked; the call is then sent once more with the new token.
   */
  renewToken?: () => Promise<boolean>;
}

/** Calls that never renew: they are how a session starts or renews itself. */
const NOT_RENEWED: ReadonlySet<RouteName> = new Set(['login', 'refreshSession']);

const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);

export function createRestClient(options: RestClientOptions): RestClient {
  const defaultTimeout = options.timeoutMs ?? 15_000;

  async function request(url: string, init: RequestInit, timeoutMs: number, token = options.token()): Promise<Result<Response>> {
    const headers = new Headers(init.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    try {
      return ok(await fetch(url, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) }));
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') return fail('TIMEOUT', `the server did not answer within ${timeoutMs} ms`);
      return fail('NETWORK', `cannot reach the server: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * One request, and on a 401 one more: at once if another call renewed the token meanwhile, or
   * after renewToken() when the refusal says 'expired'. Any other refusal stands.
   */
  async function authorized(url: string, init: RequestInit, timeoutMs: number, renewable: boolean): Promise<Result<Response>> {
    const used = options.token();
    const first = await request(url, init, timeoutMs, used);
    if (!renewable || !options.renewToken || !first.ok || first.value.status !== 401 || used === null) return first;
    if (options.token() !== used) return request(url, init, timeoutMs);
    const refusal = ErrorBodySchema.safeParse(
      await first.value
        .clone()
        .json()
        .catch(() => null),
    );
    if (!refusal.success || refusal.data.error.details?.reason !== 'expired') return first;
    if (!(await options.renewToken())) return first;
    return request(url, init, timeoutMs);
  }

  async function errorFrom(response: Response): Promise<Result<never>> {
    const text = await response.text().catch(() => '');
    try {
      const body = ErrorBodySchema.parse(JSON.parse(text));
      const code = isErrorCode(body.error.code) ? body.error.code : 'INTERNAL';
      return fail(code, body.error.message, body.error.details);
    } catch {
      return fail(response.status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED', `server answered HTTP ${response.status}`);
    }
  }

  return {
    async call(name, callOptions = {}) {
      const route = routes[name];
      const url = new URL(routePath(route.path, callOptions.params as Record<string, string> | undefined), options.baseUrl());
      for (const [key, value] of Object.entries((callOptions.query ?? {}) as Record<string, unknown>)) {
        if (value !== undefined) url.searchParams.set(key, String(value));
      }
      const init: RequestInit = { method: route.method };
      if (callOptions.bytes) {
        init.body = callOptions.bytes;
        init.headers = { 'content-type': 'application/octet-stream' };
      } else if (callOptions.body !== undefined) {
        init.body = JSON.stringify(callOptions.body);
        init.headers = { 'content-type': 'application/json' };
      }
      const response = await authorized(url.toString(), init, callOptions.timeoutMs ?? defaultTimeout, !NOT_RENEWED.has(name));
      if (!response.ok) return response;
      if (!response.value.ok) return errorFrom(response.value);
      let json: unknown;
      try {
        json = await response.value.json();
      } catch {
        return fail('INTERNAL', `${route.method} ${route.path}: the server's answer is not JSON`);
      }
      const parsed = route.response.safeParse(json);
      if (!parsed.success) return fail('INTERNAL', `${route.method} ${route.path}: unexpected answer from the server`);
      return ok(parsed.data as RouteResponse<typeof name>);
    },

    async download(path) {
      const response = await authorized(new URL(path, options.baseUrl()).toString(), { method: 'GET' }, defaultTimeout, true);
      if (!response.ok) return response;
      if (!response.value.ok) return errorFrom(response.value);
      const disposition = response.value.headers.get('content-disposition') ?? '';
      const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
      return ok({
        mime: response.value.headers.get('content-type') ?? 'application/octet-stream',
        bytes: Buffer.from(await response.value.arrayBuffer()),
        name: name ? decodeURIComponent(name) : '',
      });
    },
  };
}
