/**
 * Typed REST calls through the shared route table (shared/protocol/rest.ts): the path, method and
 * response schema all come from `routes`, and every answer is validated before use. Calls answer
 * a Result instead of throwing, so views can show the error's code and message.
 */
import { ErrorBodySchema, routePath, routes, type RouteBody, type RouteName, type RouteResponse } from '../../../shared/protocol/rest.js';
import { ERROR_CODES, type AppError, type ErrorCode, type Result } from '../../../shared/errors.js';

export interface CallOptions<N extends RouteName> {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: RouteBody<N>;
}

function asCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL';
}

export function errorFromBody(status: number, body: unknown): AppError {
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return details ? { code: asCode(code), message, details } : { code: asCode(code), message };
  }
  return { code: status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED', message: `HTTP ${status}` };
}

/** Codes worth trying again later by themselves; everything else needs the visitor. */
export function isRetryable(code: string): boolean {
  return code === 'NETWORK' || code === 'TIMEOUT' || code === 'INTERNAL' || code === 'RATE_LIMITED';
}

export function buildUrl(path: string, query?: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export class WidgetApi {
  private token: string | undefined;

  constructor(private readonly base: string = '') {}

  setToken(token: string): void {
    this.token = token;
  }

  getToken(): string | undefined {
    return this.token;
  }

  /** Headers every authenticated request carries (also used by the XHR upload). */
  authHeaders(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  url(path: string, query?: Record<string, string | number | undefined>): string {
    return this.base + buildUrl(path, query);
  }

  /** <img>/<a> cannot send headers, so attachments carry the token in the query (routes.getAttachment). */
  attachmentUrl(attachmentId: string): string {
    return this.url(routePath(routes.getAttachment.path, { id: attachmentId }), { token: this.token });
  }

  async call<N extends RouteName>(name: N, options: CallOptions<N> = {}): Promise<Result<RouteResponse<N>>> {
    const route = routes[name];
    const headers: Record<string, string> = { ...this.authHeaders() };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    // Routes without a body schema get no body and no content-type (an empty JSON body is an error).
    let response: Response;
    try {
      response = await fetch(this.url(routePath(route.path, options.params), options.query), { method: route.method, headers, body });
    } catch (error) {
      return { ok: false, error: { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) } };
    }
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    if (!response.ok) return { ok: false, error: errorFromBody(response.status, json) };
    const parsed = route.response.safeParse(json);
    if (!parsed.success) return { ok: false, error: { code: 'INTERNAL', message: `unexpected response from ${route.path}` } };
    return { ok: true, value: parsed.data as RouteResponse<N> };
  }
}
