/**
 * "Phrases changed" hints (realtime `phrases.changed`): written to the event log inside the same
 * transaction as the change, so a workstation that was offline gets it on replay and re-syncs.
 * Public changes go to every staff member; personal ones only to their owner (admins read every
 * event; their workstation ignores other agents' hints by ownerId).
 */
import { audience } from '../../store/types.js';
import type { DomainContext } from '../context.js';

export function emitPhrasesChanged(ctx: DomainContext, row: { ownerId: string | null }): void {
  const to = row.ownerId === null ? [audience.staff] : [audience.agent(row.ownerId)];
  ctx.store.events.append({ type: 'phrases.changed', ownerId: row.ownerId }, to, ctx.clock());
}
