/**
 * "Phrases changed" hints (realtime `phrases.changed`): written to the event log inside the same
 * transaction as the change, so a workstation that was offline gets it on replay and re-syncs.
 * Public changes go to every staff member; a group's to that group's members only (ownerId null
 * like public ones: to the workstation both are "shared lists changed, re-read them"); personal
 * ones only to their owner (admins read every event; their workstation ignores other agents' hints
 * by ownerId).
 */
import { audience } from '../../store/types.js';
import type { DomainContext } from '../context.js';
import { groupAudience } from './group-scope.js';

export function emitPhrasesChanged(ctx: DomainContext, row: { ownerId: string | null; groupId: string | null }): void {
  const to = row.ownerId !== null ? [audience.agent(row.ownerId)] : row.groupId !== null ? groupAudience(ctx, row.groupId) : [audience.staff];
  // A group without members: nobody's workstation shows its lists (admins still read the log).
  ctx.store.events.append({ type: 'phrases.changed', ownerId: row.ownerId }, to, ctx.clock());
}

/**
 * The agent moved into, out of, or between groups: the group content its workstation holds is no
 * longer what it may read, so tell that workstation to re-read the shared lists now rather than at
 * its next reconnect. (Knowledge follows on its next search: the feed names the reader's groups.)
 */
export function emitGroupMembershipChanged(ctx: DomainContext, agentId: string): void {
  ctx.store.events.append({ type: 'phrases.changed', ownerId: null }, [audience.agent(agentId)], ctx.clock());
}
