/**
 * The console's side of staff accounts: listing with filters, and the end of an account's working
 * life — disable (at once: its logins end, its chats go back to the queue and on to others, it
 * cannot log in), enable, and delete for an account that never did anything.
 */
import type { AdminAgent, AdminAgentsQuery } from '../../../shared/index.js';
import type { AgentRow } from '../../store/types.js';
import type { DomainContext } from '../context.js';
import { dropAvatarBytes } from '../avatars.js';
import { toAgent } from '../dto.js';
import { refuse } from '../errors.js';
import { drainQueue, requeueConversation } from '../routing.js';
import { endAgentSessions } from '../sessions.js';
import { recordStatus } from '../monitoring/activity.js';
import { recordAudit } from './audit.js';
import { assertManages, canSee, type ConsoleActor } from './console-scope.js';

/** What the audit log records of an account (never its password). */
export const agentAuditFields = (row: AgentRow) => ({
  account: row.account,
  nickname: row.nickname,
  role: row.role,
  maxConcurrent: row.maxConcurrent,
  groupId: row.groupId,
  disabledAt: row.disabledAt ?? null,
});

export function toAdminAgent(ctx: DomainContext, row: AgentRow, load?: number): AdminAgent {
  const sipUri = ctx.store.sipAccounts.forAgent(row.id)?.uri ?? null;
  return { ...toAgent(ctx, row, load), disabledAt: row.disabledAt ?? null, createdAt: row.createdAt, sipUri };
}

/** Agents are hundreds at most: one read of the table, filtered here the same on both stores. A leader sees their group (and themselves). */
export function listAdminAgents(
  ctx: DomainContext,
  actor: ConsoleActor,
  query: Omit<AdminAgentsQuery, 'state'> & { state: 'enabled' | 'disabled' | 'all' },
): AdminAgent[] {
  const loads = ctx.store.agents.loads();
  const needle = query.q?.trim().toLowerCase();
  return ctx.store.agents
    .list()
    .filter(
      (row) =>
        canSee(actor, row) &&
        (query.state === 'all' || (query.state === 'disabled') === Boolean(row.disabledAt)) &&
        (!needle || row.account.toLowerCase().includes(needle) || row.nickname.toLowerCase().includes(needle)) &&
        (query.groupId === undefined || row.groupId === query.groupId) &&
        (query.role === undefined || row.role === query.role) &&
        (query.status === undefined || row.status === query.status),
    )
    .map((row) => toAdminAgent(ctx, row, loads.get(row.id) ?? 0));
}

function existing(ctx: DomainContext, id: string): AgentRow {
  return ctx.store.agents.byId(id) ?? refuse('NOT_FOUND', 'No such agent');
}

/** The console must keep someone who can run it. */
export function refuseLastAdmin(ctx: DomainContext, row: AgentRow, doing: string): void {
  if (row.role !== 'admin') return;
  const others = ctx.store.agents.list().filter((a) => a.role === 'admin' && a.id !== row.id && !a.disabledAt);
  if (others.length === 0) refuse('INVALID_STATE', `The last enabled admin cannot be ${doing}`);
}

/**
 * 停用: in one transaction the account is marked disabled and set 离开, and each of its active
 * conversations goes back to the queue with a system message (nothing of it is lost: the history
 * stays with the conversation); after the commit its logins end (sockets close with 'disabled')
 * and the queue is handed to the agents still at work.
 */
export function disableAgent(ctx: DomainContext, actor: ConsoleActor, id: string): AdminAgent {
  if (id === actor.id) refuse('INVALID_STATE', 'You cannot disable your own account');
  const row = ctx.store.transaction(() => {
    const before = existing(ctx, id);
    assertManages(actor, before);
    if (before.disabledAt) return before;
    refuseLastAdmin(ctx, before, 'disabled');
    ctx.store.agents.update(id, { disabledAt: ctx.clock(), status: 'away', notRespondingSince: null });
    recordStatus(ctx, id, 'disabled');
    for (const conversation of ctx.store.conversations.openForAgent(id)) {
      if (conversation.state !== 'active' || conversation.agentId !== id) continue;
      requeueConversation(ctx, conversation, `客服 ${before.nickname} 已停用，对话已转回队列，将由其他客服接待`, { forgetRequestedAgent: true });
    }
    // Visitors waiting for this agent by name (指定客服) would wait for ever: anyone may take them now.
    for (const queued of ctx.store.conversations.queued()) {
      if (queued.requestedAgentId === id) ctx.store.conversations.update(queued.id, { requestedAgentId: null });
    }
    const after = ctx.store.agents.byId(id)!;
    recordAudit(ctx, actor, 'agent.disable', { type: 'agent', id }, agentAuditFields(before), agentAuditFields(after));
    return after;
  });
  endAgentSessions(ctx, id, 'disabled');
  drainQueue(ctx);
  ctx.signal();
  return toAdminAgent(ctx, row);
}

/** 启用: the account may log in again (it starts 离开, as after any login). */
export function enableAgent(ctx: DomainContext, actor: ConsoleActor, id: string): AdminAgent {
  const row = ctx.store.transaction(() => {
    const before = existing(ctx, id);
    assertManages(actor, before);
    if (!before.disabledAt) return before;
    ctx.store.agents.update(id, { disabledAt: null });
    const after = ctx.store.agents.byId(id)!;
    recordAudit(ctx, actor, 'agent.enable', { type: 'agent', id }, agentAuditFields(before), agentAuditFields(after));
    return after;
  });
  ctx.signal();
  return toAdminAgent(ctx, row);
}

/** 删除: only an account with no history (a mistyped new account); anyone who worked is disabled instead. */
export function deleteAgent(ctx: DomainContext, actor: ConsoleActor, id: string): void {
  if (id === actor.id) refuse('INVALID_STATE', 'You cannot delete your own account');
  const sessionIds = ctx.store.sessions.liveIdsOf(id);
  const before = ctx.store.transaction(() => {
    const before = existing(ctx, id);
    refuseLastAdmin(ctx, before, 'deleted');
    if (ctx.store.agents.hasHistory(id))
      refuse('CONFLICT', 'This account has history (conversations, messages, calls or console changes): disable it instead', { id: 'has history' });
    ctx.store.agents.delete(id);
    recordAudit(ctx, actor, 'agent.delete', { type: 'agent', id }, agentAuditFields(before), null);
    return before;
  });
  // After the commit, as a replaced picture's: its 头像 bytes go with it.
  dropAvatarBytes(ctx, before.avatarId);
  // Its sessions went with it (ON DELETE CASCADE); any socket still open closes.
  if (sessionIds.length > 0) endAgentSessions(ctx, id, 'disabled');
  ctx.signal();
}
