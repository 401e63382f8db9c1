/**
 * The trail frame's browse socket (访客监控): `browse.hello` with the visitor's token and this
 * page's view id, then only `invitation` frames come. Open means the visitor is on the site, so it
 * reconnects with the widget's backoff (widget-socket.ts) after a drop and closes on pagehide. A refusal
 * (bad token, unknown page view, 黑名单) is final: no reconnect.
 */
import type { ClientFrame } from '../../../shared/protocol/realtime.js';
import type { Invitation } from '../../../shared/protocol/rest-site-visitors.js';
import { openSocket, pingEvery, readServerFrame, Reconnector, type SocketTarget } from './widget-socket.js';

const FINAL_CODES = new Set(['UNAUTHENTICATED', 'NOT_FOUND', 'BLOCKED']);

export interface BrowseSocketOptions extends SocketTarget {
  token: string;
  pageViewId: string;
  onInvitation: (invitation: Invitation) => void;
}

export class BrowseSocket {
  private socket: WebSocket | null = null;
  private readonly reconnect = new Reconnector(() => this.connect());
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;

  constructor(private readonly options: BrowseSocketOptions) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.reconnect.cancel();
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.socket?.close();
    this.socket = null;
  }

  private connect(): void {
    const socket = openSocket(this.options);
    if (!socket) return this.scheduleReconnect();
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (socket !== this.socket) return;
      this.reconnect.succeeded();
      socket.send(JSON.stringify({ type: 'browse.hello', token: this.options.token, pageViewId: this.options.pageViewId } satisfies ClientFrame));
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.pingTimer = pingEvery(socket);
    });
    socket.addEventListener('message', (event: MessageEvent) => {
      if (socket !== this.socket) return;
      const frame = readServerFrame(event);
      if (frame?.type === 'invitation') this.options.onInvitation(frame.invitation);
      if (frame?.type === 'error' && FINAL_CODES.has(frame.error.code)) this.stop();
    });
    socket.addEventListener('close', () => {
      if (socket !== this.socket) return;
      this.socket = null;
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    if (!this.stopped) this.reconnect.schedule();
  }
}
