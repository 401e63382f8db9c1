/**
 * Keeps realtime sockets inside the life of their staff session (issue 9): which sockets belong
 * to ended sessions, whether a socket may still act when a frame arrives or a queued message is
 * about to be stored, and the periodic sweep (an open socket is activity; a token past its
 * absolute lifetime ends the socket, ending it there and then rather than at the next frame).
 */
import type { SessionEndReason } from '../../shared/index.js';
import type { DomainContext } from '../domain/context.js';
import { pruneSessions, sessionRefusal, socketSessionState, touchSession } from '../domain/sessions.js';
import type { Client } from './client.js';

/** Ends one socket of an ended session: the hub sends the reason, closes, and drops its presence. */
export type EndClient = (client: Client, reason: SessionEndReason) => void;

/** The sockets of these sessions. */
export function clientsOfSessions(clients: Iterable<Client>, sessionIds: readonly string[]): Client[] {
  const ids = new Set(sessionIds);
  return [...clients].filter((c) => c.principal?.kind === 'staff' && ids.has(c.principal.session.id));
}

/**
 * Whether the socket's session still allows it to act, read from the store (another node or
 * process may have ended it). Visitors have no staff session: always true for them until closed.
 */
export function sessionStateOf(ctx: DomainContext, client: Client): 'live' | SessionEndReason {
  if (client.sessionEnded) return client.sessionEnded;
  const principal = client.principal;
  if (principal?.kind !== 'staff') return 'live';
  return socketSessionState(ctx, principal.session.id);
}

/** True when the frame may act; otherwise the socket is ended with the reason and the frame dropped. */
export function mayAct(ctx: DomainContext, client: Client, endClient: EndClient): boolean {
  const state = sessionStateOf(ctx, client);
  if (state === 'live') return true;
  endClient(client, state);
  return false;
}

/**
 * For a group commit: one store read per session per batch. Throws the 401 of the session's end,
 * so the queued message is nacked and not stored.
 */
export function sessionCheckForBatch(ctx: DomainContext): (client: Client) => void {
  const seen = new Map<string, 'live' | SessionEndReason>();
  return (client) => {
    if (client.sessionEnded) throw sessionRefusal(client.sessionEnded);
    const principal = client.principal;
    if (principal?.kind !== 'staff') return;
    let state = seen.get(principal.session.id);
    if (state === undefined) seen.set(principal.session.id, (state = socketSessionState(ctx, principal.session.id)));
    if (state !== 'live') throw sessionRefusal(state);
  };
}

/** Forgetting old sessions is a table scan: once an hour is plenty. */
const PRUNE_EVERY_MS = 3_600_000;
const lastPruneAt = new WeakMap<DomainContext, number>();

/** Every open staff socket: ended or too-old sessions are closed, live ones count as activity. */
export function sweepSessionSockets(ctx: DomainContext, clients: Iterable<Client>, endClient: EndClient): void {
  for (const client of [...clients]) {
    const principal = client.principal;
    if (principal?.kind !== 'staff' || client.sessionEnded) continue;
    const state = socketSessionState(ctx, principal.session.id);
    if (state !== 'live') endClient(client, state);
    else touchSession(ctx, principal.session);
  }
  const now = ctx.clock();
  if (now - (lastPruneAt.get(ctx) ?? -Infinity) < PRUNE_EVERY_MS) return;
  lastPruneAt.set(ctx, now);
  pruneSessions(ctx);
}
