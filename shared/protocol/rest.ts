/**
 * The REST API, defined once: every route's method, path, who may call it, and the zod schemas of
 * its params, query, body and response. The server registers routes and builds its OpenAPI
 * document from this table; clients (workstation services, widget) call through it typed.
 * Objects are strict: an unknown field is a validation error, never silently dropped.
 */
import { z } from 'zod';
import {
  AgentSchema,
  AgentStatusSchema,
  AttachmentSchema,
  ConversationSchema,
  GroupSchema,
  MessageSchema,
  OfflineMessageSchema,
  QueueEntrySchema,
  RoleSchema,
  ServerSettingsSchema,
  TopicSchema,
  messageText,
  nameField,
  textField,
} from '../domain.js';
import { LIMITS } from '../limits.js';
import { queryInt } from '../query-number.js';
import { MessageStyleSchema } from '../message-style.js';
import { PasswordSchema, withPasswordUnlikeAccount } from '../password-policy.js';
import { phoneRoutes } from './rest-phone.js';
import { phraseRoutes } from './rest-phrases.js';
import { knowledgeRoutes } from './rest-knowledge.js';
import { recordRoutes } from './rest-records.js';
import { customerRoutes } from './rest-customers.js';
import { loginGuardRoutes } from './rest-login-guard.js';
import { visitorRoutes } from './rest-visitor.js';
import { adminRoutes } from './rest-admin.js';
import { noticeRoutes } from './rest-notices.js';
import { monitorRoutes } from './rest-monitor.js';
import { blacklistRoutes } from './rest-blacklist.js';
import { widgetSettingsRoutes } from './rest-widget-settings.js';
import { tagCategoryRoutes } from './rest-tag-categories.js';
import { agentImportRoutes } from './rest-agent-import.js';
import { avatarRoutes } from './rest-avatars.js';
import { ClientIdSchema, Id, IdParams, Ok, TransferBodySchema, type TransferBody } from './rest-common.js';
import { supervisionRoutes } from './rest-supervision.js';
import { siteVisitorRoutes } from './rest-site-visitors.js';
import { reportRoutes } from './rest-reports.js';

/**
 * Who may call a route. 'staff' = anyone logged in to the workstation (agent, leader or admin);
 * 'leader' = the console's routes a group leader may use too (the domain limits them to their own
 * group); 'admin' = admins only.
 */
export type Access = 'public' | 'visitor' | 'staff' | 'leader' | 'admin';

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  access: Access;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
}

export { ClientIdSchema, TransferBodySchema, type TransferBody };

export const SendMessageBodySchema = z.discriminatedUnion('kind', [
  /** `style` (字体设置) is accepted from agents only; the server refuses it from a visitor. */
  z.strictObject({ clientId: ClientIdSchema, kind: z.literal('text'), text: messageText, style: MessageStyleSchema.optional() }),
  z.strictObject({ clientId: ClientIdSchema, kind: z.enum(['image', 'file']), attachmentId: Id }),
]);
export type SendMessageBody = z.infer<typeof SendMessageBodySchema>;

export const CloseBodySchema = z.strictObject({
  /** The 对话主题; may be left out only when the company does not require a topic (summaryRequired off). */
  topicId: Id.optional(),
  note: z.string().max(LIMITS.summaryNoteMax),
});
export type CloseBody = z.infer<typeof CloseBodySchema>;

export const LoginBodySchema = z.strictObject({
  account: textField(LIMITS.nameMax),
  password: z.string().min(1).max(LIMITS.passwordMax),
});
/**
 * A login's token pair: `token` (Bearer; expires when idle or old, see ServerSettings) and
 * `refreshToken`, traded once on POST /api/auth/refresh for a new pair until refreshExpiresAt.
 */
export const LoginResponseSchema = z.object({
  token: z.string(),
  refreshToken: z.string(),
  refreshExpiresAt: z.number(),
  agent: AgentSchema,
  /**
   * The password was set or reset in the console: this login may only change it (changeMyPassword),
   * read `me` and log out until then (everything else: 403 PASSWORD_CHANGE_REQUIRED).
   */
  mustChangePassword: z.boolean().optional(),
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;
/** 修改密码: the current password again (whoever holds the token may not be the agent), and a new one under the policy. */
export const ChangeMyPasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: PasswordSchema,
});
export const RefreshBodySchema = z.strictObject({ refreshToken: z.string().min(1).max(128) });

export const MessagesQuerySchema = z.strictObject({
  afterSeq: queryInt(0, Number.MAX_SAFE_INTEGER).prefault(0),
  limit: queryInt(1, LIMITS.messagePageMax).prefault(200),
});

export const ConversationsQuerySchema = z.strictObject({
  state: z.enum(['queued', 'active', 'ended', 'open']).optional(),
  visitorId: Id.optional(),
  limit: queryInt(1, 500).prefault(200),
});

export const UploadQuerySchema = z.strictObject({
  conversationId: Id,
  name: z.string().min(1).max(LIMITS.fileNameMax),
});

