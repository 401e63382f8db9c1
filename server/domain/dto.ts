/** Rows → the shapes of shared/domain.ts that clients receive. */
import type { Agent, Attachment, Conversation, Message, OfflineMessage, QueueEntry } from '../../shared/index.js';
import { MessageStyleSchema, type MessageStyle } from '../../shared/message-style.js';
import type { AgentRow, AttachmentRow, ConversationRow, MessageRow, OfflineMessageRow } from '../store/types.js';
import type { DomainContext } from './context.js';

export function toAgent(ctx: DomainContext, row: AgentRow, load?: number): Agent {
  return {
    id: row.id,
    account: row.account,
    nickname: row.nickname,
    role: row.role,
    status: row.status,
    notRespondingSince: row.notRespondingSince ?? null,
    connected: ctx.presence.isAgentConnected(row.id),
    maxConcurrent: row.maxConcurrent,
    groupId: row.groupId,
    load: load ?? ctx.store.agents.loadOf(row.id),
    avatarId: row.avatarId ?? null,
  };
}

export function listAgents(ctx: DomainContext): Agent[] {
  const loads = ctx.store.agents.loads();
  return ctx.store.agents.list().map((row) => toAgent(ctx, row, loads.get(row.id) ?? 0));
}

export function toConversation(ctx: DomainContext, row: ConversationRow): Conversation {
  const visitor = ctx.store.visitors.byId(row.visitorId);
  const agent = row.agentId ? ctx.store.agents.byId(row.agentId) : undefined;
  return {
    id: row.id,
    roomNo: row.roomNo,
    visitorId: row.visitorId,
    visitorName: visitor?.name ?? '访客',
    visitorOnline: ctx.presence.isVisitorOnline(row.visitorId),
    agentId: row.agentId,
    agentName: agent?.nickname ?? null,
    // Only when there is one: a conversation without stays as it always was on the wire.
    ...(agent?.avatarId ? { agentAvatarId: agent.avatarId } : {}),
    groupId: row.groupId,
    state: row.state,
    startedBy: row.startedBy,
    endedBy: row.endedBy,
    valid: row.valid,
    createdAt: row.createdAt,
    assignedAt: row.assignedAt,
    endedAt: row.endedAt,
    lastMessageAt: row.lastMessageAt,
    lastMessageSeq: row.lastMessageSeq,
    queuePosition: row.state === 'queued' ? ctx.store.conversations.queuePosition(row.id) : null,
    summary:
      // Closed without a topic when the company does not require one (summaryRequired off).
      row.summaryAt !== null
        ? {
            topicId: row.summaryTopicId,
            topicName: row.summaryTopicId === null ? null : (row.summaryTopicName ?? ''),
            note: row.summaryNote ?? '',
            agentId: row.summaryAgentId ?? '',
            at: row.summaryAt,
          }
        : null,
    evaluationPushed: row.evaluationPushed,
    evaluation:
      row.evaluationRating !== null && row.evaluationAt !== null
        ? { rating: row.evaluationRating, comment: row.evaluationComment ?? '', at: row.evaluationAt }
        : null,
  };
}

export function toAttachment(row: AttachmentRow): Attachment {
  return { id: row.id, name: row.name, size: row.size, mime: row.mime, isImage: row.isImage };
}

export function toMessage(ctx: DomainContext, row: MessageRow): Message {
  const attachment = row.attachmentId ? ctx.store.attachments.byId(row.attachmentId) : undefined;
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    clientId: row.clientId,
    sender: row.sender,
    senderId: row.senderId,
    senderName: row.senderName,
    kind: row.kind,
    text: row.text,
    attachment: attachment ? toAttachment(attachment) : null,
    createdAt: row.createdAt,
    ...storedStyle(row.style),
  };
}

/** The stored 字体设置, read back through its schema: a row that does not parse shows unstyled. */
function storedStyle(json: string | null | undefined): { style?: MessageStyle } {
  if (!json) return {};
  try {
    const parsed = MessageStyleSchema.safeParse(JSON.parse(json));
    return parsed.success ? { style: parsed.data } : {};
  } catch {
    return {};
  }
}

export function toOfflineMessage(row: OfflineMessageRow): OfflineMessage {
  return { ...row };
}

export function queueEntries(ctx: DomainContext, queued: ConversationRow[] = ctx.store.conversations.queued()): QueueEntry[] {
  return queued.map((row, i) => ({
    conversationId: row.id,
    roomNo: row.roomNo,
    visitorName: ctx.store.visitors.byId(row.visitorId)?.name ?? '访客',
    groupId: row.groupId,
    position: i + 1,
    waitingSince: row.queuedAt ?? row.createdAt,
  }));
}
