/**
 * Typed client over the REST route table, for every caller that speaks HTTP to the server (the
 * workstation's services under Node, the management console in a browser): builds the URL from the
 * route, sends the Bearer token, times out, and validates the answer with the route's own schema.
 * Never throws: answers a Result with the server's error code, or NETWORK / TIMEOUT when the server
 * was not reached.
 *
 * shared/ is compiled with neither DOM nor Node types, so the little of fetch this uses is
 * described structurally below; browsers and Node 20 both provide it as a global.
 */
import { ErrorBodySchema, routePath, routes, type RouteBody, type RouteName, type RouteParams, type RouteQuery, type RouteResponse } from './rest.js';
import { ERROR_CODES, fail, ok, type ErrorCode, type Result } from '../errors.js';

/** What the client reads of a fetch Response. */
export interface FetchResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
  clone(): FetchResponse;
}
export interface FetchInit {
  method: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal?: unknown;
}
/** A method, so the platform's own fetch (typed with its RequestInit) fits it. */
export interface FetchPort {
  fetch(url: string, init: FetchInit): Promise<FetchResponse>;
}

export interface RestCallOptions<N extends RouteName> {
  params?: RouteParams<N>;
  query?: RouteQuery<N>;
  body?: RouteBody<N>;
  /** Raw bytes (uploads): sent as application/octet-stream instead of a JSON body. */
  bytes?: Uint8Array;
  timeoutMs?: number;
  /**
   * Sent with this token instead of the client's, and never renewed: a login that is not the
   * session yet (修改密码 before the workstation opens, server/domain/own-password.ts).
   */
  token?: string;
}

export interface RouteClient {
  call<N extends RouteName>(name: N, options?: RestCallOptions<N>): Promise<Result<RouteResponse<N>>>;
  /** A GET of a path outside the table's JSON answers (binary downloads), authorized and renewed like call(). */
  get(path: string): Promise<Result<FetchResponse>>;
}

export interface RouteClientOptions {
  /** Origin of the server ('http://host:port'); '' in a page served by the server itself (same origin). */
  baseUrl: () => string;
  token: () => string | null;
  timeoutMs?: number;
  /**
   * Called when the server says the token expired: trades the refresh token for a new one and
   * answers whether that worked; the call is then sent once more with the new token.
   */
  renewToken?: () => Promise<boolean>;
  /** Defaults to the platform's global fetch; tests pass a fake. */
  fetch?: FetchPort['fetch'];
}

/** Calls that never renew: they are how a session starts or renews itself. */
const NOT_RENEWED: ReadonlySet<RouteName> = new Set(['login', 'refreshSession']);

const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);

/** The globals every supported platform has, typed here because shared/ sees no platform types. */
const platform = globalThis as unknown as { fetch: FetchPort['fetch']; AbortSignal: { timeout(ms: number): unknown } };

/**
 * The route paths are absolute, so like `new URL(path, base)` only the base's origin counts
 * (a base of 'http://host:3710/' or 'http://host:3710/x' both reach http://host:3710/api/…).
 */
export function urlFor(baseUrl: string, path: string, query?: Record<string, unknown>): string {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+/i.exec(baseUrl)?.[0] ?? '';
  const search = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return `${origin}${path}${search ? `?${search}` : ''}`;
}

/** The Result a refused response stands for: the server's code and words, or the status when it sent no error body. */
export async function errorFromResponse(response: FetchResponse): Promise<Result<never>> {
  const text = await response.text().catch(() => '');
  try {
    const body = ErrorBodySchema.parse(JSON.parse(text));
    const code = isErrorCode(body.error.code) ? body.error.code : 'INTERNAL';
    return fail(code, body.error.message, body.error.details);
  } catch {
    return fail(response.status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED', `server answered HTTP ${response.status}`);
  }
}

export function createRouteClient(options: RouteClientOptions): RouteClient {
  const defaultTimeout = options.timeoutMs ?? 15_000;
  const send = options.fetch ?? ((url: string, init: FetchInit) => platform.fetch(url, init));

  async function request(url: string, init: FetchInit, timeoutMs: number, token = options.token()): Promise<Result<FetchResponse>> {
    const headers = { ...init.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      return ok(await send(url, { ...init, headers, signal: platform.AbortSignal.timeout(timeoutMs) }));
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
  async function authorized(url: string, init: FetchInit, timeoutMs: number, renewable: boolean): Promise<Result<FetchResponse>> {
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

  return {
    async call(name, callOptions = {}) {
      const route = routes[name];
      const path = routePath(route.path, callOptions.params as Record<string, string> | undefined);
      const url = urlFor(options.baseUrl(), path, callOptions.query as Record<string, unknown> | undefined);
      const init: FetchInit = { method: route.method };
      if (callOptions.bytes) {
        init.body = callOptions.bytes;
        init.headers = { 'content-type': 'application/octet-stream' };
      } else if (callOptions.body !== undefined) {
        init.body = JSON.stringify(callOptions.body);
        init.headers = { 'content-type': 'application/json' };
      }
      const timeoutMs = callOptions.timeoutMs ?? defaultTimeout;
      const response =
        callOptions.token === undefined
          ? await authorized(url, init, timeoutMs, !NOT_RENEWED.has(name))
          : await request(url, init, timeoutMs, callOptions.token);
      if (!response.ok) return response;
      if (!response.value.ok) return errorFromResponse(response.value);
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

    async get(path) {
      const response = await authorized(urlFor(options.baseUrl(), path), { method: 'GET' }, defaultTimeout, true);
      if (!response.ok) return response;
      if (!response.value.ok) return errorFromResponse(response.value);
      return response;
    },
  };
}
