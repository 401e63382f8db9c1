import type { WebSocket } from 'ws';
import type { ServerFrame } from '../../shared/index.js';
import type { Principal } from '../domain/context.js';
import type { Audience, EventReader } from '../store/types.js';
import { audience } from '../store/types.js';

/** One realtime connection after (or before) its hello. */
export interface Client {
  socket: WebSocket;
  principal: Principal | null;
  /** Live events flow only once the replay is done. */
  ready: boolean;
  /** Per conversation: when the last draft went out, and the newest one held back. */
  drafts: Map<string, { lastAt: number; pending: string | null; timer: NodeJS.Timeout | null }>;
  /** Last `queue` frame sent to this visitor, to send only changes. */
  lastQueueJson?: string;
}

export function send(client: Client, frame: ServerFrame): void {
  if (client.socket.readyState === client.socket.OPEN) client.socket.send(JSON.stringify(frame));
}

export const isStaff = (client: Client): client is Client & { principal: Extract<Principal, { kind: 'staff' }> } => client.principal?.kind === 'staff';
export const isAdmin = (client: Client): boolean => client.principal?.kind === 'staff' && client.principal.agent.role === 'admin';

export function readerOf(principal: Principal): EventReader {
  if (principal.kind === 'visitor') return { all: false, principals: [audience.visitor(principal.visitor.id)] };
  if (principal.agent.role === 'admin') return { all: true };
  return { all: false, principals: [audience.agent(principal.agent.id), audience.staff] };
}

export function sees(principal: Principal, eventAudience: Audience[]): boolean {
  const reader = readerOf(principal);
  return reader.all || reader.principals.some((p) => eventAudience.includes(p));
}
