/**
 * The console's live view (对话监控) on the staff socket: a hello with `supervise: true`. Such a
 * socket is the supervisor watching, not working — so it gets no replay (the console reads the
 * list over REST once it is ready), it never counts as the staff member being connected (routing
 * would hand a leader chats because the console is open), and a group leader's socket also reads
 * the events addressed to their group's members (their conversations, whispers). Admins read
 * everything anyway. Members who join the group later are followed after the next connect.
 */
import type { Principal } from '../domain/context.js';
import { supervisedAgentIds } from '../domain/supervision/scope.js';
import type { DomainContext } from '../domain/context.js';
import { audience, type Audience } from '../store/types.js';

/** The extra audiences a supervising socket reads, or why it may not supervise. */
export function supervisorAudiences(ctx: DomainContext, principal: Principal): { ok: true; audiences: Audience[] } | { ok: false; message: string } {
  if (principal.kind !== 'staff' || principal.agent.role === 'agent') return { ok: false, message: 'Only admins and group leaders supervise conversations' };
  if (principal.agent.role === 'leader' && principal.agent.groupId === null) return { ok: false, message: 'This group leader belongs to no group' };
  const members = supervisedAgentIds(ctx, principal.agent) ?? [];
  return { ok: true, audiences: members.filter((id) => id !== principal.agent.id).map((id) => audience.agent(id)) };
}