export const AttachmentQuerySchema = z.strictObject({ token: z.string().max(128).optional() });

/** The password policy applies here; the account-name rule too, since both are in the body. */
export const NewAgentBodySchema = withPasswordUnlikeAccount(
  z.strictObject({
    account: textField(LIMITS.nameMax).regex(/^[A-Za-z0-9_.@-]+$/, 'letters, digits, _ . @ - only'),
    password: PasswordSchema,
    nickname: nameField(LIMITS.nameMax),
    role: RoleSchema.default('agent'),
    maxConcurrent: z.number().int().min(1).max(LIMITS.maxConcurrentCeiling).default(5),
    groupId: Id.nullable().default(null),
  }),
);
export const UpdateAgentBodySchema = z.strictObject({
  nickname: nameField(LIMITS.nameMax).optional(),
  maxConcurrent: z.number().int().min(1).max(LIMITS.maxConcurrentCeiling).optional(),
  groupId: Id.nullable().optional(),
  /** The password policy; the account-name rule is checked by the server, which knows the account. */
  password: PasswordSchema.optional(),
  /** Admins only; the last enabled admin keeps the role. */
  role: RoleSchema.optional(),
});

const chatRoutes = {
  // — accounts —
  login: { method: 'POST', path: '/api/auth/login', access: 'public', summary: 'Agent or admin login', body: LoginBodySchema, response: LoginResponseSchema },
  refreshSession: {
    method: 'POST',
    path: '/api/auth/refresh',
    access: 'public',
    summary: 'Trade the refresh token for a new token pair (both rotate; a refresh token used twice ends its login)',
    body: RefreshBodySchema,
    response: LoginResponseSchema,
  },
  logout: {
    method: 'POST',
    path: '/api/auth/logout',
    access: 'staff',
    summary: 'End this login (its token and refresh token); its realtime sockets close',
    response: Ok,
  },
  me: { method: 'GET', path: '/api/me', access: 'staff', summary: 'The logged-in agent', response: AgentSchema },
  setStatus: {
    method: 'PUT',
    path: '/api/me/status',
    access: 'staff',
    summary: 'Switch 在线/忙碌/离开',
    body: z.strictObject({ status: AgentStatusSchema }),
    response: AgentSchema,
  },
  changeMyPassword: {
    method: 'PUT',
    path: '/api/me/password',
    access: 'staff',
    summary: "Change one's own password (修改密码); clears 下次登录须修改密码 and ends the agent's other logins",
    body: ChangeMyPasswordBodySchema,
    response: AgentSchema,
  },
  listAgents: {
    method: 'GET',
    path: '/api/agents',
    access: 'staff',
    summary: 'Agents with status and load (transfer targets)',
    response: z.array(AgentSchema),
  },
  listGroups: { method: 'GET', path: '/api/groups', access: 'staff', summary: 'Agent groups', response: z.array(GroupSchema) },
  listTopics: { method: 'GET', path: '/api/topics', access: 'staff', summary: 'Summary topics (对话主题)', response: z.array(TopicSchema) },
  createTopic: {
    method: 'POST',
    path: '/api/admin/topics',
    access: 'admin',
    summary: 'Add a summary topic',
    body: z.strictObject({ name: nameField(LIMITS.nameMax) }),
    response: TopicSchema,
  },
  updateTopic: {
    method: 'PATCH',
    path: '/api/admin/topics/:id',
    access: 'admin',
    summary: 'Rename or disable a topic',
    params: IdParams,
    body: z.strictObject({ name: nameField(LIMITS.nameMax).optional(), enabled: z.boolean().optional() }),
    response: TopicSchema,
  },
  createAgent: {
    method: 'POST',
    path: '/api/admin/agents',
    access: 'leader',
    summary: 'Create an agent, leader or admin (a group leader: agents of their own group only)',
    body: NewAgentBodySchema,
    response: AgentSchema,
  },
  updateAgent: {
    method: 'PATCH',
    path: '/api/admin/agents/:id',
    access: 'leader',
    summary: 'Change nickname, 最大接线量, group, password, role (a group leader: agents of their own group, not their group or role)',
    params: IdParams,
    body: UpdateAgentBodySchema,
    response: AgentSchema,
  },
  getSettings: { method: 'GET', path: '/api/settings', access: 'staff', summary: 'Company settings', response: ServerSettingsSchema },
  updateSettings: {
    method: 'PATCH',
    path: '/api/admin/settings',
    access: 'admin',
    summary: 'Change company settings',
    body: ServerSettingsSchema.partial().strict(),
    response: ServerSettingsSchema,
  },

  // — conversations (staff) —
  listConversations: {
    method: 'GET',
    path: '/api/conversations',
    access: 'staff',
    summary: 'Own conversations and the queue (admins: all)',
    query: ConversationsQuerySchema,
    response: z.array(ConversationSchema),
  },
  getConversation: {
    method: 'GET',
    path: '/api/conversations/:id',
    access: 'staff',
    summary: 'One conversation',
    params: IdParams,
    response: ConversationSchema,
  },
  listQueue: { method: 'GET', path: '/api/queue', access: 'staff', summary: 'Visitors waiting (访客队列)', response: z.array(QueueEntrySchema) },
  acceptConversation: {
    method: 'POST',
    path: '/api/conversations/:id/accept',
    access: 'staff',
    summary: 'Take a queued conversation by hand (接收对话)',
    params: IdParams,
    response: ConversationSchema,
  },
  transferConversation: {
    method: 'POST',
    path: '/api/conversations/:id/transfer',
    access: 'staff',
    summary: 'Transfer to an agent or group (转接)',
    params: IdParams,
    body: TransferBodySchema,
    response: ConversationSchema,
  },
  closeConversation: {
    method: 'POST',
    path: '/api/conversations/:id/close',
    access: 'staff',
    summary: 'End (if open) and record the summary (小结)',
    params: IdParams,
    body: CloseBodySchema,
    response: ConversationSchema,
  },
  pushEvaluation: {
    method: 'POST',
    path: '/api/conversations/:id/push-evaluation',
    access: 'staff',
    summary: 'Ask the visitor to rate (推送评价), once',
    params: IdParams,
    response: ConversationSchema,
  },
  visitorHistory: {
    method: 'GET',
    path: '/api/visitors/:id/conversations',
    access: 'staff',
    summary: "This visitor's earlier conversations (历史对话)",
    params: IdParams,
    response: z.array(ConversationSchema),
  },
  listOfflineMessages: {
    method: 'GET',
    path: '/api/offline-messages',
    access: 'staff',
    summary: 'Offline messages (留言)',
    query: z.strictObject({ status: z.enum(['unreplied', 'replied']).optional() }),
    response: z.array(OfflineMessageSchema),
  },
  getOfflineMessage: {
    method: 'GET',
    path: '/api/offline-messages/:id',
    access: 'staff',
    summary: 'One offline message',
    params: IdParams,
    response: OfflineMessageSchema,
  },
  replyOfflineMessage: {
    method: 'POST',
    path: '/api/offline-messages/:id/reply',
    access: 'staff',
    summary: 'Reply to an offline message',
    params: IdParams,
    body: z.strictObject({ text: textField(LIMITS.offlineTextMax) }),
    response: OfflineMessageSchema,
  },

  // — messages and files (staff or the conversation's visitor) —
  listMessages: {
    method: 'GET',
    path: '/api/conversations/:id/messages',
    access: 'visitor',
    summary: 'Messages after a seq',
    params: IdParams,
    query: MessagesQuerySchema,
    response: z.array(MessageSchema),
  },
  sendMessage: {
    method: 'POST',
    path: '/api/conversations/:id/messages',
    access: 'visitor',
    summary: 'Send a message; idempotent on clientId',
    params: IdParams,
    body: SendMessageBodySchema,
    response: MessageSchema,
  },
  upload: {
    method: 'POST',
    path: '/api/uploads',
    access: 'visitor',
    summary: 'Upload an image or file (raw body); type checked by its bytes',
    query: UploadQuerySchema,
    response: AttachmentSchema,
  },
  getAttachment: {
    method: 'GET',
    path: '/api/attachments/:id',
    access: 'visitor',
    summary: 'Download an attachment (token may be a query parameter for <img>)',
    params: IdParams,
    query: AttachmentQuerySchema,
    response: z.unknown(),
  },
} as const satisfies Record<string, RouteDef>;

