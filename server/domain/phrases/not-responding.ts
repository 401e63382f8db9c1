/**
 * "Never miss a chat": a conversation assigned to an agent who sends nothing (automatic replies do
 * not count) within N seconds goes back to the queue, and the agent is set to 离开 marked 未响应
 * (notRespondingSince) so routing stops giving them more and the agent sees why. Off when the company setting is 0 (the default).
 */
import { setStatus } from '../accounts.js';
import type { DomainContext } from '../context.js';
import { drainQueue, requeueConversation } from '../routing.js';

/** Returns the ids of the conversations sent back to the queue. */
export function sweepNotResponding(ctx: DomainContext): string[] {
  const seconds = ctx.store.autoReplies.company().notRespondingSeconds;
  if (seconds <= 0) return [];
  const cutoff = ctx.clock() - seconds * 1000;
  const requeued: string[] = [];
  const agents = new Set<string>();
  for (const { conversationId, agentId } of ctx.store.autoReplies.unanswered(cutoff)) {
    const done = ctx.store.transaction(() => {
      const conversation = ctx.store.conversations.byId(conversationId);
      // Re-read inside the transaction: the agent may have answered or the chat moved meanwhile.
      if (!conversation || conversation.state !== 'active' || conversation.agentId !== agentId) return false;
      if (!ctx.store.autoReplies.unanswered(cutoff).some((u) => u.conversationId === conversationId)) return false;
      const agent = ctx.store.agents.byId(agentId);
      requeueConversation(ctx, conversation, `客服 ${agent?.nickname ?? ''} 未及时响应，对话已重新排队`);
      return true;
    });
    if (done) {
      requeued.push(conversationId);
      agents.add(agentId);
    }
  }
  // 离开 (shown as 未响应) first, so the queue is not handed straight back to the agent who did not answer.
  for (const agentId of agents) {
    const agent = ctx.store.agents.byId(agentId);
    if (agent && agent.notRespondingSince === null) setStatus(ctx, agentId, 'away', ctx.clock());
  }
  if (requeued.length > 0) {
    drainQueue(ctx);
    ctx.signal();
  }
  return requeued;
}
