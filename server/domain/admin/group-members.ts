/**
 * 技能组成员: who is in a group, who may be put into it, and the change itself. An agent is in one
 * group at a time (agents.groupId), so adding moves an agent out of its former group. Routing reads
 * the membership on every decision (routing.ts), so a change applies to the very next chat; adding
 * also hands the group's waiting queue to the newcomer at once. An agent taken out keeps the
 * conversations it is serving (a chat is never pulled away mid-sentence) and gets none of the
 * group's new ones; the group's queued chats stay routed to the group.
 *
 * Leaving a group that visitors can reach (its widget menu entry, its visitors' links, its open
 * conversations) without an enabled member would leave those visitors waiting for nobody: such a
 * change is refused with what would be left waiting until the caller confirms it.
 */
import type { AdminAgent } from '../../../shared/index.js';
import type { AgentRow, GroupRow } from '../../store/types.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';
import { drainQueue } from '../routing.js';
import { readWidgetSettings } from '../widget-settings/settings.js';
import { toAdminAgent } from './agents-admin.js';
import { recordAudit } from './audit.js';
import { assertManages, assertOwnGroup, isAdmin, type ConsoleActor } from './console-scope.js';
import { emitGroupMembershipChanged } from '../phrases/changes.js';

const OTHER_GROUP = 'A group leader manages the members of their own group only';

/** The group, if it exists and the actor may manage its members (a leader: their own). */
function managedGroup(ctx: DomainContext, actor: ConsoleActor, groupId: string): GroupRow {
  const group = ctx.store.groups.byId(groupId) ?? refuse('NOT_FOUND', 'No such group');
  assertOwnGroup(actor, group.id, OTHER_GROUP);
  return group;
}

function existingAgent(ctx: DomainContext, agentId: string): AgentRow {
  return ctx.store.agents.byId(agentId) ?? refuse('NOT_FOUND', 'No such agent');
}

function asAdminAgents(ctx: DomainContext, rows: AgentRow[]): AdminAgent[] {
  const loads = ctx.store.agents.loads();
  return rows.map((row) => toAdminAgent(ctx, row, loads.get(row.id) ?? 0));
}

/** An admin may add anyone; a leader only agents (not leaders or admins) that no other group has. */
function mayAdd(actor: ConsoleActor, agent: AgentRow): boolean {
  return isAdmin(actor) || (agent.role === 'agent' && agent.groupId === null);
}

export function listGroupMembers(ctx: DomainContext, actor: ConsoleActor, groupId: string): AdminAgent[] {
  const group = managedGroup(ctx, actor, groupId);
  return asAdminAgents(
    ctx,
    ctx.store.agents.list().filter((a) => a.groupId === group.id),
  );
}

/** Enabled accounts outside the group the actor may put into it (a disabled one is enabled first, in 客服). */
export function listGroupCandidates(ctx: DomainContext, actor: ConsoleActor, groupId: string): AdminAgent[] {
  const group = managedGroup(ctx, actor, groupId);
  return asAdminAgents(
    ctx,
    ctx.store.agents.list().filter((a) => a.groupId !== group.id && !a.disabledAt && mayAdd(actor, a)),
  );
}

/**
 * What visitors of `group` would be left waiting for if `leaving` went and no enabled member stayed
 * (empty: nothing, or someone stays). Keys name the reason, for the console's warning.
 */
export function leftWaiting(ctx: DomainContext, group: GroupRow, leaving: AgentRow): Record<string, string> {
  const staying = ctx.store.agents.list().some((a) => a.groupId === group.id && a.id !== leaving.id && !a.disabledAt);
  if (staying) return {};
  const usage = ctx.store.groups.usage(group.id);
  const menu = readWidgetSettings(ctx).groupMenu;
  const details: Record<string, string> = {};
  if (usage.openConversations > 0) details.openConversations = `${usage.openConversations} open conversations are routed to it`;
  if (menu.enabled && menu.items.some((item) => item.groupId === group.id)) details.widgetMenu = 'visitors choose it in the widget menu';
  if (usage.visitorLinks > 0) details.visitorLinks = `${usage.visitorLinks} visitors came through its widget link`;
  return details;
}

function refuseLeavingEmpty(ctx: DomainContext, group: GroupRow, leaving: AgentRow, confirmed: boolean): void {
  if (confirmed) return;
  const details = leftWaiting(ctx, group, leaving);
  if (Object.keys(details).length > 0)
    refuse('CONFLICT', `${group.name} would have no enabled agent while visitors can still reach it: confirm to go ahead`, {
      ...details,
      lastMember: leaving.id,
    });
}

/** Puts the agent into the group, out of its former one; the group's waiting visitors may go to it at once. */
export function addGroupMember(ctx: DomainContext, actor: ConsoleActor, groupId: string, agentId: string, confirmed: boolean): AdminAgent {
  const row = ctx.store.transaction(() => {
    const group = managedGroup(ctx, actor, groupId);
    const before = existingAgent(ctx, agentId);
    if (before.groupId === group.id) return before;
    if (!mayAdd(actor, before)) refuse('FORBIDDEN', 'A group leader adds agents that belong to no group; an admin moves anyone else');
    const former = before.groupId ? ctx.store.groups.byId(before.groupId) : undefined;
    if (former) refuseLeavingEmpty(ctx, former, before, confirmed);
    ctx.store.agents.update(before.id, { groupId: group.id });
    emitGroupMembershipChanged(ctx, before.id);
    recordAudit(ctx, actor, 'group.addMember', { type: 'agent', id: before.id }, { groupId: before.groupId }, { groupId: group.id });
    return ctx.store.agents.byId(before.id)!;
  });
  drainQueue(ctx);
  ctx.signal();
  return toAdminAgent(ctx, row, ctx.store.agents.loadOf(row.id));
}

/** Takes the agent out of the group: no new chat of the group goes to it; the chats it serves stay with it. */
export function removeGroupMember(ctx: DomainContext, actor: ConsoleActor, groupId: string, agentId: string, confirmed: boolean): AdminAgent {
  const row = ctx.store.transaction(() => {
    const group = managedGroup(ctx, actor, groupId);
    const before = existingAgent(ctx, agentId);
    if (before.groupId !== group.id) refuse('NOT_FOUND', 'This account is not a member of the group');
    assertManages(actor, before);
    refuseLeavingEmpty(ctx, group, before, confirmed);
    ctx.store.agents.update(before.id, { groupId: null });
    emitGroupMembershipChanged(ctx, before.id);
    recordAudit(ctx, actor, 'group.removeMember', { type: 'agent', id: before.id }, { groupId: group.id }, { groupId: null });
    return ctx.store.agents.byId(before.id)!;
  });
  ctx.signal();
  return toAdminAgent(ctx, row, ctx.store.agents.loadOf(row.id));
}
