/**
 * The agent activity log (实时监控, issue 14): what each agent did and was, as facts written in the
 * transaction of the change they record — a login, a logout with its reason, each change of the
 * agent's effective status with why, each conversation given to them. Reports (issue 15) sum the
 * time between an agent's status rows; the wallboard reads the newest one as "status since".
 */
import { uuidv7, type SessionEndReason } from '../../../shared/index.js';
import type { MonitorStatus, StatusReason } from '../../../shared/protocol/rest-monitor.js';
import type { ActivityRow } from '../../store/activity-types.js';
import type { AgentRow } from '../../store/types.js';
import type { DomainContext } from '../context.js';
import { closePhone } from './phone-status.js';

function append(ctx: DomainContext, fact: Omit<ActivityRow, 'id' | 'at' | 'sessionId' | 'conversationId'> & Partial<ActivityRow>): void {
  const at = ctx.clock();
  ctx.store.activity.insert({ id: uuidv7(at), at, sessionId: null, conversationId: null, ...fact });
}

/**
 * What the agent counts as now: their chosen status while connected, 离线 while not connected
 * (after the presence grace) or disabled.
 */
export function effectiveStatus(ctx: DomainContext, agent: AgentRow): MonitorStatus {
  if (agent.disabledAt || !ctx.presence.isAgentConnected(agent.id)) return 'offline';
  return agent.status;
}

/**
 * Writes the agent's effective status when it differs from the newest status row (so each change is
 * written once, whichever node or path notices it). A 未响应 mark is always written: it is a fact
 * of its own even when the agent was 离开 already. Call inside the transaction of the change.
 */
export function recordStatus(ctx: DomainContext, agentId: string, reason: StatusReason): void {
  const agent = ctx.store.agents.byId(agentId);
  if (!agent) return;
  const status = effectiveStatus(ctx, agent);
  if (reason !== 'not-responding' && ctx.store.activity.lastStatus(agentId)?.status === status) return;
  append(ctx, { agentId, kind: 'status', status, reason });
  // The phone status lives with the connection: 离线 ends it in the log too.
  if (status === 'offline') closePhone(ctx, agentId, 'disconnected');
}

/**
 * The server the agent was connected through is gone (node-liveness.ts): 离线 at its last sign of
 * life, `at` — never before the agent's newest fact, so the log keeps its order. A no-op when the
 * log has the agent 离线 already. Call inside the claiming transaction.
 */
export function recordOfflineAt(ctx: DomainContext, agentId: string, at: number, reason: 'node-lost' | 'server-stopped'): void {
  const last = ctx.store.activity.lastStatus(agentId);
  if (!last || last.status === 'offline') return;
  const when = Math.max(at, last.at);
  ctx.store.activity.insert({ id: uuidv7(when), agentId, at: when, kind: 'status', status: 'offline', reason, sessionId: null, conversationId: null });
  closePhone(ctx, agentId, reason === 'node-lost' ? 'node-lost' : 'disconnected', when);
}

/**
 * The agent's connection came or went (presence, after the grace period for a drop): its own
 * transaction, as nothing else is written. Gone with no live session left is a logout.
 */
export function recordConnectionChange(ctx: DomainContext, agentId: string): void {
  ctx.store.transaction(() => {
    const connected = ctx.presence.isAgentConnected(agentId);
    const reason: StatusReason = connected ? 'connected' : ctx.store.sessions.liveIdsOf(agentId).length > 0 ? 'disconnected' : 'logout';
    recordStatus(ctx, agentId, reason);
  });
}

export function recordLogin(ctx: DomainContext, agentId: string, sessionId: string): void {
  append(ctx, { agentId, kind: 'login', status: null, reason: 'login', sessionId });
}

export function recordLogout(ctx: DomainContext, agentId: string, sessionId: string, reason: SessionEndReason): void {
  append(ctx, { agentId, kind: 'logout', status: null, reason, sessionId });
}

/** A conversation was given to the agent (routing, 接收对话, 转接). Inside the assigning transaction. */
export function recordAssigned(ctx: DomainContext, agentId: string, conversationId: string): void {
  append(ctx, { agentId, kind: 'assigned', status: null, reason: 'assigned', conversationId });
}
