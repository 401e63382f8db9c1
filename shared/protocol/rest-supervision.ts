/**
 * 对话监控 (live conversation supervision, issue 14): admins and group leaders (组长, their own
 * group's conversations only) list the open conversations live, open one read-only, whisper to
 * its agent (悄悄话, staff only — never the visitor's), take it over (强制接管), move it (forced
 * transfer) and mark it for review (标记待复核). The agent reads and answers whispers in the
 * workstation through the two staff routes at the end.
 *
 * Whispers are not messages: they live in their own table with their own order, so the
 * conversation's message seq — the one the visitor's widget checks for gaps — never moves for one.
 */
import { z } from 'zod';
import { ConversationSchema, MessageSchema, ReviewMarkSchema, textField } from '../domain.js';
import { LIMITS } from '../limits.js';
import { queryInt } from '../query-number.js';
import { Id, IdParams } from './rest-common.js';
import type { RouteDef } from './rest.js';
import { ClientIdSchema, TransferBodySchema } from './rest-common.js';

export const SUPERVISION_LIMITS = {
  /** Characters of a review note (标记待复核). */
  reviewNoteMax: 500,
  /** Open conversations one live list returns at most. */
  liveListMax: 500,
  /** Seconds a waiting-time / no-reply filter may name (a day). */
  filterSecondsMax: 24 * 3600,
} as const;

/** 悄悄话: who wrote it — a supervisor to the agent, or the agent answering. */
export const WhisperFromSchema = z.enum(['supervisor', 'agent']);
export type WhisperFrom = z.infer<typeof WhisperFromSchema>;

export const WhisperSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** UUID given by the writer; stored once (a retry returns the same whisper). */
  clientId: z.string(),
  from: WhisperFromSchema,
  authorId: z.string(),
  authorName: z.string(),
  text: z.string(),
  createdAt: z.number(),
});
export type Whisper = z.infer<typeof WhisperSchema>;

/** One open conversation in the live list, with the times its filters and columns read. */
export const LiveConversationSchema = ConversationSchema.extend({
  /** Since when the visitor waits: in the queue, or for an answer to what they said last; null when not waiting. */
  waitingSince: z.number().nullable(),
  /** The agent's last message (null: none yet). */
  lastAgentMessageAt: z.number().nullable(),
  review: ReviewMarkSchema.nullable(),
});
export type LiveConversation = z.infer<typeof LiveConversationSchema>;

export const LiveListQuerySchema = z.strictObject({
  groupId: Id.optional(),
  agentId: Id.optional(),
  /** Only those whose visitor has waited at least this many seconds. */
  minWaitSeconds: queryInt(1, SUPERVISION_LIMITS.filterSecondsMax).optional(),
  /** Only active ones whose agent has not replied for at least this many seconds. */
  noReplySeconds: queryInt(1, SUPERVISION_LIMITS.filterSecondsMax).optional(),
});
export type LiveListQuery = z.input<typeof LiveListQuerySchema>;

/** One conversation opened read-only: the whole transcript with the whispers beside it. */
export const SupervisedConversationSchema = z.object({
  conversation: LiveConversationSchema,
  messages: z.array(MessageSchema),
  whispers: z.array(WhisperSchema),
});
export type SupervisedConversation = z.infer<typeof SupervisedConversationSchema>;

export const WhisperBodySchema = z.strictObject({ clientId: ClientIdSchema, text: textField(LIMITS.messageTextMax) });
export type WhisperBody = z.input<typeof WhisperBodySchema>;

export const ReviewBodySchema = z.strictObject({ note: textField(SUPERVISION_LIMITS.reviewNoteMax) });
export type ReviewBody = z.input<typeof ReviewBodySchema>;

const base = '/api/admin/supervision/conversations';

export const supervisionRoutes = {
  listLiveConversations: {
    method: 'GET',
    path: base,
    access: 'leader',
    summary: 'Queued and active conversations with waiting times, filtered (a group leader: their own group’s)',
    query: LiveListQuerySchema,
    response: z.array(LiveConversationSchema),
  },
  superviseConversation: {
    method: 'GET',
    path: `${base}/:id`,
    access: 'leader',
    summary: 'One conversation read-only: its transcript and whispers; the visitor is not told',
    params: IdParams,
    response: SupervisedConversationSchema,
  },
  whisperToAgent: {
    method: 'POST',
    path: `${base}/:id/whispers`,
    access: 'leader',
    summary: '悄悄话: a message to the conversation’s agent only, never shown to the visitor; idempotent on clientId',
    params: IdParams,
    body: WhisperBodySchema,
    response: WhisperSchema,
  },
  takeOverConversation: {
    method: 'POST',
    path: `${base}/:id/take-over`,
    access: 'leader',
    summary: '强制接管: the conversation moves to the caller; agent and visitor read a system message',
    params: IdParams,
    response: ConversationSchema,
  },
  forceTransferConversation: {
    method: 'POST',
    path: `${base}/:id/transfer`,
    access: 'leader',
    summary: 'Forced transfer of an open conversation to an agent or a group (a group leader: within their group)',
    params: IdParams,
    body: TransferBodySchema,
    response: ConversationSchema,
  },
  markForReview: {
    method: 'PUT',
    path: `${base}/:id/review`,
    access: 'leader',
    summary: '标记待复核 with a note (a later mark replaces the earlier one)',
    params: IdParams,
    body: ReviewBodySchema,
    response: LiveConversationSchema,
  },
  listWhispers: {
    method: 'GET',
    path: '/api/conversations/:id/whispers',
    access: 'staff',
    summary: 'The whispers of a conversation the caller handles, oldest first (staff only)',
    params: IdParams,
    response: z.array(WhisperSchema),
  },
  answerWhisper: {
    method: 'POST',
    path: '/api/conversations/:id/whispers',
    access: 'staff',
    summary: 'The agent answers a whisper: staff only, never shown to the visitor; idempotent on clientId',
    params: IdParams,
    body: WhisperBodySchema,
    response: WhisperSchema,
  },
} as const satisfies Record<string, RouteDef>;
