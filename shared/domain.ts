/**
 * Domain entities as the server returns them. One word per concept, the same in every layer:
 * agent, visitor, conversation, message, queue, topic, offline message.
 */
import { z } from 'zod';
import { IMAGE_MIME_TYPES, LIMITS } from './limits.js';
import { MessageStyleSchema } from './message-style.js';
import { stripInvisible } from './visible-text.js';
import { isUnsafeText, UNSAFE_TEXT_MESSAGE } from './text-safety.js';
import { BusinessHoursSchema, HolidaysSchema, MaxQueueLengthSchema, OffHoursNoticeSchema, TimeZoneSchema } from './business-hours.js';
import { EvaluationLabelsSchema, UploadMaxMbSchema } from './company-rules.js';

/** 管理员 (everything), 组长 (group leader: the members of their own group, in the console), 客服. */
export const RoleSchema = z.enum(['admin', 'leader', 'agent']);
export type Role = z.infer<typeof RoleSchema>;

/** 在线: auto-assigned; 忙碌: only transfers arrive; 离开: nothing is assigned. */
export const AgentStatusSchema = z.enum(['online', 'busy', 'away']);
export type AgentStatus = z.infer<typeof AgentStatusSchema>;

export const GroupSchema = z.object({ id: z.string(), name: z.string() });
export type Group = z.infer<typeof GroupSchema>;

export const AgentSchema = z.object({
  id: z.string(),
  account: z.string(),
  nickname: z.string(),
  role: RoleSchema,
  status: AgentStatusSchema,
  /**
   * 未响应: when the not-responding rule set this agent 离开 (an offered conversation went
   * unanswered); null or absent otherwise, and cleared by the agent's next status change.
   */
  notRespondingSince: z.number().nullable().optional(),
  /** True while the agent has a live realtime connection. */
  connected: z.boolean(),
  /** 最大接线量 */
  maxConcurrent: z.number().int(),
  groupId: z.string().nullable(),
  /** Active conversations right now. */
  load: z.number().int(),
  /** 头像: load it from avatarPath(avatarId) (shared/protocol/rest-avatars.ts); null or absent: none. */
  avatarId: z.string().nullable().optional(),
});
export type Agent = z.infer<typeof AgentSchema>;

export const ConversationStateSchema = z.enum(['queued', 'active', 'ended']);
export type ConversationState = z.infer<typeof ConversationStateSchema>;

/** 访客发起 / 系统转移 */
export const StartedBySchema = z.enum(['visitor', 'transfer']);
/** 访客结束 / 客服关闭 / 系统关闭 */
export const EndedBySchema = z.enum(['visitor', 'agent', 'system']);
export type EndedBy = z.infer<typeof EndedBySchema>;

export const SummarySchema = z.object({
  /** null: closed without a topic, which the company allows when 小结 is not required (summaryRequired off). */
  topicId: z.string().nullable(),
  topicName: z.string().nullable(),
  note: z.string(),
  agentId: z.string(),
  at: z.number(),
});
export type Summary = z.infer<typeof SummarySchema>;

