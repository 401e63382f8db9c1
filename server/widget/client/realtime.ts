/**
 * The widget's realtime connection: hello{token,lastSeq} on open, every server frame validated
 * with ServerFrameSchema, reconnect with capped exponential backoff plus jitter, and a ping so
 * idle proxies do not cut the socket. Applying frames is the caller's job (chat-state.ts).
 */
import { REALTIME_PATH, ServerFrameSchema, type ClientFrame, type ServerFrame } from '../../../shared/protocol/realtime.js';

export type ConnectionState = 'connecting' | 'replaying' | 'open' | 'closed';

export interface RealtimeOptions {
  token: string;
  lastSeq: () => number;
  onFrame: (frame: ServerFrame) => void;
  onState: (state: ConnectionState) => void;
  /**
   * The server's log is behind our lastSeq (`resync` frame): reload from REST and make lastSeq()
   * answer `headSeq`. The next hello waits for it; a rejection retries through the normal backoff.
   */
  resync: (headSeq: number) => Promise<void>;
  /** ws:// or wss:// URL; defaults to this page's origin. */
  url?: string;
  createSocket?: (url: string) => WebSocket;
}

const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 15_000;
const PING_MS = 25_000;

export function realtimeUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${REALTIME_PATH}`;
}

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
  return Math.round(base / 2 + (random() * base) / 2);
}

export class RealtimeClient {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  /** A rebuild after `resync` is running: no hello may go out with the old seq meanwhile. */
  private resyncing = false;
  private state: ConnectionState = 'closed';

  constructor(private readonly options: RealtimeOptions) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.socket?.close();
    this.socket = null;
    this.setState('closed');
  }

  /** True once the server finished replaying: sends are safe to go out in order. */
  get isOpen(): boolean {
    return this.state === 'open' && this.socket?.readyState === WebSocket.OPEN;
  }

  send(frame: ClientFrame): boolean {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Forces a reconnect now (e.g. the browser came back online). */
  reconnectNow(): void {
    if (this.stopped || this.isOpen || this.resyncing) return;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.socket?.close();
    this.connect();
  }

  private connect(): void {
    this.reconnectTimer = null;
    this.setState('connecting');
    const url = this.options.url ?? realtimeUrl(globalThis.location);
    let socket: WebSocket;
    try {
      socket = this.options.createSocket ? this.options.createSocket(url) : new WebSocket(url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (socket !== this.socket) return;
      this.setState('replaying');
      socket.send(JSON.stringify({ type: 'hello', token: this.options.token, lastSeq: this.options.lastSeq() } satisfies ClientFrame));
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.send({ type: 'ping' }), PING_MS);
    });
    socket.addEventListener('message', (event: MessageEvent) => {
      if (socket !== this.socket || typeof event.data !== 'string') return;
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        return;
      }
      const parsed = ServerFrameSchema.safeParse(json);
      if (!parsed.success) return;
      const frame = parsed.data;
      if (frame.type === 'resync') return this.beginResync(socket, frame.headSeq);
      if (frame.type === 'replay.done') {
        this.attempt = 0;
        this.setState('open');
      }
      this.options.onFrame(frame);
      if (frame.type === 'error' && frame.error.code === 'UNAUTHENTICATED') this.stop();
    });
    socket.addEventListener('close', () => {
      if (socket !== this.socket) return;
      this.socket = null;
      if (this.pingTimer) clearInterval(this.pingTimer);
      if (!this.stopped) this.scheduleReconnect();
    });
  }

  private beginResync(socket: WebSocket, headSeq: number): void {
    // Forget the socket first, so its close does not schedule a hello with the old seq.
    this.socket = null;
    if (this.pingTimer) clearInterval(this.pingTimer);
    socket.close();
    this.resyncing = true;
    this.options.resync(headSeq).then(
      () => this.afterResync(true),
      () => this.afterResync(false),
    );
  }

  private afterResync(rebuilt: boolean): void {
    this.resyncing = false;
    if (this.stopped || this.socket) return;
    if (!rebuilt) return this.scheduleReconnect();
    this.attempt = 0;
    this.connect();
  }

  private scheduleReconnect(): void {
    this.setState('closed');
    if (this.stopped || this.reconnectTimer) return;
    const delay = backoffDelay(this.attempt);
    this.attempt = Math.min(this.attempt + 1, 10);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.options.onState(state);
  }
}
