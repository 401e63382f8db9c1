/**
 * ACD: who gets a conversation. Every check-and-assign runs inside one store transaction, so no
 * agent ever goes over 最大接线量 however many accepts and transfers race.
 */
import type { AgentStatus, TransferBody } from '../../shared/index.js';
import type { AgentRow, ConversationRow } from '../store/types.js';
import { audience } from '../store/types.js';
import type { DomainContext, Principal } from './context.js';
import { handledConversation, requireStaff } from './access.js';
import { refuse } from './errors.js';
import { emitConversationUpdated, emitMessageCreated } from './events.js';
import { appendSystemMessage } from './messages-store.js';
import { recordAssigned } from './monitoring/activity.js';

interface Eligibility {
  statuses: AgentStatus[];
  groupId?: string | null;
  agentId?: string | null;
  excludeAgentId?: string | null;
}

/** Connected agents in the given statuses with a free slot, least loaded first. */
export function eligibleAgents(ctx: DomainContext, rule: Eligibility): AgentRow[] {
  const loads = ctx.store.agents.loads();
  return ctx.store.agents
    .list()
    .filter(
      (a) =>
        // A disabled account's socket may still count as connected during the presence grace.
        !a.disabledAt &&
        rule.statuses.includes(a.status) &&
        ctx.presence.isAgentConnected(a.id) &&
        (loads.get(a.id) ?? 0) < a.maxConcurrent &&
        (!rule.groupId || a.groupId === rule.groupId) &&
        (!rule.agentId || a.id === rule.agentId) &&
        a.id !== rule.excludeAgentId,
    )
    .sort((a, b) => (loads.get(a.id) ?? 0) - (loads.get(b.id) ?? 0) || a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Whether anyone could take a new chat for this group/agent now or later from the queue. */
export function agentsAvailable(ctx: DomainContext, groupId: string | null, agentId: string | null): boolean {
  // 忙碌 agents count: they can still take a queued visitor by hand (接收对话).
  return ctx.store.agents
    .list()
    .some(
      (a) =>
        !a.disabledAt && a.status !== 'away' && ctx.presence.isAgentConnected(a.id) && (!groupId || a.groupId === groupId) && (!agentId || a.id === agentId),
    );
}

function assignTo(ctx: DomainContext, conversation: ConversationRow, agent: AgentRow): void {
  if (ctx.store.agents.loadOf(agent.id) >= agent.maxConcurrent) refuse('CAPACITY_REACHED', `${agent.nickname} is at 最大接线量 (${agent.maxConcurrent})`);
  ctx.store.conversations.update(conversation.id, {
    state: 'active',
    agentId: agent.id,
    assignedAt: ctx.clock(),
    queuedAt: null,
    queueOrder: null,
  });
  recordAssigned(ctx, agent.id, conversation.id);
}

function enqueue(ctx: DomainContext, conversationId: string, groupId: string | null): void {
  const now = ctx.clock();
  ctx.store.conversations.update(conversationId, {
    state: 'queued',
    agentId: null,
    groupId,
    queuedAt: now,
    queueOrder: ctx.store.conversations.nextQueueOrder(),
  });
}

/**
 * Takes an active conversation from its agent and puts it back in the queue, with a system message
 * saying why (the visitor and whoever takes it next read it); the agent's workstation drops it.
 * `forgetRequestedAgent`: a 指定客服 link naming this agent no longer holds it for them. Call inside
 * a transaction, then drainQueue to hand it on.
 */
export function requeueConversation(ctx: DomainContext, conversation: ConversationRow, why: string, options: { forgetRequestedAgent?: boolean } = {}): void {
  const agentId = conversation.agentId;
  ctx.store.conversations.update(conversation.id, {
    state: 'queued',
    agentId: null,
    queuedAt: ctx.clock(),
    queueOrder: ctx.store.conversations.nextQueueOrder(),
    ...(options.forgetRequestedAgent && conversation.requestedAgentId === agentId ? { requestedAgentId: null } : {}),
  });
  const message = appendSystemMessage(ctx, conversation.id, why);
  const old = agentId ? [audience.agent(agentId)] : [];
  if (agentId) ctx.store.events.append({ type: 'conversation.removed', conversationId: conversation.id, reason: 'transferred' }, old, ctx.clock());
  emitConversationUpdated(ctx, conversation.id);
  emitMessageCreated(ctx, message, old);
}

/** A new conversation: least-loaded online agent, else the queue. Call inside a transaction. */
export function routeNew(ctx: DomainContext, conversation: ConversationRow): void {
  const [agent] = eligibleAgents(ctx, { statuses: ['online'], groupId: conversation.groupId, agentId: conversation.requestedAgentId });
  if (agent) assignTo(ctx, conversation, agent);
  else enqueue(ctx, conversation.id, conversation.groupId);
  emitConversationUpdated(ctx, conversation.id);
}

/** Hands queued conversations, first come first, to online agents with free slots. */
export function drainQueue(ctx: DomainContext): number {
  return ctx.store.transaction(() => {
    let assigned = 0;
    for (const conversation of ctx.store.conversations.queued()) {
      const [agent] = eligibleAgents(ctx, { statuses: ['online'], groupId: conversation.groupId, agentId: conversation.requestedAgentId });
      if (!agent) continue;
      assignTo(ctx, conversation, agent);
      emitConversationUpdated(ctx, conversation.id);
      assigned++;
    }
    if (assigned > 0) ctx.signal();
    return assigned;
  });
}

/** 接收对话: a staff member takes a queued conversation by hand, within their cap. */
export function acceptConversation(ctx: DomainContext, principal: Principal, id: string): ConversationRow {
  const staff = requireStaff(principal);
  const row = ctx.store.transaction(() => {
    const conversation = ctx.store.conversations.byId(id);
    if (!conversation) return refuse('NOT_FOUND', 'No such conversation');
    // Staff may learn that someone else took it first; that is what the queue view shows anyway.
    if (conversation.state !== 'queued') refuse('INVALID_STATE', 'This conversation is no longer waiting in the queue');
    const agent = ctx.store.agents.byId(staff.agent.id)!;
    assignTo(ctx, conversation, agent);
    emitConversationUpdated(ctx, id);
    return ctx.store.conversations.byId(id)!;
  });
  ctx.signal();
  return row;
}

/** 转接 to an agent (even busy, never over their cap) or a group (least loaded there, else the queue). */
export function transferConversation(ctx: DomainContext, principal: Principal, id: string, body: TransferBody): ConversationRow {
  requireStaff(principal);
  const row = ctx.store.transaction(() => {
    const conversation = handledConversation(ctx, principal, id);
    if (conversation.state !== 'active') refuse('INVALID_STATE', 'Only an active conversation can be transferred');
    moveConversation(ctx, conversation, body);
    return ctx.store.conversations.byId(id)!;
  });
  ctx.signal();
  return row;
}

export interface MoveOptions {
  /** 强制接管: the target may be 离开 (a supervisor in the console), the text says who took it, the old agent hears why. */
  takeOver?: boolean;
}

/**
 * Inside a transaction: moves an open conversation to an agent or a group (the transfer rules),
 * writes the system message both sides read, and drops it from the old agent's workstation. The
 * agent's own 转接 and a supervisor's forced transfer or take-over (domain/supervision) share it.
 */
export function moveConversation(ctx: DomainContext, conversation: ConversationRow, body: TransferBody, options: MoveOptions = {}): void {
  const id = conversation.id;
  const from = conversation.agentId ? ctx.store.agents.byId(conversation.agentId) : undefined;
  let text: string;
  if ('toAgentId' in body) {
    const target = ctx.store.agents.byId(body.toAgentId);
    if (!target || target.disabledAt) return refuse('NOT_FOUND', 'No such agent');
    if (target.id === conversation.agentId) refuse('INVALID_STATE', 'The conversation is already with this agent');
    if (target.status === 'away' && !options.takeOver) refuse('INVALID_STATE', `${target.nickname} is away (离开) and cannot take conversations`);
    assignTo(ctx, conversation, target);
    text = options.takeOver ? `对话已由 ${target.nickname} 接管` : `对话已由 ${from?.nickname ?? '客服'} 转接给 ${target.nickname}`;
  } else {
    const group = ctx.store.groups.byId(body.toGroupId);
    if (!group) return refuse('NOT_FOUND', 'No such group');
    const [target] = eligibleAgents(ctx, { statuses: ['online', 'busy'], groupId: group.id, excludeAgentId: conversation.agentId });
    ctx.store.conversations.update(id, { groupId: group.id, requestedAgentId: null });
    if (target) {
      assignTo(ctx, conversation, target);
      text = `对话已由 ${from?.nickname ?? '客服'} 转接给 ${group.name} 的 ${target.nickname}`;
    } else {
      enqueue(ctx, id, group.id);
      text = `对话已转接到 ${group.name}，正在排队等待客服`;
    }
  }
  const message = appendSystemMessage(ctx, id, text);
  const oldAudience = from ? [audience.agent(from.id)] : [];
  const reason = options.takeOver ? 'taken-over' : 'transferred';
  if (from) ctx.store.events.append({ type: 'conversation.removed', conversationId: id, reason }, oldAudience, ctx.clock());
  emitConversationUpdated(ctx, id);
  emitMessageCreated(ctx, message, oldAudience);
}
