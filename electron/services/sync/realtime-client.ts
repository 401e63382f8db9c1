/**
 * The workstation's WebSocket to the server's /api/realtime: hello with the last applied seq,
 * durable events applied in seq order exactly once and in batches (catch-up.ts; the caller
 * persists lastSeq in the same transaction as the change), replay progress, message.send with
 * ack/nack, ping keepalive, a bounded wait for the handshake and the welcome, dead-socket
 * detection and reconnect with capped exponential backoff + jitter.
 */
import WebSocket from 'ws';
import type { Message } from '../../../shared/domain.js';
import { assertNever, fail, ok, ERROR_CODES, type ErrorCode, type Result } from '../../../shared/errors.js';
import { REALTIME_PATH, ServerFrameSchema, type ClientFrame, type ServerFrame } from '../../../shared/protocol/realtime.js';
import type { SendMessageBody } from '../../../shared/protocol/rest.js';
import type { SessionEndReason } from '../../../shared/session.js';
import { toDisposable, type Disposable } from '../base/lifecycle.js';
import { createBackoff } from './backoff.js';
import { createCatchUp, type CatchUpProgress } from './catch-up.js';
import type { SeqEvent } from './event-applier.js';

export type RealtimePhase = 'offline' | 'connecting' | 'syncing' | 'online';
export type EphemeralFrame = Extract<ServerFrame, { type: 'draft' | 'typing' | 'queue' | 'presence' | 'agent' | 'customer.changed' }>;
/** 访客监控 and 主动邀请: the site-visitor deltas and the answers to this agent's invitations. */
export type SiteVisitorFrame = Extract<ServerFrame, { type: 'site-visitor' | 'site-visitor.left' | 'invitation' }>;

export interface RealtimeHandlers {
  /**
   * Apply these durable events (ascending seq) and persist the last seq with them, atomically.
   * `live`: they came after the replay. Throwing drops the socket so the events are replayed.
   */
  applyBatch(batch: SeqEvent[], live: boolean): void;
  ephemeral(frame: EphemeralFrame): void;
  phase(phase: RealtimePhase, progress: CatchUpProgress | null): void;
  /**
   * The server refused the token or ended the session (the reason it gave, if any): the client
   * has stopped; the session decides whether it renews the token and starts it again.
   */
  unauthenticated(reason: SessionEndReason | null): void;
  /**
   * The stored seq is beyond the server's log (`resync` frame): rebuild from REST and store
   * `headSeq` as the new lastSeq. The client says hello again once this resolves; a rejection
   * retries through the normal reconnect (and the server asks for a resync again).
   */
  resync(headSeq: number): Promise<void>;
  log?(message: string, detail?: unknown, level?: 'info' | 'warn' | 'error'): void;
}

export interface RealtimeClientOptions {
  serverUrl: () => string;
  token: () => string | null;
  lastSeq: () => number;
  handlers: RealtimeHandlers;
  backoff?: { initialMs: number; maxMs: number };
  pingIntervalMs?: number;
  ackTimeoutMs?: number;
  /** How long the handshake, and then the server's welcome after hello, may take (a hung server answers neither). */
  connectTimeoutMs?: number;
}

export interface RealtimeClient {
  start(): void;
  stop(): void;
  readonly phase: RealtimePhase;
  /** Whether the conversation has received events not applied yet (a catch-up brings them). */
  isBehind(conversationId: string): boolean;
  sendMessage(conversationId: string, message: SendMessageBody): Promise<Result<Message>>;
  /** Fire-and-forget frames (typing). False when not connected. */
  send(frame: ClientFrame): boolean;
  /**
   * 访客监控: ask for the site-visitor deltas (or stop them). Every new connection starts with them
   * off, so while watched the request is repeated after each welcome.
   */
  watchSiteVisitors(watch: boolean): void;
  /** The site-visitor and invitation frames, as they arrive. */
  onSiteVisitorFrame(listener: (frame: SiteVisitorFrame) => void): Disposable;
}

interface PendingAck {
  resolve(result: Result<Message>): void;
  timer: NodeJS.Timeout;
}

