/**
 * The widget's realtime connection: hello{token,lastSeq} on open, every server frame validated
 * with ServerFrameSchema, reconnect with capped exponential backoff plus jitter, and a ping so
 * idle proxies do not cut the socket. Applying frames is the caller's job (chat-state.ts).
 */
import type { ClientFrame, ServerFrame } from '../../../shared/protocol/realtime.js';
import { openSocket, pingEvery, readServerFrame, Reconnector, type SocketTarget } from './widget-socket.js';

export type ConnectionState = 'connecting' | 'replaying' | 'open' | 'closed';

export interface RealtimeOptions extends SocketTarget {
  token: string;
  lastSeq: () => number;
  onFrame: (frame: ServerFrame) => void;
  onState: (state: ConnectionState) => void;
  /**
   * The server's log is behind our lastSeq (`resync` frame): reload from REST and make lastSeq()
   * answer `headSeq`. The next hello waits for it; a rejection retries through the normal backoff.
   */
  resync: (headSeq: number) => Promise<void>;
}

export class RealtimeClient {
  private socket: WebSocket | null = null;
  private readonly reconnect = new Reconnector(() => this.connect());
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
    this.reconnect.cancel();
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
    this.reconnect.cancel();
    this.socket?.close();
    this.connect();
  }

  private connect(): void {
    this.setState('connecting');
    const socket = openSocket(this.options);
    if (!socket) return this.scheduleReconnect();
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (socket !== this.socket) return;
      this.setState('replaying');
      socket.send(JSON.stringify({ type: 'hello', token: this.options.token, lastSeq: this.options.lastSeq() } satisfies ClientFrame));
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.pingTimer = pingEvery(socket);
    });
    socket.addEventListener('message', (event: MessageEvent) => {
      if (socket !== this.socket) return;
      const frame = readServerFrame(event);
      if (!frame) return;
      if (frame.type === 'resync') return this.beginResync(socket, frame.headSeq);
      if (frame.type === 'replay.done') {
        this.reconnect.succeeded();
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
    this.reconnect.succeeded();
    this.connect();
  }

  private scheduleReconnect(): void {
    this.setState('closed');
    if (!this.stopped) this.reconnect.schedule();
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.options.onState(state);
  }
}