/** Every route of the API, one table composed of one section per domain. */
export const routes = {
  ...chatRoutes,
  ...visitorRoutes,
  ...phoneRoutes,
  ...phraseRoutes,
  ...knowledgeRoutes,
  ...recordRoutes,
  ...customerRoutes,
  ...loginGuardRoutes,
  ...adminRoutes,
  ...noticeRoutes,
  ...monitorRoutes,
  ...blacklistRoutes,
  ...widgetSettingsRoutes,
  ...tagCategoryRoutes,
  ...agentImportRoutes,
  ...avatarRoutes,
  ...supervisionRoutes,
  ...siteVisitorRoutes,
  ...reportRoutes,
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
type InferIn<T> = T extends z.ZodType ? z.input<T> : undefined;
export type RouteParams<N extends RouteName> = Routes[N] extends { params: infer P } ? Infer<P> : undefined;
export type RouteQuery<N extends RouteName> = Routes[N] extends { query: infer Q } ? InferIn<Q> : undefined;
export type RouteBody<N extends RouteName> = Routes[N] extends { body: infer B } ? InferIn<B> : undefined;
export type RouteResponse<N extends RouteName> = Infer<Routes[N]['response']>;

/** Fill ":id" style placeholders in a route path. */
export function routePath(path: string, params?: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = params?.[key];
    if (value === undefined) throw new Error(`missing path parameter ${key}`);
    return encodeURIComponent(value);
  });
}

/** The JSON body of every error response. */
export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.string()).optional() }),
});
