/** `presence` (the visitor came or went) → the agent of the visitor's open conversation, and admins. */
import type { DomainContext } from '../domain/context.js';
import { adminsAnd, type Fanout } from './fanout.js';

export function announceVisitorPresence(ctx: DomainContext, fanout: Fanout, visitorId: string, visitorOnline: boolean): void {
  const open = ctx.store.conversations.openForVisitor(visitorId);
  if (!open) return;
  fanout.toStaff({ type: 'presence', conversationId: open.id, visitorOnline }, adminsAnd(open.agentId));
}
