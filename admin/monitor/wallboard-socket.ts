/**
 * The console's 实时监控 socket: the staff realtime endpoint with a `monitor.hello`, so the server
 * pushes `wallboard` frames (no polling) and never counts the console as a connected agent. A
 * dropped connection comes back after a pause; an ended or refused session does not retry (the
 * REST calls end the console session with the reason).
 */
import { REALTIME_PATH } from '../../shared/protocol/realtime.js';
import type { ServerFrame } from '../../shared/protocol/realtime.js';
import type { Wallboard } from '../../shared/protocol/rest-monitor.js';

export interface WallboardHandlers {
  board(board: Wallboard): void;
  /** true: frames are flowing; false: the connection dropped and is being retried. */
  connected(live: boolean): void;
}

/** Opens the socket; returns the function that closes it for good. */
export type ConnectWallboard = (token: string, handlers: WallboardHandlers) => () => void;

const RETRY_MS = 3_000;
/** Close codes after which retrying cannot help: session ended (4401) or not allowed (4403). */
const FINAL_CODES = new Set([4401, 4403]);

export const connectWallboard: ConnectWallboard = (token, handlers) => {
  let stopped = false;
  let socket: WebSocket | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  const open = (): void => {
    socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}${REALTIME_PATH}`);
    socket.onopen = () => socket?.send(JSON.stringify({ type: 'monitor.hello', token }));
    socket.onmessage = (message: MessageEvent<string>) => {
      const frame = JSON.parse(message.data) as ServerFrame;
      if (frame.type !== 'wallboard') return;
      handlers.connected(true);
      handlers.board(frame.board);
    };
    socket.onclose = (event) => {
      if (stopped || FINAL_CODES.has(event.code)) return;
      handlers.connected(false);
      retry = setTimeout(open, RETRY_MS);
    };
  };
  open();
  return () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    socket?.close();
  };
};
