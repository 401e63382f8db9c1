/**
 * A blacklist entry was added (server/domain/blacklist/live-block.ts): the listed visitors who are
 * connected are told now, with an error frame of code BLOCKED that makes their widget show the
 * notice and stop. A visitor entry reaches the visitor on whichever node they are (the domain has
 * already ended their chat in the add's transaction); an address entry is matched against the
 * sockets of this node, whose addresses only this node knows — their chats end here.
 */
import type { ServerFrame } from '../../shared/index.js';
import { ipInRange, parseIpRange } from '../../shared/ip-range.js';
import type { BlacklistRow } from '../store/blacklist-types.js';
import type { DomainContext } from '../domain/context.js';
import { BLOCKED_MESSAGE } from '../domain/blacklist/enforcement.js';
import { endForBlockedVisitor } from '../domain/blacklist/live-block.js';
import type { Client } from './client.js';
import type { Fanout } from './fanout.js';

export const BLOCKED_FRAME: ServerFrame = { type: 'error', error: { code: 'BLOCKED', message: BLOCKED_MESSAGE } };

export function stopListedVisitors(ctx: DomainContext, fanout: Fanout, clients: Iterable<Client>, entry: BlacklistRow): void {
  if (entry.kind === 'visitor') return fanout.toVisitor(entry.value, BLOCKED_FRAME);
  if (entry.kind !== 'ip') return;
  const range = parseIpRange(entry.value);
  if (typeof range === 'string') return;
  const visitorIds = new Set<string>();
  for (const client of clients) if (client.principal?.kind === 'visitor' && ipInRange(client.ip, range)) visitorIds.add(client.principal.visitor.id);
  for (const visitorId of visitorIds) {
    endForBlockedVisitor(ctx, visitorId);
    fanout.toVisitor(visitorId, BLOCKED_FRAME);
  }
}
