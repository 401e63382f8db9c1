/** 历史对话: a visitor's conversations, for an agent who is or was serving that visitor. */
import type { ConversationRow } from '../store/types.js';
import type { DomainContext, Principal } from './context.js';
import { requireStaff } from './access.js';
import { refuse } from './errors.js';

export function visitorHistory(ctx: DomainContext, principal: Principal, visitorId: string): ConversationRow[] {
  const staff = requireStaff(principal);
  const all = ctx.store.conversations.list({ visitorId, limit: 200 });
  if (staff.agent.role === 'admin') return all;
  const serves = all.some((c) => c.agentId === staff.agent.id || c.state === 'queued');
  if (!serves) return refuse('FORBIDDEN', 'You have not served this visitor');
  return all;
}
