/** Builds and starts the Kefu Desk backend: store, domain, HTTP routes, realtime hub, widget. */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import websocket from '@fastify/websocket';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS, REALTIME_PATH, type ServerSettings } from '../shared/index.js';
import { createContext, type DomainContext } from './domain/context.js';
import { autoCloseSilent } from './domain/lifecycle.js';
import { startAutoReplyEngine } from './domain/phrases/auto-reply-engine.js';
import { startRollupCatchUp } from './domain/reports/rollup-timer.js';
import { errorEnvelopeOptions, installErrorHandlers, refuseNonWebSocket } from './http/errors.js';
import { createHandlers } from './http/handlers.js';
import { buildOpenApi } from './http/openapi.js';
import { JSON_BODY_MAX, RAW_BODY_ROUTES, registerRoutes } from './http/register-routes.js';
import { registerRateLimit } from './http/rate-limit.js';
import { resolveWidgetRateLimits, type WidgetRateLimitOptions } from './http/widget-rate-limit-config.js';
import { registerWidgetRateLimits } from './http/widget-rate-limits.js';
import { registerWidget } from './http/widget.js';
import { registerAdminSite } from './http/admin-site.js';
import { registerUpdates } from './http/updates.js';
import { HEALTH_PATH, health } from '../shared/protocol/health.js';
import { RealtimeHub } from './realtime/hub.js';
import type { GraceTimers } from './realtime/grace-timers.js';
import { notifyCustomerChanged } from './realtime/customer-changed.js';
import { setCustomerNotifier } from './domain/customers/notify.js';
import { seedIfEmpty } from './store/seed.js';
import { hostname } from 'node:os';
import { openStore } from './store/open-store.js';
import { singleNodeBus } from './cluster/bus.js';
import { openRedisBus } from './cluster/redis-bus.js';
import type { Store } from './store/types.js';
import { DomainError } from './domain/errors.js';
import { DEFAULT_ACCOUNT_LOCK, setAccountLockPolicy, type AccountLockPolicy } from './domain/login-guard.js';
import { createLoginIpLimit, DEFAULT_IP_LIMIT, type IpLimitPolicy } from './http/login-ip-limit.js';

