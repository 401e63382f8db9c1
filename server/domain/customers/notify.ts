/**
 * Tells the staff who serve a visitor that the visitor's profile or trail changed. The domain
 * knows only this function; app.ts wires it to the realtime hub (an ephemeral `customer.changed`
 * frame: the panel re-reads the profile, nothing to replay after a reconnect).
 */
import type { DomainContext } from '../context.js';

export type CustomerChanged = (visitorId: string) => void;

const notifiers = new WeakMap<DomainContext, CustomerChanged>();

export function setCustomerNotifier(ctx: DomainContext, notify: CustomerChanged): void {
  notifiers.set(ctx, notify);
}

export function customerChanged(ctx: DomainContext, visitorId: string): void {
  notifiers.get(ctx)?.(visitorId);
}

/** Agent ids that may read this visitor's profile now: the agents of their open conversation. */
export function servingAgentIds(ctx: DomainContext, visitorId: string): Set<string> {
  const open = ctx.store.conversations.openForVisitor(visitorId);
  return new Set(open?.agentId ? [open.agentId] : []);
}
