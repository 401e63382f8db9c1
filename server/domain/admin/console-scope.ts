/**
 * What a console user may touch. An admin: everything. A group leader (组长): the agents of their own
 * group — list, create, edit, disable, enable — never an admin or another leader, never another
 * group, never a role. The routes let leaders in (access 'leader'); these checks are where the
 * limits live, so every path through the domain applies them.
 */
import type { AgentRow } from '../../store/types.js';
import { refuse } from '../errors.js';

/** The console user behind a call: who they are for the audit log, and what their role allows. */
export type ConsoleActor = Pick<AgentRow, 'id' | 'account' | 'role' | 'groupId'>;

export const isAdmin = (actor: ConsoleActor): boolean => actor.role === 'admin';

const OUTSIDE = 'A group leader manages only the agents of their own group';

/** The group a leader works in; a leader with none manages nobody. */
function leaderGroup(actor: ConsoleActor): string {
  return actor.groupId ?? refuse('FORBIDDEN', 'This group leader belongs to no group, so manages no agents');
}

/** Whether the actor may see this account in the console. */
export function canSee(actor: ConsoleActor, target: Pick<AgentRow, 'groupId' | 'role' | 'id'>): boolean {
  return isAdmin(actor) || target.id === actor.id || (actor.groupId !== null && target.groupId === actor.groupId);
}

/** Refuses unless the actor may change this account (edit, disable, enable). */
export function assertManages(actor: ConsoleActor, target: Pick<AgentRow, 'groupId' | 'role'>): void {
  if (isAdmin(actor)) return;
  if (target.groupId !== leaderGroup(actor)) refuse('FORBIDDEN', OUTSIDE);
  if (target.role !== 'agent') refuse('FORBIDDEN', 'A group leader manages agents, not admins or other leaders');
}

/** Refuses a new or changed group or role that a leader may not give. */
export function assertMayAssign(actor: ConsoleActor, change: { groupId?: string | null; role?: AgentRow['role'] }): void {
  if (isAdmin(actor)) return;
  if (change.role !== undefined && change.role !== 'agent') refuse('FORBIDDEN', 'Only admins give the leader or admin role');
  if (change.groupId !== undefined) assertOwnGroup(actor, change.groupId, OUTSIDE);
}

/**
 * Refuses a group (null: the whole company) outside the actor's reach: a leader reaches their own
 * group only. `why` says what the leader tried, for the refusal's message.
 */
export function assertOwnGroup(actor: ConsoleActor, groupId: string | null, why: string): void {
  if (!isAdmin(actor) && groupId !== leaderGroup(actor)) refuse('FORBIDDEN', why);
}

/** The group whose things a leader sees (notices, …); null for an admin, who sees every group's. */
export const groupInView = (actor: ConsoleActor): string | null => (isAdmin(actor) ? null : leaderGroup(actor));
