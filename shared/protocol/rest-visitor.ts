/** REST routes of the visitor widget: its identity, starting and ending a chat, rating it, 留言. */
import { z } from 'zod';
import { ConversationSchema, EvaluationSchema, OfflineMessageSchema, ServerSettingsSchema, VisitorSchema, nameField, textField } from '../domain.js';
import { LIMITS } from '../limits.js';
import { Id } from './rest-common.js';
import { BusinessHoursStateSchema } from '../business-hours.js';
import { VisitorRulesSchema } from '../company-rules.js';
import type { RouteDef } from './rest.js';

export const VisitorSessionBodySchema = z.strictObject({
  /** The token the widget kept from an earlier visit; keeps the same identity. */
  token: z.string().max(128).optional(),
  name: nameField(LIMITS.nameMax).optional(),
  /** A widget link may name a group or an agent (指定客服). */
  groupId: Id.optional(),
  agentId: Id.optional(),
});
/** The visitor rules (later changes arrive as `visitor-rules` frames) and how long the queue may take. */
export const VisitorSessionSettingsSchema = VisitorRulesSchema.extend({ queueTimeoutSeconds: ServerSettingsSchema.shape.queueTimeoutSeconds });
export type VisitorSessionSettings = z.infer<typeof VisitorSessionSettingsSchema>;

export const VisitorSessionResponseSchema = z.object({
  token: z.string(),
  visitor: VisitorSchema,
  /** The visitor's open conversation, if any. */
  conversation: ConversationSchema.nullable(),
  /** Whether any agent can take a chat now; if not, the widget shows the 留言 form. */
  agentsAvailable: z.boolean(),
  /** Offline messages of this visitor with their replies. */
  offlineMessages: z.array(OfflineMessageSchema),
  /** What the widget needs of the company settings, and nothing of the staff's (session lengths, …). */
  settings: VisitorSessionSettingsSchema,
  /**
   * 工作时间 now: closed → the widget shows 留言 with the notice. The server decides (its clock,
   * the company's zone); later changes arrive as `business-hours` realtime frames.
   */
  businessHours: BusinessHoursStateSchema,
});
export type VisitorSessionResponse = z.infer<typeof VisitorSessionResponseSchema>;

export const StartConversationResponseSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('started'), conversation: ConversationSchema }),
  z.object({ outcome: z.literal('offline') }),
]);

export const OfflineMessageBodySchema = z.strictObject({
  name: nameField(LIMITS.nameMax),
  contact: textField(LIMITS.contactMax),
  text: textField(LIMITS.offlineTextMax),
});

export const EvaluationBodySchema = z.strictObject({
  rating: EvaluationSchema.shape.rating,
  comment: z.string().max(LIMITS.evaluationCommentMax).default(''),
});

export const visitorRoutes = {
  visitorSession: {
    method: 'POST',
    path: '/api/visitor/session',
    access: 'public',
    summary: 'Open or resume a visitor identity',
    body: VisitorSessionBodySchema,
    response: VisitorSessionResponseSchema,
  },
  visitorStart: {
    method: 'POST',
    path: '/api/visitor/conversation',
    access: 'visitor',
    summary: 'Start a chat (or learn that nobody is online)',
    response: StartConversationResponseSchema,
  },
  visitorEnd: {
    method: 'POST',
    path: '/api/visitor/conversation/end',
    access: 'visitor',
    summary: 'Visitor ends the chat (访客结束)',
    response: ConversationSchema,
  },
  visitorEvaluate: {
    method: 'POST',
    path: '/api/visitor/evaluation',
    access: 'visitor',
    summary: 'Rate the conversation once it was pushed',
    body: EvaluationBodySchema,
    response: ConversationSchema,
  },
  visitorLeaveMessage: {
    method: 'POST',
    path: '/api/visitor/offline-messages',
    access: 'visitor',
    summary: 'Leave a message (留言)',
    body: OfflineMessageBodySchema,
    response: OfflineMessageSchema,
  },
} as const satisfies Record<string, RouteDef>;
