/**
 * The agent's phone status (话务状态) as their workstation reports it: kept with the agent's
 * connection on this node (agent_presence, so it goes when the connection does and a restarted
 * server never shows a call that ended while it was down), and each change written to the phone
 * log — the timeline's calls as they happen (振铃, 通话中, 话后处理). Call queues (issue 17) route
 * by the same status.
 */
import { uuidv7 } from '../../../shared/index.js';
import type { PhoneStatus } from '../../../shared/protocol/rest-monitor.js';
import type { AgentPresenceRow } from '../../store/presence-types.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';

/** Why a phone fact was written. */
export type PhoneReason = 'workstation' | 'disconnected' | 'node-lost';

function append(ctx: DomainContext, agentId: string, status: PhoneStatus, reason: PhoneReason, at: number): void {
  ctx.store.phoneActivity.insert({ id: uuidv7(at), agentId, at, status, reason });
}

/**
 * The workstation connected through this node reports its phone. Nothing is written when it says
 * what it said last (a reconnect repeats it). Returns whether anything changed.
 */
export function reportPhoneStatus(ctx: DomainContext, nodeId: string, agentId: string, status: PhoneStatus): boolean {
  return ctx.store.transaction(() => {
    const row = ctx.store.agentPresence.get(agentId, nodeId) ?? refuse('INVALID_STATE', 'This workstation is not connected here');
    if (row.phoneStatus === status) return false;
    const now = ctx.clock();
    ctx.store.agentPresence.setPhone(agentId, nodeId, status, now);
    if (ctx.store.phoneActivity.last(agentId)?.status !== status) append(ctx, agentId, status, 'workstation', now);
    return true;
  });
}

/**
 * The agent's connection is gone (离线, or the server that held it died): their phone status ends
 * with it in the log, at `at`. A no-op when the log says so already. Call inside the transaction.
 */
export function closePhone(ctx: DomainContext, agentId: string, reason: PhoneReason, at = ctx.clock()): void {
  const last = ctx.store.phoneActivity.last(agentId);
  if (!last || last.status === 'unregistered') return;
  append(ctx, agentId, 'unregistered', reason, Math.max(at, last.at));
}

/** Each agent's phone now: of their presence rows, the one reported last (several workstations are rare). */
export function phoneStatuses(rows: readonly AgentPresenceRow[]): Map<string, { status: PhoneStatus; since: number }> {
  const byAgent = new Map<string, { status: PhoneStatus; since: number }>();
  for (const row of rows) {
    if (row.phoneStatus === null || row.phoneSince === null) continue;
    const known = byAgent.get(row.agentId);
    if (!known || row.phoneSince > known.since) byAgent.set(row.agentId, { status: row.phoneStatus, since: row.phoneSince });
  }
  return byAgent;
}
