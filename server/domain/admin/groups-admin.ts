/** 技能组 in the console: create, rename, and delete while nothing uses the group. */
import { uuidv7, type AdminGroup } from '../../../shared/index.js';
import type { GroupRow } from '../../store/types.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';
import { recordAudit, type Actor } from './audit.js';
import { isAdmin, type ConsoleActor } from './console-scope.js';

/** Every group for an admin; a group leader's own group only. */
export function listAdminGroups(ctx: DomainContext, actor: ConsoleActor): AdminGroup[] {
  const counts = ctx.store.groups.counts();
  return ctx.store.groups
    .list()
    .filter((g) => isAdmin(actor) || g.id === actor.groupId)
    .map((g) => ({ id: g.id, name: g.name, members: 0, openConversations: 0, ...counts.get(g.id) }));
}

function adminGroup(ctx: DomainContext, row: GroupRow): AdminGroup {
  const { members, openConversations } = ctx.store.groups.usage(row.id);
  return { id: row.id, name: row.name, members, openConversations };
}

function refuseTakenName(ctx: DomainContext, name: string, exceptId?: string): void {
  const same = ctx.store.groups.byName(name);
  if (same && same.id !== exceptId) refuse('CONFLICT', 'A group with this name exists', { name: 'taken' });
}

export function createGroup(ctx: DomainContext, actor: Actor, name: string): AdminGroup {
  const row = ctx.store.transaction(() => {
    refuseTakenName(ctx, name);
    const group = { id: uuidv7(ctx.clock()), name };
    ctx.store.groups.insert(group);
    recordAudit(ctx, actor, 'group.create', { type: 'group', id: group.id }, null, { name });
    return group;
  });
  ctx.signal();
  return adminGroup(ctx, row);
}

export function renameGroup(ctx: DomainContext, actor: Actor, id: string, name: string): AdminGroup {
  const row = ctx.store.transaction(() => {
    const before = ctx.store.groups.byId(id) ?? refuse('NOT_FOUND', 'No such group');
    refuseTakenName(ctx, name, id);
    ctx.store.groups.rename(id, name);
    recordAudit(ctx, actor, 'group.rename', { type: 'group', id }, { name: before.name }, { name });
    return { id, name };
  });
  ctx.signal();
  return adminGroup(ctx, row);
}

/** Refused while agents belong to it, conversations are routed to it, or visitors' links name it. */
export function deleteGroup(ctx: DomainContext, actor: Actor, id: string): void {
  ctx.store.transaction(() => {
    const before = ctx.store.groups.byId(id) ?? refuse('NOT_FOUND', 'No such group');
    const usage = ctx.store.groups.usage(id);
    const details: Record<string, string> = {};
    if (usage.members > 0) details.members = `${usage.members} agents belong to it`;
    if (usage.openConversations > 0) details.openConversations = `${usage.openConversations} open conversations are routed to it`;
    if (usage.visitorLinks > 0) details.visitorLinks = `${usage.visitorLinks} visitors came through its widget link`;
    if (Object.keys(details).length > 0) refuse('CONFLICT', 'This group is in use: move its agents and conversations first', details);
    ctx.store.groups.delete(id);
    recordAudit(ctx, actor, 'group.delete', { type: 'group', id }, { name: before.name }, null);
  });
  ctx.signal();
}
