/**
 * 技能组 content (issue 13): phrases, canned files, their categories and knowledge entries may belong
 * to one skill group. An admin manages every group's; a 组长 their own group's only (the same
 * console-scope rule as notices); agents manage none. A group's members read it on the workstation,
 * nobody else does (admins included: at the workstation an admin reads like the member they are).
 */
import type { ContentScopeFilter } from '../../../shared/content-scope.js';
import { audience, type AgentRow, type Audience } from '../../store/types.js';
import { assertOwnGroup, isAdmin, type ConsoleActor } from '../admin/console-scope.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';

const NOT_THEIR_GROUP = 'A group leader manages the content of their own group only';

/** Refuses unless the actor may manage this group's content; an unknown group is a bad request (for those who may). */
export function assertManagesGroupContent(ctx: DomainContext, actor: ConsoleActor, groupId: string): void {
  if (actor.role === 'agent') refuse('FORBIDDEN', 'Only admins and group leaders manage group content');
  assertOwnGroup(actor, groupId, NOT_THEIR_GROUP);
  if (!ctx.store.groups.byId(groupId)) refuse('VALIDATION_FAILED', 'No such skill group', { groupId: 'unknown group' });
}

/** Refuses unless the actor may manage the company's content (admins only). */
export function assertManagesPublicContent(actor: ConsoleActor, what: string): void {
  if (!isAdmin(actor)) refuse('FORBIDDEN', `Only admins manage public ${what}`);
}

/** Refuses unless the actor manages a row of this group (null: the company's). */
export function assertManagesContentOf(ctx: DomainContext, actor: ConsoleActor, groupId: string | null, what: string): void {
  if (groupId === null) assertManagesPublicContent(actor, what);
  else assertManagesGroupContent(ctx, actor, groupId);
}

/**
 * What a console list shows: the company's content and/or some groups'. A leader's whole view is
 * their group; asking for the company's or another group's is refused (not silently emptied).
 */
export function consoleContentView(ctx: DomainContext, actor: ConsoleActor, filter: ContentScopeFilter): { public: boolean; groupIds?: string[] } {
  if (filter.groupId !== undefined) {
    assertManagesGroupContent(ctx, actor, filter.groupId);
    return { public: false, groupIds: [filter.groupId] };
  }
  if (isAdmin(actor)) return { public: filter.scope !== 'group', ...(filter.scope === 'public' ? { groupIds: [] } : {}) };
  if (filter.scope === 'public') assertManagesPublicContent(actor, 'content');
  return { public: false, groupIds: actor.groupId === null ? [] : [actor.groupId] };
}

/** For the audit log: a group row names its group; the company's rows are logged as before (no groupId). */
export const groupOf = (row: { groupId?: string | null }): { groupId?: string } => (row.groupId ? { groupId: row.groupId } : {});

/** The groups whose content this staff member reads at the workstation: their own. */
export const readerGroups = (agent: Pick<AgentRow, 'groupId'>): string[] => (agent.groupId === null ? [] : [agent.groupId]);

/** Who hears that a group's content changed: its enabled members (admins read every event anyway). */
export function groupAudience(ctx: DomainContext, groupId: string): Audience[] {
  return ctx.store.agents
    .list()
    .filter((a) => a.groupId === groupId && !a.disabledAt)
    .map((a) => audience.agent(a.id));
}
