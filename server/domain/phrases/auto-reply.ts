/**
 * 自动应答: the greeting when a conversation is assigned and one reply per conversation while the
 * agent is 忙碌/离开 — per agent, with a company default. Sent through the normal message path
 * (appendMessage + durable event in one transaction), so seq order and "nothing lost" hold.
 */
import { AUTO_REPLY_CLIENT_PREFIX, fillPhraseVariables, uuidv7 } from '../../../shared/index.js';
import type { AutoReply, AutoReplyState, CompanyAutoReply } from '../../../shared/phrases.js';
import type { DomainContext } from '../context.js';
import { emitMessageCreatedIn } from '../events.js';
import { appendMessage } from '../messages-store.js';
import { recordAudit, type Actor } from '../admin/audit.js';
import { emitSettingsChanged } from '../settings-hint.js';

export function autoReplyState(ctx: DomainContext, agentId: string): AutoReplyState {
  const company = ctx.store.autoReplies.company();
  const mine = ctx.store.autoReplies.forAgent(agentId) ?? null;
  const { greetingEnabled, greeting, busyEnabled, busyReply } = company;
  return { mine, company, effective: mine ?? { greetingEnabled, greeting, busyEnabled, busyReply } };
}

export function setMyAutoReply(ctx: DomainContext, agentId: string, value: AutoReply | null): AutoReplyState {
  ctx.store.transaction(() => ctx.store.autoReplies.putForAgent(agentId, value, ctx.clock()));
  return autoReplyState(ctx, agentId);
}

/** An admin's change of the company default (自动应答 in 公司设置): audit-logged, and every workstation re-reads it. */
export function setCompanyAutoReply(ctx: DomainContext, value: CompanyAutoReply, actor?: Actor): CompanyAutoReply {
  ctx.store.transaction(() => {
    const before = ctx.store.autoReplies.company();
    ctx.store.autoReplies.putCompany(value, ctx.clock());
    const after = ctx.store.autoReplies.company();
    if (actor) recordAudit(ctx, actor, 'settings.update', { type: 'settings', id: 'auto-reply' }, { ...before }, { ...after });
    emitSettingsChanged(ctx, before, after);
  });
  return ctx.store.autoReplies.company();
}

/**
 * Sends the automatic message once (recorded in the same transaction as the message). Returns
 * whether a message went out. Automatic messages do not start the visitor-silence clock of
 * 系统关闭 nor count as the agent answering: the visitor is still waiting for a person.
 */
export function sendAutoReply(ctx: DomainContext, conversationId: string, kind: 'greeting' | 'busy'): boolean {
  return ctx.store.transaction(() => {
    const conversation = ctx.store.conversations.byId(conversationId);
    if (!conversation || conversation.state !== 'active' || !conversation.agentId) return false;
    const agent = ctx.store.agents.byId(conversation.agentId);
    if (!agent) return false;
    if (kind === 'busy' && agent.status === 'online') return false;
    const rule = autoReplyState(ctx, agent.id).effective;
    const template = kind === 'greeting' ? (rule.greetingEnabled ? rule.greeting : '') : rule.busyEnabled ? rule.busyReply : '';
    if (template.trim() === '') return false;
    if (!ctx.store.autoReplies.markSent(conversationId, kind, agent.id, ctx.clock())) return false;
    const visitor = ctx.store.visitors.byId(conversation.visitorId);
    const text = fillPhraseVariables(template, { visitor: visitor?.name ?? '', agent: agent.nickname });
    const row = appendMessage(
      ctx,
      {
        conversationId,
        clientId: `${AUTO_REPLY_CLIENT_PREFIX}${kind}-${uuidv7(ctx.clock())}`,
        sender: 'agent',
        senderId: agent.id,
        senderName: agent.nickname,
        kind: 'text',
        text,
        attachmentId: null,
      },
      conversation,
    );
    ctx.store.conversations.update(conversationId, {
      lastAgentMessageAt: conversation.lastAgentMessageAt,
      awaitingVisitor: conversation.awaitingVisitor,
    });
    emitMessageCreatedIn(ctx, conversation, row);
    return true;
  });
}
