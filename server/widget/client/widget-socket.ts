/**
 * What the widget's two sockets share — the chat's realtime connection (realtime.ts) and the trail
 * frame's browse socket (browse-socket.ts): where they connect, how a socket is opened, how a
 * server frame is read, the keep-alive ping and the reconnect with capped exponential backoff.
 * What the hello says and what the frames mean stays with each.
 */
import { REALTIME_PATH, ServerFrameSchema, type ClientFrame, type ServerFrame } from '../../../shared/protocol/realtime.js';

const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 15_000;
/** The backoff stops doubling after this many failures (it is capped at BACKOFF_MAX_MS long before). */
const MAX_ATTEMPT = 10;
/** Often enough that idle proxies do not cut the socket. */
const PING_MS = 25_000;

export interface SocketTarget {
  /** ws:// or wss:// URL; defaults to this page's origin. */
  url?: string;
  createSocket?: (url: string) => WebSocket;
}

export function realtimeUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${REALTIME_PATH}`;
}

/** Capped exponential backoff with jitter: between half and all of 500 ms × 2^attempt, at most 15 s. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
  return Math.round(base / 2 + (random() * base) / 2);
}

/** A new socket to the target, or null when the browser refuses to make one (the caller retries later). */
export function openSocket(target: SocketTarget): WebSocket | null {
  const url = target.url ?? realtimeUrl(globalThis.location);
  try {
    return target.createSocket ? target.createSocket(url) : new WebSocket(url);
  } catch {
    return null;
  }
}

/** The server frame a message carries, or null for anything that is not a valid one (ignored). */
export function readServerFrame(event: MessageEvent): ServerFrame | null {
  if (typeof event.data !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(event.data);
  } catch {
    return null;
  }
  const parsed = ServerFrameSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** Pings on the socket while it is open; the caller clears the interval when the socket goes. */
export function pingEvery(socket: WebSocket): ReturnType<typeof setInterval> {
  return setInterval(() => socket.readyState === WebSocket.OPEN && socket.send(JSON.stringify({ type: 'ping' } satisfies ClientFrame)), PING_MS);
}

/** The next connection attempt after a failure: one pending at a time, each waiting longer until one succeeds. */
export class Reconnector {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly connect: () => void) {}

  schedule(): void {
    if (this.timer) return;
    const delay = backoffDelay(this.attempt);
    this.attempt = Math.min(this.attempt + 1, MAX_ATTEMPT);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect();
    }, delay);
  }

  /** Connected: the next failure starts again from the shortest wait. */
  succeeded(): void {
    this.attempt = 0;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
