/** Who may see and act on what (SPEC: agents their own and the queue, admins all, visitors their own). */
import type { ConversationRow } from '../store/types.js';
import type { DomainContext, Principal } from './context.js';
import { refuse } from './errors.js';

/** A conversation the principal may read. Visitors get NOT_FOUND for others' ids, so ids leak nothing. */
export function readableConversation(ctx: DomainContext, principal: Principal, id: string): ConversationRow {
  return mayRead(principal, ctx.store.conversations.byId(id));
}

/** readableConversation's rule on a row the caller already read (undefined: no such conversation). */
export function mayRead(principal: Principal, row: ConversationRow | undefined): ConversationRow {
  if (principal.kind === 'visitor') {
    if (!row || row.visitorId !== principal.visitor.id) return refuse('NOT_FOUND', 'No such conversation');
    return row;
  }
  if (!row) return refuse('NOT_FOUND', 'No such conversation');
  if (principal.agent.role === 'admin') return row;
  if (row.agentId === principal.agent.id || row.state === 'queued') return row;
  return refuse('FORBIDDEN', 'This conversation belongs to another agent');
}

/** A conversation the principal may act in as its agent (send, transfer, close, push evaluation). */
export function handledConversation(ctx: DomainContext, principal: Principal, id: string): ConversationRow {
  return mayHandle(principal, ctx.store.conversations.byId(id));
}

/** handledConversation's rule on a row the caller already read. */
export function mayHandle(principal: Principal, found: ConversationRow | undefined): ConversationRow {
  const row = mayRead(principal, found);
  if (principal.kind === 'staff' && principal.agent.role !== 'admin' && row.agentId !== principal.agent.id) {
    refuse('FORBIDDEN', 'Accept this conversation before acting in it');
  }
  return row;
}

export function requireStaff(principal: Principal): Extract<Principal, { kind: 'staff' }> {
  if (principal.kind !== 'staff') return refuse('FORBIDDEN', 'Only agents may do this');
  return principal;
}

export function requireVisitor(principal: Principal): Extract<Principal, { kind: 'visitor' }> {
  if (principal.kind !== 'visitor') return refuse('FORBIDDEN', 'Only the visitor may do this');
  return principal;
}