export const EvaluationSchema = z.object({
  /** 1 (very dissatisfied) to 5 (very satisfied). */
  rating: z.number().int().min(1).max(5),
  comment: z.string(),
  at: z.number(),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

/** 标记待复核 (对话监控): a supervisor's note on a conversation, shown in the records. */
export const ReviewMarkSchema = z.object({
  note: z.string(),
  markedById: z.string(),
  markedByName: z.string(),
  markedAt: z.number(),
});
export type ReviewMark = z.infer<typeof ReviewMarkSchema>;

export const ConversationSchema = z.object({
  id: z.string(),
  /** "访客" + 6 digits, unique among open conversations. */
  roomNo: z.string(),
  visitorId: z.string(),
  visitorName: z.string(),
  visitorOnline: z.boolean(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  /** The agent's 头像 (avatarPath in shared/protocol/rest-avatars.ts); absent when they have none. */
  agentAvatarId: z.string().optional(),
  groupId: z.string().nullable(),
  state: ConversationStateSchema,
  startedBy: StartedBySchema,
  endedBy: EndedBySchema.nullable(),
  /** 有效 when the visitor sent at least one message; null while open. */
  valid: z.boolean().nullable(),
  createdAt: z.number(),
  assignedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  lastMessageAt: z.number().nullable(),
  /** Highest message seq in this conversation. */
  lastMessageSeq: z.number().int(),
  /** 1-based position while queued, else null. */
  queuePosition: z.number().int().nullable(),
  summary: SummarySchema.nullable(),
  evaluationPushed: z.boolean(),
  evaluation: EvaluationSchema.nullable(),
  /** 标记待复核: filled where a supervisor or the records read it (absent elsewhere). */
  review: ReviewMarkSchema.nullable().optional(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const AttachmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  mime: z.string(),
  /** Images are shown inline; everything else is served as a download. */
  isImage: z.boolean(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const MessageKindSchema = z.enum(['text', 'image', 'file', 'system']);
export type MessageKind = z.infer<typeof MessageKindSchema>;
export const SenderSchema = z.enum(['visitor', 'agent', 'system']);
export type Sender = z.infer<typeof SenderSchema>;

export const MessageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** 1, 2, 3… within the conversation, in the order the server stored them. */
  seq: z.number().int(),
  /** UUID v7 given by the sender; the server stores each client id once. */
  clientId: z.string(),
  sender: SenderSchema,
  senderId: z.string().nullable(),
  senderName: z.string(),
  kind: MessageKindSchema,
  text: z.string(),
  attachment: AttachmentSchema.nullable(),
  createdAt: z.number(),
  /** 字体设置 of an agent's text message; absent for the default font and for everyone else. */
  style: MessageStyleSchema.optional(),
});
export type Message = z.infer<typeof MessageSchema>;

export const TopicSchema = z.object({ id: z.string(), name: z.string(), enabled: z.boolean() });
export type Topic = z.infer<typeof TopicSchema>;

export const OfflineMessageStatusSchema = z.enum(['unreplied', 'replied']);
export const OfflineMessageSchema = z.object({
  id: z.string(),
  visitorId: z.string(),
  name: z.string(),
  contact: z.string(),
  text: z.string(),
  status: OfflineMessageStatusSchema,
  reply: z.string().nullable(),
  repliedBy: z.string().nullable(),
  createdAt: z.number(),
  repliedAt: z.number().nullable(),
});
export type OfflineMessage = z.infer<typeof OfflineMessageSchema>;

export const QueueEntrySchema = z.object({
  conversationId: z.string(),
  roomNo: z.string(),
  visitorName: z.string(),
  groupId: z.string().nullable(),
  position: z.number().int(),
  waitingSince: z.number(),
});
export type QueueEntry = z.infer<typeof QueueEntrySchema>;

export const VisitorSchema = z.object({ id: z.string(), name: z.string() });
export type Visitor = z.infer<typeof VisitorSchema>;

/** Company-wide settings an admin can change. */
export const ServerSettingsSchema = z.object({
  /** Minutes of visitor silence after the agent's last message before the system closes (系统关闭). */
  autoCloseMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Seconds a visitor may wait in the queue before the widget offers the leave-a-message form. */
  queueTimeoutSeconds: z
    .number()
    .int()
    .min(10)
    .max(24 * 3600),
  /**
   * A staff token with no activity (REST call, open realtime socket) for this many minutes is
   * expired; the workstation renews it with its refresh token without asking the agent.
   */
  sessionIdleMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60),
  /** A staff token expires this many hours after it was issued, however busy it is. */
  sessionMaxHours: z
    .number()
    .int()
    .min(1)
    .max(30 * 24),
  /** A login's refresh token (记住密码 / 自动登录 without typing) works for this many days after the password login. */
  refreshTokenDays: z.number().int().min(1).max(365),
  /** 工作时间 on: outside businessHours (and on holidays) visitors get the 留言 form, not a new chat. Off = always open. */
  businessHoursEnabled: z.boolean(),
  /** The weekly opening ranges (shared/business-hours.ts), in timeZone. */
  businessHours: BusinessHoursSchema,
  /** Dates (YYYY-MM-DD, in timeZone) closed all day. */
  holidays: HolidaysSchema,
  /** The company's IANA time zone: business hours and holidays are read in it. */
  timeZone: TimeZoneSchema,
  /** Shown on the widget's 留言 form outside business hours. */
  offHoursNotice: OffHoursNoticeSchema,
  /** Visitors waiting in the queue at most; one more is offered the 留言 form instead. 0 = no limit. */
  maxQueueLength: MaxQueueLengthSchema,
  /** Agents may put the visitor of a conversation they handle on the blacklist (加入黑名单); admins always may. */
  agentsMayBlacklist: z.boolean(),
  /** 小结: closing a conversation needs a topic (对话主题). Off: the agent may close without one. */
  summaryRequired: z.boolean(),
  /** 满意度评价: what the visitor reads for each level (shared/company-rules.ts); '' = the widget's own words. */
  evaluationLabels: EvaluationLabelsSchema,
  /** The visitor may add a comment to their rating. */
  evaluationCommentEnabled: z.boolean(),
  /** When a conversation an agent served ends, the visitor is asked to rate without the agent pushing it. */
  evaluationAutoAsk: z.boolean(),
  /** Visitors may send images and files at all. */
  visitorUploadsEnabled: z.boolean(),
  /** The largest file a visitor / an agent may send in a conversation, in MB (within LIMITS.fileBytesMax). */
  visitorUploadMaxMb: UploadMaxMbSchema,
  agentUploadMaxMb: UploadMaxMbSchema,
});
export type ServerSettings = z.infer<typeof ServerSettingsSchema>;

/**
 * Text a person types. Refuses NUL and lone surrogates itself (the server refuses them in every
 * field anyway): so the workstation and the widget turn such text away before it reaches an
 * outbox, instead of learning it from the server.
 */
export const textField = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !isUnsafeText(text), UNSAFE_TEXT_MESSAGE);
/**
 * A name a person will read (nickname, visitor or customer name, file, topic or category name):
 * a textField without invisible and bidi-control characters (shared/visible-text.ts), and still
 * not empty once they are gone.
 */
export const nameField = (max: number) =>
  textField(max)
    .transform((name) => stripInvisible(name).trim())
    .refine((name) => name.length > 0, 'must contain visible characters');
export const messageText = textField(LIMITS.messageTextMax);
export const ImageMimeSchema = z.enum(IMAGE_MIME_TYPES);
