/**
 * Where the blacklist bites: every visitor entry point (session, start, send, upload, 留言, the
 * realtime hello and message.send) asks here whether the visitor — by id or by the address the
 * request came from — is listed. Only entries that have not expired count, so an expiry needs no
 * timer: the entry simply stops matching.
 */
import { ipInRange, parseIpRange } from '../../../shared/ip-range.js';
import type { BlacklistRow } from '../../store/blacklist-types.js';
import type { DomainContext, Principal } from '../context.js';
import { DomainError } from '../errors.js';
import { phoneKey } from '../phone/numbers.js';

/** What the widget shows the visitor is its own text (server/widget/client/i18n.ts); this is for logs and API users. */
export const BLOCKED_MESSAGE = 'Sorry, you cannot start a consultation at the moment';

export const blockedRefusal = (): DomainError => new DomainError('BLOCKED', BLOCKED_MESSAGE);

export interface VisitorOrigin {
  visitorId?: string | null;
  /** The address the request or socket came from (request.ip); absent when unknown. */
  ip?: string | null;
}

/** Whether the address lies in one of these address entries. */
export function ipListed(entries: readonly BlacklistRow[], ip: string | null | undefined): boolean {
  if (!ip) return false;
  return entries.some((entry) => {
    const range = parseIpRange(entry.value);
    return typeof range !== 'string' && ipInRange(ip, range);
  });
}

export function isVisitorBlocked(ctx: DomainContext, origin: VisitorOrigin): boolean {
  const now = ctx.clock();
  if (origin.visitorId && ctx.store.blacklist.activeFor('visitor', origin.visitorId, now).length > 0) return true;
  return ipListed(ctx.store.blacklist.activeIpEntries(now), origin.ip);
}

/** Throws BLOCKED for a listed visitor; staff are never blocked here. */
export function refuseIfBlocked(ctx: DomainContext, principal: Principal | null, ip?: string | null): void {
  if (principal && principal.kind !== 'visitor') return;
  if (isVisitorBlocked(ctx, { visitorId: principal?.visitor.id, ip })) throw blockedRefusal();
}

/**
 * For a group commit of realtime sends: which of these senders are blocked, with two reads for the
 * whole batch (listed visitor ids among them, and the address entries) instead of one per message.
 */
export function blockedAmong(ctx: DomainContext, origins: readonly VisitorOrigin[]): boolean[] {
  const visitors = origins.filter((o) => o.visitorId);
  if (visitors.length === 0) return origins.map(() => false);
  const now = ctx.clock();
  const listed = ctx.store.blacklist.blockedVisitors(
    visitors.map((o) => o.visitorId!),
    now,
  );
  const ipEntries = ctx.store.blacklist.activeIpEntries(now);
  return origins.map((o) => Boolean(o.visitorId) && (listed.has(o.visitorId!) || ipListed(ipEntries, o.ip)));
}

/** An incoming call's number (as the softphone read it from the INVITE) is listed. */
export function isNumberBlocked(ctx: DomainContext, number: string): boolean {
  const key = phoneKey(number);
  return key !== '' && ctx.store.blacklist.activeFor('phone', key, ctx.clock()).length > 0;
}