export interface ServerOptions {
  dataDir: string;
  /** postgres://… : PostgreSQL instead of SQLite in dataDir (KEFU_DATABASE_URL); what several nodes share. */
  databaseUrl?: string;
  /** redis://… (KEFU_REDIS_URL): the bus to the other nodes on the same PostgreSQL. Needs databaseUrl. */
  redisUrl?: string;
  /** This node's name on the bus (KEFU_NODE_ID); default host name and process id. */
  nodeId?: string;
  /** How often this node repeats its presence to the others (default 5 s). */
  presenceHeartbeatMs?: number;
  /** Always loopback unless told otherwise; tests and the start command never change it. */
  host?: string;
  /** 0 = a free port. */
  port?: number;
  /** Fastify's logger: true, or pino options (level, stream: tests record what is logged). */
  logger?: FastifyServerOptions['logger'];
  /** Built widget (index.html, widget.js, assets/); defaults to <repo>/dist/widget. */
  widgetDir?: string;
  /** Built management console (index.html, assets/); defaults to <repo>/dist/admin. */
  adminDir?: string;
  /** Initial company settings (written to the database, overriding stored values). */
  settings?: Partial<ServerSettings>;
  /** Time source for every timestamp and the auto-close rule; tests inject their own. */
  clock?: () => number;
  /** Seed the demo accounts into an empty database (default true). */
  seed?: boolean;
  /**
   * Behind a reverse proxy: take the client IP (for the visitor's region) from X-Forwarded-For.
   * Off by default, so a client cannot pick its own address by sending the header.
   */
  trustProxy?: boolean;
  /** How long a dropped agent still counts as connected (default: KEFU_PRESENCE_GRACE_MS, else 30 s). */
  presenceGraceMs?: number;
  /** The grace period's timers; tests fire them by hand. */
  graceTimers?: GraceTimers;
  /** 访客监控: how long after a visitor's last page closed they still count as on the site (default 10 s). */
  navigationGraceMs?: number;
  /** 访客监控's timers (navigation grace, the automatic invitation rules' dwell); tests fire them by hand. */
  siteVisitorTimers?: GraceTimers;
  /** How often the auto-close check runs (default 15 s). */
  autoCloseIntervalMs?: number;
  /**
   * Budgets of the visitor widget's endpoints per visitor and per client IP (sessions,
   * conversations, messages over REST and realtime, uploads, page views, 留言). Defaults are far
   * above a person's pace; tests set them low; `{ enabled: false }` turns them off. A deployment
   * sets them with KEFU_WIDGET_RATE_LIMITS (server/main.ts).
   */
  widgetRateLimits?: WidgetRateLimitOptions;
  /** How often open realtime sockets are checked against their session's lifetime (default 15 s). */
  sessionSweepIntervalMs?: number;
  /** How often this node brings the report rollups up to date (default 60 s; domain/reports/rollup-timer.ts). */
  reportCatchUpIntervalMs?: number;
  /** Brute-force limits on logins, per account (stored lock) and per client address. */
  loginGuard?: { account?: Partial<AccountLockPolicy>; address?: Partial<IpLimitPolicy> };
  /** The workstation's self-update files (GET /updates/:file); default <dataDir>/updates. */
  updatesDir?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  app: FastifyInstance;
  close(): Promise<void>;
  /** True when this start seeded the demo accounts. */
  seeded: boolean;
  /** For tests and tools: the domain context (store, clock, presence). */
  ctx: DomainContext;
  store: Store;
  hub: RealtimeHub;
  /** Runs the 系统关闭 check now; returns the ids it closed. */
  runAutoClose(): string[];
  /** Sends the auto-replies (自动应答) due after the commits so far, now instead of on the next turn. */
  flushAutoReply(): void;
  /** Runs the session sweep now: sockets of ended or aged-out sessions close, open ones count as activity. */
  sweepSessions(): void;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function createServer(opts: ServerOptions): Promise<RunningServer> {
  const clock = opts.clock ?? Date.now;
  const store = await openStore({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl });
  const seeded = opts.seed === false ? false : seedIfEmpty(store, clock());
  if (opts.settings) store.transaction(() => store.settings.write(opts.settings!));
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: JSON_BODY_MAX, trustProxy: opts.trustProxy ?? false, ...errorEnvelopeOptions });
  if (opts.redisUrl && !opts.databaseUrl) throw new Error('KEFU_REDIS_URL joins nodes that share one PostgreSQL: set KEFU_DATABASE_URL too');
  const nodeId = opts.nodeId ?? `${hostname()}:${process.pid}`;
  const bus = opts.redisUrl ? await openRedisBus(opts.redisUrl, nodeId, (message, error) => app.log.error({ err: error }, message)) : singleNodeBus(nodeId);
  const hub = new RealtimeHub({
    log: app.log,
    presenceGraceMs: opts.presenceGraceMs,
    graceTimers: opts.graceTimers,
    bus,
    presenceHeartbeatMs: opts.presenceHeartbeatMs,
    navigationGraceMs: opts.navigationGraceMs,
    siteVisitorTimers: opts.siteVisitorTimers,
  });
  const ctx = createContext(store, clock, hub.presence);
  hub.attach(ctx);
  setCustomerNotifier(ctx, (visitorId) => notifyCustomerChanged(ctx, hub.fanout, visitorId));

  installErrorHandlers(app);
  // An empty JSON body means "no body" (clients send it on POSTs without one); malformed is 400.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new DomainError('VALIDATION_FAILED', 'The body is not valid JSON'), undefined);
    }
  });
  await app.register(websocket, { options: { maxPayload: LIMITS.frameBytesMax * 2 } });
  // @fastify/rate-limit, registered once for the whole app with no global limit (each limit is
  // asked for where it applies). Its store is chosen in http/rate-limit.ts and only there.
  await registerRateLimit(app);
  // Before the routes: it hooks the widget's routes as they are registered.
  const widgetLimiter = registerWidgetRateLimits(app, ctx, resolveWidgetRateLimits(opts.widgetRateLimits));
  if (widgetLimiter) hub.limitVisitorSends(widgetLimiter);

  setAccountLockPolicy(ctx, { ...DEFAULT_ACCOUNT_LOCK, ...opts.loginGuard?.account });
  const handlers = createHandlers(ctx, createLoginIpLimit(app, { ...DEFAULT_IP_LIMIT, ...opts.loginGuard?.address }));
  const names = Object.keys(handlers) as (keyof typeof handlers)[];
  registerRoutes(
    app,
    ctx,
    handlers,
    names.filter((n) => !RAW_BODY_ROUTES.includes(n)),
  );
  // Uploads take raw bytes of any type, so they get their own parser scope.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: LIMITS.fileBytesMax }, (_req, body, done) => done(null, body));
    registerRoutes(scope, ctx, handlers, [...RAW_BODY_ROUTES]);
  });

  let openApi: unknown;
  app.get('/api/docs/json', () => (openApi ??= buildOpenApi()));
  // Names the service, so a workstation can tell this backend from any other web server.
  app.get(HEALTH_PATH, () => health());
  // request.socket is the TCP stream ws took over; the hub corks it to batch writes.
  // A plain GET (no Upgrade) gets our envelope, not the plugin's empty 404.
  app.route({ method: 'GET', url: REALTIME_PATH, handler: refuseNonWebSocket, wsHandler: (socket, request) => hub.handle(socket, request.socket, request.ip) });
  registerWidget(app, opts.widgetDir ?? join(REPO_ROOT, 'dist', 'widget'));
  registerAdminSite(app, opts.adminDir ?? join(REPO_ROOT, 'dist', 'admin'));
  registerUpdates(app, opts.updatesDir ?? join(opts.dataDir, 'updates'));

  const timer = setInterval(() => {
    try {
      autoCloseSilent(ctx);
    } catch (err) {
      app.log.error({ err }, 'auto-close failed');
    }
  }, opts.autoCloseIntervalMs ?? 15_000);
  timer.unref();
  const sessionSweep = setInterval(() => {
    try {
      hub.sweepSessions();
    } catch (err) {
      app.log.error({ err }, 'session sweep failed');
    }
  }, opts.sessionSweepIntervalMs ?? 15_000);
  sessionSweep.unref();
  const autoReply = startAutoReplyEngine(ctx, { onError: (err) => app.log.error({ err }, 'auto-reply failed') });
  const rollupCatchUp = startRollupCatchUp(ctx, {
    intervalMs: opts.reportCatchUpIntervalMs,
    onError: (err) => app.log.error({ err }, 'report rollup catch-up failed'),
  });

  await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0);
  const host = opts.host ?? '127.0.0.1';
  let closed = false;
  return {
    url: `http://${host}:${port}`,
    port,
    app,
    seeded,
    ctx,
    store,
    hub,
    runAutoClose: () => autoCloseSilent(ctx),
    flushAutoReply: () => autoReply.flush(),
    sweepSessions: () => hub.sweepSessions(),
    close: async () => {
      if (closed) return;
      closed = true;
      // Order matters: nothing may touch the store once it is closed. Timers first, then the
      // hub (flushes pending sends, silences socket handlers), then HTTP (waits for requests
      // in flight), and only then the database.
      clearInterval(timer);
      clearInterval(sessionSweep);
      autoReply.stop();
      rollupCatchUp.stop();
      await hub.close();
      await app.close();
      await bus.close();
      store.close();
    },
  };
}