const toErrorCode = (code: string): ErrorCode => ((ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL');

export function realtimeUrl(serverUrl: string): string {
  const url = new URL(REALTIME_PATH, serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export function createRealtimeClient(options: RealtimeClientOptions): RealtimeClient {
  const { handlers } = options;
  const pingIntervalMs = options.pingIntervalMs ?? 15_000;
  const ackTimeoutMs = options.ackTimeoutMs ?? 15_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const backoff = createBackoff(options.backoff ?? { initialMs: 500, maxMs: 15_000 });
  const pending = new Map<string, PendingAck>();
  let socket: WebSocket | null = null;
  let phase: RealtimePhase = 'offline';
  let running = false;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let pingTimer: NodeJS.Timeout | null = null;
  let welcomeTimer: NodeJS.Timeout | null = null;
  let lastFrameAt = 0;
  /** A rebuild after `resync` is running: no hello may go out with the old seq until it is stored. */
  let resyncing = false;
  /** No welcome since the last attempt failed: the server is not reachable, say offline (not 连接中) while retrying. */
  let unreachable = false;
  /** The current socket was welcomed: frames other than hello may go out on it. */
  let welcomed = false;
  let siteVisitorsWatched = false;
  const siteVisitorListeners = new Set<(frame: SiteVisitorFrame) => void>();

  const setPhase = (next: RealtimePhase, progress: CatchUpProgress | null = null) => {
    phase = next;
    handlers.phase(next, progress);
  };

  const catchUp = createCatchUp<EphemeralFrame>({
    apply: (batch, live) => handlers.applyBatch(batch, live),
    ephemeral: (frame) => handlers.ephemeral(frame),
    progress: (progress) => setPhase('syncing', progress),
    replayDone: () => setPhase('online'),
    failed(error) {
      handlers.log?.('applying events failed; reconnecting to replay them', error instanceof Error ? error.message : error);
      socket?.terminate();
    },
    log: (message, detail) => handlers.log?.(message, detail),
    pause: () => socket?.pause(),
    resume: () => socket?.resume(),
  });

  const clearWelcomeTimer = () => {
    if (welcomeTimer) clearTimeout(welcomeTimer);
    welcomeTimer = null;
  };

  function failPending(code: ErrorCode, message: string) {
    for (const [clientId, entry] of pending) {
      clearTimeout(entry.timer);
      pending.delete(clientId);
      entry.resolve(fail(code, message));
    }
  }

  function scheduleReconnect() {
    if (!running || reconnectTimer) return;
    const delay = backoff.next();
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, delay);
  }

  function onClosed(ws: WebSocket) {
    if (socket !== ws) return;
    socket = null;
    if (pingTimer) clearInterval(pingTimer);
    pingTimer = null;
    clearWelcomeTimer();
    // What was received and not applied yet comes again in the next replay.
    catchUp.clear();
    failPending('NETWORK', 'the connection to the server dropped before it acknowledged');
    if (resyncing && running) return; // afterResync() reconnects
    unreachable = true;
    setPhase('offline');
    scheduleReconnect();
  }

  function connect() {
    const token = options.token();
    if (!running || !token) return;
    setPhase(unreachable ? 'offline' : 'connecting');
    welcomed = false;
    const ws = new WebSocket(realtimeUrl(options.serverUrl()), { handshakeTimeout: connectTimeoutMs });
    socket = ws;
    ws.on('open', () => {
      lastFrameAt = Date.now();
      // Read when the hello goes out, not when the attempt began: the cache may have moved on
      // (or been replaced) while the connection was being set up.
      const appliedSeq = options.lastSeq();
      catchUp.begin(appliedSeq);
      ws.send(JSON.stringify({ type: 'hello', token, lastSeq: appliedSeq } satisfies ClientFrame));
      pingTimer = setInterval(() => keepAlive(ws), pingIntervalMs);
      pingTimer.unref();
      // Accepted but never answered (a hung server behind a live TCP stack): give up and retry.
      welcomeTimer = setTimeout(() => {
        handlers.log?.(`no welcome within ${connectTimeoutMs} ms, reconnecting`, undefined, 'info');
        ws.terminate();
      }, connectTimeoutMs);
      welcomeTimer.unref();
    });
    ws.on('message', (data) => {
      lastFrameAt = Date.now();
      onFrame(ws, String(data));
    });
    ws.on('close', () => onClosed(ws));
    ws.on('error', (error) => handlers.log?.('realtime socket error', error.message, 'info'));
  }

  function beginResync(ws: WebSocket, headSeq: number) {
    handlers.log?.('the stored seq is ahead of the server; rebuilding from REST', { appliedSeq: options.lastSeq(), headSeq }, 'warn');
    resyncing = true;
    ws.removeAllListeners('message');
    ws.terminate();
    setPhase('syncing', null);
    handlers.resync(headSeq).then(
      () => afterResync(true),
      (error: unknown) => {
        handlers.log?.('rebuild after resync failed; will try again', error instanceof Error ? error.message : error);
        afterResync(false);
      },
    );
  }

  function afterResync(rebuilt: boolean) {
    resyncing = false;
    if (!running || socket) return;
    setPhase('connecting');
    if (!rebuilt) return scheduleReconnect();
    backoff.reset();
    connect();
  }

  function keepAlive(ws: WebSocket) {
    // A socket that stays silent across two pings is dead (sleeping laptop, cut cable): drop it.
    if (Date.now() - lastFrameAt > pingIntervalMs * 2.5) {
      handlers.log?.('realtime socket silent, reconnecting', undefined, 'info');
      ws.terminate();
      return;
    }
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'ping' } satisfies ClientFrame));
  }

  function onFrame(ws: WebSocket, text: string) {
    let frame: ServerFrame;
    try {
      const parsed = ServerFrameSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(parsed.error.message);
      frame = parsed.data;
    } catch (error) {
      handlers.log?.('realtime frame refused', error instanceof Error ? error.message : error);
      return;
    }
    switch (frame.type) {
      case 'welcome':
        clearWelcomeTimer();
        backoff.reset();
        unreachable = false;
        welcomed = true;
        if (siteVisitorsWatched) sendWatch(ws, true);
        // The count comes with the first replay.progress; the headSeq here counts every agent's events.
        setPhase('syncing', { done: 0, total: 0, behind: [] });
        return;
      case 'replay.progress':
        catchUp.replayTotal(frame.total);
        return;
      case 'replay.done':
        catchUp.replayDone();
        return;
      case 'resync':
        beginResync(ws, frame.headSeq);
        return;
      case 'event':
        catchUp.event(frame.seq, frame.event);
        return;
      case 'ack':
      case 'nack': {
        const entry = pending.get(frame.clientId);
        if (!entry) return;
        pending.delete(frame.clientId);
        clearTimeout(entry.timer);
        entry.resolve(frame.type === 'ack' ? ok(frame.message) : fail(toErrorCode(frame.error.code), frame.error.message));
        return;
      }
      case 'error':
        if (frame.error.code === 'UNAUTHENTICATED') {
          running = false;
          ws.close();
          handlers.unauthenticated(frame.error.reason ?? null);
        } else handlers.log?.('server refused a frame', frame.error);
        return;
      case 'site-visitor':
      case 'site-visitor.left':
      case 'invitation':
        // Only now matters (no seq, no replay): straight to whoever shows it.
        for (const listener of siteVisitorListeners) listener(frame);
        return;
      case 'pong':
      case 'business-hours': // to visitors only (工作时间 for the widget)
      case 'widget-config': // to visitors only (访客端设置)
      case 'visitor-rules': // to visitors only (文件 and 评价 rules)
      case 'wallboard': // to 实时监控 sockets only (the console)
        return;
      case 'presence':
      case 'queue':
        // In order with the durable events: a presence frame changes a cached conversation (which
        // a queued event may be about to create), and queue alerts wait for the replay to end.
        catchUp.ephemeral(frame);
        return;
      case 'draft':
      case 'typing':
      case 'agent':
      case 'customer.changed':
        // Current state that depends on no event: shown at once, even behind a long catch-up.
        handlers.ephemeral(frame);
        return;
      default:
        assertNever(frame);
    }
  }

  function sendWatch(ws: WebSocket, watch: boolean) {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'site-visitors.watch', watch } satisfies ClientFrame));
  }

  return {
    get phase() {
      return phase;
    },
    isBehind: (conversationId) => catchUp.isBehind(conversationId),
    start() {
      if (running) return;
      running = true;
      unreachable = false;
      backoff.reset();
      connect();
    },
    stop() {
      running = false;
      catchUp.clear();
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      const ws = socket;
      if (ws) {
        ws.removeAllListeners('message');
        ws.terminate();
        onClosed(ws);
      } else setPhase('offline');
    },
    send(frame) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
    watchSiteVisitors(watch) {
      if (siteVisitorsWatched === watch) return;
      siteVisitorsWatched = watch;
      // Before the welcome the hello is still being checked; the welcome sends it then.
      if (socket && welcomed) sendWatch(socket, watch);
    },
    onSiteVisitorFrame(listener) {
      siteVisitorListeners.add(listener);
      return toDisposable(() => siteVisitorListeners.delete(listener));
    },
    sendMessage(conversationId, message) {
      const ws = socket;
      if (!ws || ws.readyState !== WebSocket.OPEN || phase !== 'online') return Promise.resolve(fail('NETWORK', 'not connected to the server'));
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(message.clientId);
          resolve(fail('TIMEOUT', `no acknowledgement within ${ackTimeoutMs} ms`));
        }, ackTimeoutMs);
        pending.set(message.clientId, { resolve, timer });
        ws.send(JSON.stringify({ type: 'message.send', conversationId, message } satisfies ClientFrame));
      });
    },
  };
}
