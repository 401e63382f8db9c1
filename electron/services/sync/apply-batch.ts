/**
 * What the realtime client calls with each batch of durable events: apply them to the cache in
 * one transaction, then tell the renderer — a replayed batch as one summary, live events as the
 * single events (and alerts) they always were.
 */
import type { Db } from '../cache/database.js';
import type { InternalBus } from '../base/internal-bus.js';
import type { WorkstationEvents } from '../workstation-events.js';
import { emitChanges } from './emit-changes.js';
import { applyDurableEvents, type SeqEvent } from './event-applier.js';

export interface BatchApplierDeps {
  db: Db;
  events: WorkstationEvents;
  internal: InternalBus;
  agentId: () => string | null;
}

export function createBatchApplier(deps: BatchApplierDeps): (batch: SeqEvent[], live: boolean) => void {
  return (batch, live) => {
    const agentId = deps.agentId();
    if (!agentId) throw new Error('no agent logged in');
    // Alerts only for live events, not for a catch-up replay of old ones.
    const changes = applyDurableEvents(deps.db, batch, { agentId, alerts: live });
    emitChanges(deps, changes, live ? 'each' : 'summary');
  };
}
