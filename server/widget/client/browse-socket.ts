/**
 * The trail frame's browse socket (访客监控): `browse.hello` with the visitor's token and this
 * page's view id, then only `invitation` frames come. Open means the visitor is on the site, so it
 * reconnects with the widget's backoff (realtime.ts) after a drop and closes on pagehide. A refusal
 * (bad token, unknown page view, 黑名单) is final: no reconnect.
 */
import { ServerFrameSchema, type ClientFrame } from '../../../shared/protocol/realtime.js';
import type { Invitation } from '../../../shared/protocol/rest-site-visitors.js';
import { backoffDelay, realtimeUrl } from './realtime.js';

const PING_MS = 25_000;
const FINAL_CODES = new Set(['UNAUTHENTICATED', 'NOT_FOUND', 'BLOCKED']);

export interface BrowseSocketOptions {
  token: string;
  pageViewId: string;
  onInvitation: (invitation: Invitation) => void;
  url?: string;
  createSocket?: (url: string) => WebSocket;
}

export class BrowseSocket {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;

  constructor(private readonly options: BrowseSocketOptions) {}

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
  }

  private connect(): void {
    this.reconnectTimer = null;
    const url = this.options.url ?? realtimeUrl(globalThis.location);
    let socket: WebSocket;
    try {
      socket = this.options.createSocket ? this.options.createSocket(url) : new WebSocket(url);
    } catch {
      return this.scheduleReconnect();
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (socket !== this.socket) return;
      this.attempt = 0;
      socket.send(JSON.stringify({ type: 'browse.hello', token: this.options.token, pageViewId: this.options.pageViewId } satisfies ClientFrame));
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => socket.readyState === WebSocket.OPEN && socket.send(JSON.stringify({ type: 'ping' } satisfies ClientFrame)), PING_MS);
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
      if (frame.type === 'invitation') this.options.onInvitation(frame.invitation);
      if (frame.type === 'error' && FINAL_CODES.has(frame.error.code)) this.stop();
    });
    socket.addEventListener('close', () => {
      if (socket !== this.socket) return;
      this.socket = null;
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    const delay = backoffDelay(this.attempt);
    this.attempt = Math.min(this.attempt + 1, 10);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }
}
