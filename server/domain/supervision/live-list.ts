/** 对话监控's list: the open conversations a supervisor may see, filtered, with their waiting times. */
import { SUPERVISION_LIMITS, type LiveConversation, type LiveListQuerySchema, type SupervisedConversation } from '../../../shared/index.js';
import type { z } from 'zod';
import type { DomainContext } from '../context.js';
import type { ConsoleActor } from '../admin/console-scope.js';
import { recordAudit } from '../admin/audit.js';
import { toMessage } from '../dto.js';
import { inSupervisorView, supervisedConversation } from './scope.js';
import { lastReplyClock, toLiveConversation, toWhisper, waitingSince } from './dto.js';

type Query = z.output<typeof LiveListQuerySchema>;

export function listLiveConversations(ctx: DomainContext, actor: ConsoleActor, query: Query): LiveConversation[] {
  const now = ctx.clock();
  const groups = new Map(ctx.store.agents.list().map((agent) => [agent.id, agent.groupId]));
  const rows = ctx.store.conversations
    .list({ states: ['queued', 'active'], limit: SUPERVISION_LIMITS.liveListMax })
    .filter((row) => inSupervisorView(actor, row, (agentId) => groups.get(agentId)))
    .filter((row) => query.groupId === undefined || row.groupId === query.groupId || (row.agentId !== null && groups.get(row.agentId) === query.groupId))
    .filter((row) => query.agentId === undefined || row.agentId === query.agentId)
    .filter((row) => {
      if (query.minWaitSeconds === undefined) return true;
      const since = waitingSince(row);
      return since !== null && now - since >= query.minWaitSeconds * 1000;
    })
    .filter((row) => query.noReplySeconds === undefined || (row.state === 'active' && now - lastReplyClock(row) >= query.noReplySeconds * 1000));
  const reviews = ctx.store.reviews.forConversations(rows.map((row) => row.id));
  return rows.map((row) => toLiveConversation(ctx, row, reviews.get(row.id)));
}

/**
 * One conversation opened read-only: the transcript and its whispers. Nothing reaches the visitor
 * (no receipt, no typing, no presence); the opening is written to the audit log.
 */
export function superviseConversation(ctx: DomainContext, actor: ConsoleActor & { nickname: string }, id: string): SupervisedConversation {
  return ctx.store.transaction(() => {
    const row = supervisedConversation(ctx, actor, id);
    recordAudit(ctx, actor, 'conversation.watch', { type: 'conversation', id }, null, { roomNo: row.roomNo });
    const messages = [];
    for (let after = 0; ;) {
      const page = ctx.store.messages.list(id, after, 500);
      messages.push(...page.map((message) => toMessage(ctx, message)));
      if (page.length < 500) break;
      after = page[page.length - 1]!.seq;
    }
    return {
      conversation: toLiveConversation(ctx, row, ctx.store.reviews.byConversation(id)),
      messages,
      whispers: ctx.store.whispers.forConversation(id).map(toWhisper),
    };
  });
}
