/**
 * Who may read or edit a visitor's profile: admins any visitor; an agent a visitor of a
 * conversation they can see (their own, or a queued one — the rule of domain/access.ts).
 */
import type { VisitorRow } from '../../store/types.js';
import type { DomainContext, Principal } from '../context.js';
import { requireStaff } from '../access.js';
import { refuse } from '../errors.js';

export function servedVisitor(ctx: DomainContext, principal: Principal, visitorId: string): VisitorRow {
  const staff = requireStaff(principal);
  const visitor = ctx.store.visitors.byId(visitorId);
  if (!visitor) return refuse('NOT_FOUND', 'No such visitor');
  if (staff.agent.role === 'admin') return visitor;
  const conversations = ctx.store.conversations.list({ visitorId, limit: 200 });
  if (!conversations.some((c) => c.agentId === staff.agent.id || c.state === 'queued')) {
    return refuse('FORBIDDEN', 'You do not serve this visitor');
  }
  return visitor;
}
