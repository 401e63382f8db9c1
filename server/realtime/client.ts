import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { ServerFrame, SessionEndReason } from '../../shared/index.js';
import type { Principal } from '../domain/context.js';
import type { Audience, EventReader } from '../store/types.js';
import { audience } from '../store/types.js';

/** One realtime connection after (or before) its hello. */
export interface Client {
  socket: WebSocket;
  /** The TCP stream under the WebSocket, corked during a batch so its frames leave in one write. */
  stream?: Duplex;
  /** The client's address as the upgrade request saw it (X-Forwarded-For only behind a trusted proxy). */
  ip: string;
  principal: Principal | null;
  /** Live events flow only once the replay is done. */
  ready: boolean;
  /**
   * The newest event seq this client has been sent (replay included). With several nodes a live
   * event can arrive here after the replay already carried it; it is not sent twice.
   */
  deliveredSeq: number;
  /** Per conversation: when the last draft went out, and the newest one held back. */
  drafts: Map<string, { lastAt: number; pending: string | null; timer: NodeJS.Timeout | null }>;
  /** Last `queue` frame sent to this visitor, to send only changes. */
  lastQueueJson?: string;
  /** Set when the staff session behind this socket ended: from then on its frames act for no one. */
  sessionEnded?: SessionEndReason;
  /** A 对话监控 socket (hello with supervise): the extra audiences it reads (supervisor-socket.ts); never counted as connected. */
  supervising?: Audience[];
  /** A 实时监控 socket (monitor.hello): gets wallboard frames only, sends nothing but pings (wallboard-push.ts). */
  monitor?: boolean;
  /** A page of the host site (browse.hello, 访客监控): gets invitation frames only, sends nothing but pings (site-visitors-hub.ts). */
  browse?: { visitorId: string; pageViewId: string };
  /** A staff socket that asked for the 访客监控 deltas (site-visitors.watch). */
  watchingSiteVisitors?: boolean;
}

export function send(client: Client, frame: ServerFrame): void {
  sendEncoded(client, JSON.stringify(frame));
}

/** Streams corked by the current withCorkedWrites(), each once; null outside one. */
let corked: Set<Client> | null = null;

/** For fan-out: the frame is JSON-encoded once and the same text goes to every recipient. */
export function sendEncoded(client: Client, data: string): void {
  if (client.socket.readyState !== client.socket.OPEN) return;
  if (corked && client.stream && !corked.has(client)) {
    corked.add(client);
    client.stream.cork();
  }
  client.socket.send(data);
}

/**
 * Runs fn with every socket it writes to corked, then uncorks them: a group commit's acks and
 * events reach each socket in one write instead of one syscall per frame (which was the largest
 * single cost after batching the commits). Nothing is delayed past fn's return.
 */
export function withCorkedWrites<T>(fn: () => T): T {
  if (corked) return fn();
  const touched = new Set<Client>();
  corked = touched;
  try {
    return fn();
  } finally {
    corked = null;
    for (const client of touched) client.stream?.uncork();
  }
}

export const isStaff = (client: Client): client is Client & { principal: Extract<Principal, { kind: 'staff' }> } => client.principal?.kind === 'staff';
export const isAdmin = (client: Client): boolean => client.principal?.kind === 'staff' && client.principal.agent.role === 'admin';

export function readerOf(principal: Principal): EventReader {
  if (principal.kind === 'visitor') return { all: false, principals: [audience.visitor(principal.visitor.id)] };
  if (principal.agent.role === 'admin') return { all: true };
  return { all: false, principals: [audience.agent(principal.agent.id), audience.staff] };
}
