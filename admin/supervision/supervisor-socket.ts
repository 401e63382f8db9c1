/**
 * The console's live feed for 对话监控: the staff realtime socket with `supervise: true` (the server
 * neither replays history to it nor counts the supervisor as connected). Reconnects after a drop,
 * waiting longer each time; the page re-reads its list over REST whenever the socket is ready, so
 * nothing that happened while it was away is missed.
 */
import { REALTIME_PATH, type ServerFrame } from '../../shared/protocol/realtime.js';

export interface SupervisorFeed {
  close(): void;
}

export interface FeedListeners {
  /** The socket is live (first time and after each reconnect): re-read what the page shows. */
  onReady(): void;
  onFrame(frame: ServerFrame): void;
  /** The socket dropped; it is being reopened. */
  onLost(): void;
}

export type ConnectFeed = (token: string, listeners: FeedListeners) => SupervisorFeed;

const RETRY_MS = [1_000, 2_000, 5_000, 10_000];

export const connectSupervisorFeed: ConnectFeed = (token, listeners) => {
  let closed = false;
  let attempt = 0;
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const open = () => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${REALTIME_PATH}`;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', token, lastSeq: 0, supervise: true }));
    ws.onmessage = (event) => {
      const frame = JSON.parse(String(event.data)) as ServerFrame;
      if (frame.type === 'replay.done') {
        attempt = 0;
        listeners.onReady();
      } else listeners.onFrame(frame);
    };
    ws.onclose = (event) => {
      if (closed) return;
      listeners.onLost();
      // 4401 / 4403: the login ended or may not supervise — retrying would not change that.
      if (event.code === 4401 || event.code === 4403) return;
      timer = setTimeout(open, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
    };
  };
  open();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      socket?.close();
    },
  };
};
