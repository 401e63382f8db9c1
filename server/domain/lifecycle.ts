/** Ending conversations (访客结束 / 客服关闭 / 系统关闭) and the summary (小结). */
import type { CloseBody, EndedBy } from '../../shared/index.js';
import type { ConversationRow, TopicRow } from '../store/types.js';
import type { DomainContext, Principal } from './context.js';
import { handledConversation, requireStaff, requireVisitor } from './access.js';
import { refuse } from './errors.js';
import { emitConversationUpdated, emitMessageCreated } from './events.js';
import { appendSystemMessage } from './messages-store.js';
import { drainQueue } from './routing.js';
import { askEvaluationAtEnd } from './evaluation.js';

const END_TEXT: Record<EndedBy, string> = {
  visitor: '访客已结束对话',
  agent: '客服已结束对话',
  system: '访客长时间未回复，系统已关闭对话',
};

/**
 * Inside a transaction: mark ended, record who ended it and whether it was valid (有效). `text`:
 * the system message, when the reason is not the usual one (the blacklist's).
 */
export function end(ctx: DomainContext, conversation: ConversationRow, endedBy: EndedBy, text = END_TEXT[endedBy]): void {
  const message = appendSystemMessage(ctx, conversation.id, text);
  ctx.store.conversations.update(conversation.id, {
    state: 'ended',
    endedBy,
    endedAt: ctx.clock(),
    valid: conversation.lastVisitorMessageAt !== null,
    queuedAt: null,
    queueOrder: null,
  });
  emitMessageCreated(ctx, message);
  // Not after a blacklisting (the one end with a text of its own): nobody asks that visitor anything.
  if (text === END_TEXT[endedBy]) askEvaluationAtEnd(ctx, conversation);
  emitConversationUpdated(ctx, conversation.id);
}

export function endByVisitor(ctx: DomainContext, principal: Principal): ConversationRow {
  const { visitor } = requireVisitor(principal);
  const row = ctx.store.transaction(() => {
    const open = ctx.store.conversations.openForVisitor(visitor.id);
    if (!open) return refuse('INVALID_STATE', 'You have no open conversation');
    end(ctx, open, 'visitor');
    return ctx.store.conversations.byId(open.id)!;
  });
  drainQueue(ctx);
  ctx.signal();
  return row;
}

/**
 * The summary's topic: required unless the company lets agents close without one
 * (summaryRequired off); one that is given must be a topic in use either way.
 */
function summaryTopic(ctx: DomainContext, topicId: string | undefined): TopicRow | null {
  if (topicId === undefined) {
    if (!ctx.settings().summaryRequired) return null;
    return refuse('SUMMARY_REQUIRED', 'Choose a topic (对话主题) to close: the company requires one', { topicId: 'required' });
  }
  const topic = ctx.store.topics.byId(topicId);
  if (!topic || !topic.enabled) refuse('SUMMARY_REQUIRED', 'Choose a topic (对话主题) from the list to close', { topicId: 'unknown or disabled topic' });
  return topic!;
}

/** 客服关闭: ends the conversation if still open and records the summary (its topic as the company requires). */
export function closeConversation(ctx: DomainContext, principal: Principal, id: string, body: CloseBody): ConversationRow {
  const staff = requireStaff(principal);
  const row = ctx.store.transaction(() => {
    const conversation = handledConversation(ctx, principal, id);
    if (conversation.state === 'queued') refuse('INVALID_STATE', 'Accept the conversation before closing it');
    if (conversation.summaryAt !== null) refuse('INVALID_STATE', 'This conversation already has its summary');
    const topic = summaryTopic(ctx, body.topicId);
    if (conversation.state !== 'ended') end(ctx, conversation, 'agent');
    ctx.store.conversations.update(id, {
      summaryTopicId: topic?.id ?? null,
      summaryTopicName: topic?.name ?? null,
      summaryNote: body.note.trim(),
      summaryAgentId: staff.agent.id,
      summaryAt: ctx.clock(),
    });
    emitConversationUpdated(ctx, id);
    return ctx.store.conversations.byId(id)!;
  });
  drainQueue(ctx);
  ctx.signal();
  return row;
}

/** 系统关闭: visitor silent for autoCloseMinutes after the agent's last message. Returns ids closed. */
export function autoCloseSilent(ctx: DomainContext): string[] {
  const cutoff = ctx.clock() - ctx.settings().autoCloseMinutes * 60_000;
  const closed = ctx.store.transaction(() => {
    const ids: string[] = [];
    for (const conversation of ctx.store.conversations.silentSince(cutoff)) {
      end(ctx, conversation, 'system');
      ids.push(conversation.id);
    }
    return ids;
  });
  if (closed.length > 0) {
    drainQueue(ctx);
    ctx.signal();
  }
  return closed;
}
