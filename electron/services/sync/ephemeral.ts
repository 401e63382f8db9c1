/** Ephemeral realtime frames (current state, never replayed) turned into renderer events. */
import { assertNever } from '../../../shared/errors.js';
import type { Agent, QueueEntry } from '../../../shared/domain.js';
import type { Db } from '../cache/database.js';
import { getConversation, upsertConversation } from '../cache/conversations-repo.js';
import type { WorkstationEvents } from '../workstation-events.js';
import type { EphemeralFrame } from './realtime-client.js';
import { emitConversation } from './emit-changes.js';

export interface EphemeralContext {
  db: Db;
  events: WorkstationEvents;
  agentId: () => string | null;
  alertsEnabled: () => boolean;
  agentChanged: (agent: Agent) => void;
}

export function createEphemeralHandler(ctx: EphemeralContext): (frame: EphemeralFrame) => void {
  let queued = new Set<string>();
  let firstQueue = true;

  function queueChanged(entries: QueueEntry[]) {
    ctx.events.emit('queue:changed', entries);
    const next = new Set(entries.map((entry) => entry.conversationId));
    // The first snapshot after connecting is not news; visitors who joined since are.
    if (!firstQueue && ctx.alertsEnabled()) {
      for (const entry of entries) {
        if (queued.has(entry.conversationId)) continue;
        ctx.events.emit('alert:raised', { kind: 'visitor-queued', conversationId: entry.conversationId, title: entry.roomNo, body: entry.visitorName });
      }
    }
    firstQueue = false;
    queued = next;
  }

  return (frame) => {
    switch (frame.type) {
      case 'draft':
        ctx.events.emit('draft:changed', { conversationId: frame.conversationId, text: frame.text });
        return;
      case 'typing':
        // The visitor typing is already visible through the draft (实时查看).
        return;
      case 'queue':
        queueChanged(frame.entries);
        return;
      case 'presence': {
        const agentId = ctx.agentId();
        const conversation = getConversation(ctx.db, frame.conversationId);
        if (!conversation || !agentId) return;
        const updated = { ...conversation, visitorOnline: frame.visitorOnline };
        upsertConversation(ctx.db, updated);
        emitConversation(ctx.events, ctx.db, updated, agentId);
        return;
      }
      case 'agent':
        ctx.agentChanged(frame.agent);
        return;
      case 'customer.changed':
        // 顾客信息 re-reads the profile when the panel shows this visitor.
        ctx.events.emit('customers:profile-changed', { visitorId: frame.visitorId });
        return;
      default:
        assertNever(frame);
    }
  };
}
