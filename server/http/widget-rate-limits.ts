/**
 * The widget's budgets (widget-rate-limit-config.ts) enforced with @fastify/rate-limit's manual
 * limiters: each budget counts per visitor (their token → visitor id) and per client IP (request.ip,
 * which follows X-Forwarded-For only when the server trusts its proxy). The REST routes below get
 * a preHandler; the realtime hub asks the same limiter for visitors' message.send frames, so REST
 * and the socket draw on one message budget. Staff are never limited here.
 *
 * Why not only the plugin's per-route `config.rateLimit`: it keeps one counter per route, and a
 * request runs only the first limiter that applies to it — two counters (visitor and IP) shared
 * between a route and the socket need the manual limiters.
 */
import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { routes, type RouteName } from '../../shared/index.js';
import { authenticate } from '../domain/accounts.js';
import type { DomainContext } from '../domain/context.js';
import { DomainError } from '../domain/errors.js';
import type { MessageLimiter, RateVerdict, WidgetCaller } from '../realtime/send-limiter.js';
import { WIDGET_LIMIT_KINDS, type WidgetLimitKind, type WidgetRateLimits } from './widget-rate-limit-config.js';

/** Which budget each widget route draws on. */
export const WIDGET_LIMITED_ROUTES = {
  visitorSession: 'session',
  visitorStart: 'conversation',
  // 访客注册 answers write the profile (and may create a phone customer): an identity write, like the session.
  visitorPrechat: 'session',
  sendMessage: 'message',
  upload: 'upload',
  reportPageView: 'pageView',
  leavePageView: 'pageView',
  visitorLeaveMessage: 'offlineMessage',
} as const satisfies Partial<Record<RouteName, WidgetLimitKind>>;

/** The realtime hub takes it as its MessageLimiter (the socket's message.send frames). */
export interface WidgetLimiter extends MessageLimiter {
  /** Counts one request of this kind against the caller's budgets. */
  hit(kind: WidgetLimitKind, caller: WidgetCaller): Promise<RateVerdict>;
}

type Check = ReturnType<FastifyInstance['createRateLimit']>;

/** Seconds until the counter's window ends when it is over its budget; null while within it. */
const overFor = (result: Awaited<ReturnType<Check>> | null): number | null =>
  result && !result.isAllowed && result.isExceeded ? Math.max(1, result.ttlInSeconds) : null;

/**
 * What the plugin's manual limiter reads from the "request" it is given: routeOptions (for its
 * groupId) and, through our keyGenerator, the key. Realtime frames have no HTTP request of their
 * own, so every check goes through this probe instead.
 */
interface Probe {
  routeOptions: { config: Record<string, never> };
  key: string;
}
const probe = (key: string): FastifyRequest => ({ routeOptions: { config: {} }, key }) satisfies Probe as unknown as FastifyRequest;
const probeKey = (request: FastifyRequest): string => (request as unknown as Probe).key;

/** Builds the limiter and hooks the widget routes; call before the routes are registered. Null when limits are off. */
export function registerWidgetRateLimits(app: FastifyInstance, ctx: DomainContext, config: WidgetRateLimits): WidgetLimiter | null {
  if (!config.enabled) return null;
  // One limiter per budget and counter: each gets its own child store (per-process memory) or
  // key space (Redis), and the keys below carry the kind as well.
  const check = (max: number): Check => app.createRateLimit({ max, timeWindow: config.windowMs, keyGenerator: probeKey });
  const checks = new Map(
    WIDGET_LIMIT_KINDS.map((kind) => [kind, { perVisitor: check(config.limits[kind].perVisitor), perIp: check(config.limits[kind].perIp) }]),
  );

  const limiter: WidgetLimiter = {
    async hit(kind, caller) {
      const budget = checks.get(kind);
      if (!budget) throw new Error(`no widget budget "${kind}"`);
      const { perVisitor, perIp } = budget;
      const [visitor, ip] = await Promise.all([
        caller.visitorId ? perVisitor(probe(`v:${kind}:${caller.visitorId}`)) : null,
        // IPv6 counts per /64 (one subscriber's prefix): rotating addresses inside it gains nothing.
        perIp(probe(`ip:${kind}:${normalizeIP(caller.ip)}`)),
      ]);
      const visitorOver = overFor(visitor);
      const ipOver = overFor(ip);
      if (visitorOver === null && ipOver === null) return { allowed: true };
      const retryAfterSeconds = Math.max(visitorOver ?? 0, ipOver ?? 0);
      const who = visitorOver !== null ? 'this visitor' : 'this network address';
      return { allowed: false, retryAfterSeconds, message: `Too many requests from ${who}; try again in ${retryAfterSeconds} s` };
    },
  };

  const byRoute = new Map<string, WidgetLimitKind>();
  for (const [name, kind] of Object.entries(WIDGET_LIMITED_ROUTES) as [RouteName, WidgetLimitKind][]) {
    byRoute.set(`${routes[name].method} ${routes[name].path}`, kind);
  }
  app.addHook('onRoute', (route) => {
    const kind = typeof route.method === 'string' ? byRoute.get(`${route.method} ${route.url}`) : undefined;
    if (!kind) return;
    const existing = route.preHandler ? [route.preHandler].flat() : [];
    route.preHandler = [...existing, limitRoute(ctx, limiter, kind)];
  });
  return limiter;
}

/** preHandler, so the body is parsed: a returning visitor's session call carries its token there. */
function limitRoute(ctx: DomainContext, limiter: WidgetLimiter, kind: WidgetLimitKind): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    const caller = callerOf(ctx, request);
    if (!caller) return;
    const verdict = await limiter.hit(kind, caller);
    if (verdict.allowed) return;
    reply.header('retry-after', String(verdict.retryAfterSeconds));
    throw new DomainError('RATE_LIMITED', verdict.message);
  };
}

/** Null for staff (agents share the message and upload routes and are not limited here). */
function callerOf(ctx: DomainContext, request: FastifyRequest): WidgetCaller | null {
  const header = request.headers.authorization;
  const bodyToken = (request.body as { token?: unknown } | undefined)?.token;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : typeof bodyToken === 'string' ? bodyToken : '';
  const principal = token && token.length <= 128 ? authenticate(ctx, token) : undefined;
  if (principal?.kind === 'staff') return null;
  return { visitorId: principal?.kind === 'visitor' ? principal.visitor.id : null, ip: request.ip };
}
