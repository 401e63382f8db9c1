/** Builds and starts the Kefu Desk backend: store, domain, HTTP routes, realtime hub, widget. */
import Fastify, { type FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS, REALTIME_PATH, type ServerSettings } from '../shared/index.js';
import { createContext, type DomainContext } from './domain/context.js';
import { autoCloseSilent } from './domain/lifecycle.js';
import { startAutoReplyEngine } from './domain/phrases/auto-reply-engine.js';
import { installErrorHandlers } from './http/errors.js';
import { createHandlers } from './http/handlers.js';
import { buildOpenApi } from './http/openapi.js';
import { JSON_BODY_MAX, RAW_BODY_ROUTES, registerRoutes } from './http/register-routes.js';
import { registerWidget } from './http/widget.js';
import { RealtimeHub } from './realtime/hub.js';
import { notifyCustomerChanged } from './realtime/customer-changed.js';
import { setCustomerNotifier } from './domain/customers/notify.js';
import { seedIfEmpty } from './store/seed.js';
import { openSqliteStore } from './store/sqlite/store.js';
import type { Store } from './store/types.js';
import { DomainError } from './domain/errors.js';

export interface ServerOptions {
  dataDir: string;
  /** Always loopback unless told otherwise; tests and the start command never change it. */
  host?: string;
  /** 0 = a free port. */
  port?: number;
  logger?: boolean;
  /** Built widget (index.html, widget.js, assets/); defaults to <repo>/dist/widget. */
  widgetDir?: string;
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
  /** How often the auto-close check runs (default 15 s). */
  autoCloseIntervalMs?: number;
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
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function createServer(opts: ServerOptions): Promise<RunningServer> {
  const clock = opts.clock ?? Date.now;
  const store = openSqliteStore(opts.dataDir);
  const seeded = opts.seed === false ? false : seedIfEmpty(store, clock());
  if (opts.settings) store.transaction(() => store.settings.write(opts.settings!));
  const hub = new RealtimeHub();
  const ctx = createContext(store, clock, hub);
  hub.attach(ctx);
  setCustomerNotifier(ctx, (visitorId) => notifyCustomerChanged(ctx, hub, visitorId));

  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: JSON_BODY_MAX, trustProxy: opts.trustProxy ?? false });
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

  const handlers = createHandlers(ctx);
  const names = Object.keys(handlers) as (keyof typeof handlers)[];
  registerRoutes(app, ctx, handlers, names.filter((n) => !RAW_BODY_ROUTES.includes(n)));
  // Uploads take raw bytes of any type, so they get their own parser scope.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: LIMITS.fileBytesMax }, (_req, body, done) => done(null, body));
    registerRoutes(scope, ctx, handlers, [...RAW_BODY_ROUTES]);
  });

  let openApi: unknown;
  app.get('/api/docs/json', () => (openApi ??= buildOpenApi()));
  app.get('/api/health', () => ({ ok: true }));
  // request.socket is the TCP stream ws took over; the hub corks it to batch writes.
  app.get(REALTIME_PATH, { websocket: true }, (socket, request) => hub.handle(socket, request.socket));
  registerWidget(app, opts.widgetDir ?? join(REPO_ROOT, 'dist', 'widget'));

  const timer = setInterval(() => {
    try {
      autoCloseSilent(ctx);
    } catch (err) {
      app.log.error({ err }, 'auto-close failed');
    }
  }, opts.autoCloseIntervalMs ?? 15_000);
  timer.unref();
  const autoReply = startAutoReplyEngine(ctx, { onError: (err) => app.log.error({ err }, 'auto-reply failed') });

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
    close: async () => {
      if (closed) return;
      closed = true;
      // Order matters: nothing may touch the store once it is closed. Timers first, then the
      // hub (flushes pending sends, silences socket handlers), then HTTP (waits for requests
      // in flight), and only then the database.
      clearInterval(timer);
      autoReply.stop();
      await hub.close();
      await app.close();
      store.close();
    },
  };
}
