/**
 * Whose conversations a supervisor reaches: an admin every one; a group leader (组长) those of their
 * own group — routed to it (the conversation's group) or handled by one of its members. Every
 * supervision call goes through here, so the limit holds on every path.
 */
import type { AgentRow, ConversationRow } from '../../store/types.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';
import { type ConsoleActor, groupInView } from '../admin/console-scope.js';

const OUTSIDE = 'A group leader supervises only their own group’s conversations';

/** Whether the conversation is in the actor's view; `groupOf` answers an agent's group (a list passes a map). */
export function inSupervisorView(actor: ConsoleActor, row: ConversationRow, groupOf: (agentId: string) => string | null | undefined): boolean {
  const group = groupInView(actor);
  if (group === null) return true;
  return row.groupId === group || (row.agentId !== null && groupOf(row.agentId) === group);
}

/** The conversation, if it exists and the actor may supervise it. */
export function supervisedConversation(ctx: DomainContext, actor: ConsoleActor, id: string): ConversationRow {
  const row = ctx.store.conversations.byId(id) ?? refuse('NOT_FOUND', 'No such conversation');
  if (!inSupervisorView(actor, row, (agentId) => ctx.store.agents.byId(agentId)?.groupId)) refuse('FORBIDDEN', OUTSIDE);
  return row;
}

/** The agents a leader's live view follows (their group's members); null for an admin, who follows everyone. */
export function supervisedAgentIds(ctx: DomainContext, actor: ConsoleActor): string[] | null {
  const group = groupInView(actor);
  if (group === null) return null;
  return ctx.store.agents
    .list()
    .filter((agent: AgentRow) => agent.groupId === group)
    .map((agent) => agent.id);
}

export { OUTSIDE as OUTSIDE_GROUP };
