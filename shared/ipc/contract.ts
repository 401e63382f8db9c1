/**
 * The IPC contract between the renderer and the workstation services, defined once (rule).
 * Electron main registers a handler for every invoke channel from this map, validates the payload
 * with its schema, checks the sender, and answers a Result. The preload (Electron) and the browser
 * shell's page script both expose exactly this map as `window.kefu`. Channel names: domain:verb-noun.
 */
import { z } from 'zod';
import type { Result } from '../errors.js';
import {
  AgentSchema,
  AgentStatusSchema,
  GroupSchema,
  ConversationSchema,
  OfflineMessageSchema,
  QueueEntrySchema,
  TopicSchema,
  messageText,
  textField,
} from '../domain.js';
import { LIMITS } from '../limits.js';
import { FilePayloadSchema, Id, invoke, Void } from './invoke.js';
import { LocalConversationSchema, LocalMessageSchema, type LocalConversation, type LocalMessage } from './local.js';
import { SessionEndReasonSchema } from '../session.js';
import { CloseBodySchema, TransferBodySchema } from '../protocol/rest.js';
import { desktopEventChannels, desktopInvokeChannels } from './desktop.js';
import { phoneEventChannels, phoneInvokeChannels } from './phone.js';
import { phraseEventChannels, phraseInvokeChannels } from './phrases.js';
import { knowledgeInvokeChannels } from './knowledge.js';
import { recordInvokeChannels } from './records.js';
import { customerEventChannels, customerInvokeChannels } from './customers.js';
import { alertEventChannels, alertInvokeChannels } from './alerts.js';
import { serverAddressInvokeChannels } from './server-address.js';
import { updateEventChannels, updateInvokeChannels } from './updates.js';
import { logEventChannels, logInvokeChannels } from './logs.js';
import { noticeEventChannels, noticeInvokeChannels } from './notices.js';
import { passwordInvokeChannels } from './password.js';
import { whisperEventChannels, whisperInvokeChannels } from './whispers.js';
import { siteVisitorEventChannels, siteVisitorInvokeChannels } from './site-visitors.js';
import { blacklistInvokeChannels } from './blacklist.js';
import { companySettingsEventChannels, companySettingsInvokeChannels } from './company-settings.js';
import { avatarInvokeChannels } from './avatars.js';

/** Settings kept by the workstation itself (per installation). */
export const WorkstationSettingsSchema = z.object({
  /** The server in use: the agent's choice > the deployment's > built in (ipc/server-address.ts). */
  serverUrl: z.string().url(),
  language: z.enum(['zh-CN', 'en']),
  /** 信息发送快捷键设置 */
  sendKey: z.enum(['enter', 'ctrl-enter']),
  rememberPassword: z.boolean(),
  autoLogin: z.boolean(),
  autoStart: z.boolean(),
  /** Last account used, prefilled on the login form. */
  lastAccount: z.string(),
  /** Play a sound on a new conversation or message. */
  soundEnabled: z.boolean(),
});
export type WorkstationSettings = z.infer<typeof WorkstationSettingsSchema>;

export const ConnectionStateSchema = z.object({
  state: z.enum(['offline', 'connecting', 'syncing', 'online']),
  /**
   * While syncing: events applied so far and expected (已同步 N / M), and the conversations with
   * received events not yet applied (absent: none known).
   */
  progress: z.object({ done: z.number(), total: z.number(), behind: z.array(z.string()).optional() }).nullable(),
  /** Messages waiting in the outbox. */
  outbox: z.number().int(),
});
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

export const SessionSnapshotSchema = z.object({
  agent: AgentSchema.nullable(),
  settings: WorkstationSettingsSchema,
  /** True when a password is remembered (the password itself never reaches the renderer). */
  hasRememberedPassword: z.boolean(),
  /** Why the last session ended when the agent did not log out here (shown on the login page); null otherwise. */
  endReason: SessionEndReasonSchema.nullable(),
});
export type SessionSnapshot = z.infer<typeof SessionSnapshotSchema>;

const SendMessageRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ conversationId: Id, kind: z.literal('text'), text: messageText }),
  z.strictObject({ conversationId: Id, kind: z.enum(['image', 'file']), file: FilePayloadSchema }),
]);

// Existing importers read these from the contract; they live beside it to keep shared/ipc free of cycles.
export { FilePayloadSchema, type InvokeDef } from './invoke.js';
export { DeliverySchema, LocalConversationSchema, LocalMessageSchema, type Delivery, type LocalConversation, type LocalMessage } from './local.js';

const ConversationRef = z.strictObject({ conversationId: Id });

const chatInvokeChannels = {
  'session:get-snapshot': invoke<SessionSnapshot>()(Void),
  'session:login': invoke<z.infer<typeof AgentSchema>>()(
    z.strictObject({
      account: textField(LIMITS.nameMax),
      /** Omitted to log in with the remembered password. */
      password: z.string().min(1).max(LIMITS.passwordMax).optional(),
      rememberPassword: z.boolean(),
      autoLogin: z.boolean(),
      autoStart: z.boolean(),
    }),
  ),
  'session:logout': invoke<null>()(Void),
  /** serverUrl changes only through server:set-address (checked, logs out, keeps servers apart). */
  'settings:update': invoke<WorkstationSettings>()(WorkstationSettingsSchema.omit({ serverUrl: true }).partial().strict()),
  'agent:set-status': invoke<z.infer<typeof AgentSchema>>()(z.strictObject({ status: AgentStatusSchema })),
  'agents:list': invoke<z.infer<typeof AgentSchema>[]>()(Void),
  'topics:list': invoke<z.infer<typeof TopicSchema>[]>()(Void),
  /** Transfer targets by group (转接 to a group); mirrors REST listGroups. */
  'groups:list': invoke<z.infer<typeof GroupSchema>[]>()(Void),
  'connection:get-state': invoke<ConnectionState>()(Void),
  'conversations:list': invoke<LocalConversation[]>()(Void),
  'conversations:get-messages': invoke<LocalMessage[]>()(ConversationRef),
  'conversations:send-message': invoke<LocalMessage>()(SendMessageRequestSchema),
  'conversations:retry-message': invoke<LocalMessage>()(z.strictObject({ clientId: z.string().uuid() })),
  'conversations:mark-read': invoke<null>()(ConversationRef),
  'conversations:set-typing': invoke<null>()(z.strictObject({ conversationId: Id, typing: z.boolean() })),
  'conversations:accept': invoke<z.infer<typeof ConversationSchema>>()(ConversationRef),
  'conversations:transfer': invoke<z.infer<typeof ConversationSchema>>()(z.intersection(ConversationRef, TransferBodySchema)),
  'conversations:close': invoke<z.infer<typeof ConversationSchema>>()(ConversationRef.extend(CloseBodySchema.shape)),
  'conversations:push-evaluation': invoke<z.infer<typeof ConversationSchema>>()(ConversationRef),
  'conversations:visitor-history': invoke<z.infer<typeof ConversationSchema>[]>()(z.strictObject({ visitorId: Id })),
  'queue:list': invoke<z.infer<typeof QueueEntrySchema>[]>()(Void),
  'attachments:get': invoke<{ mime: string; dataBase64: string; name: string }>()(z.strictObject({ attachmentId: Id })),
  'offline-messages:list': invoke<z.infer<typeof OfflineMessageSchema>[]>()(Void),
  'offline-messages:reply': invoke<z.infer<typeof OfflineMessageSchema>>()(z.strictObject({ id: Id, text: textField(LIMITS.offlineTextMax) })),
} as const;

/** Every invoke channel, one map composed of one section per domain. */
export const invokeChannels = {
  ...chatInvokeChannels,
  ...phoneInvokeChannels,
  ...desktopInvokeChannels,
  ...phraseInvokeChannels,
  ...knowledgeInvokeChannels,
  ...recordInvokeChannels,
  ...alertInvokeChannels,
  ...customerInvokeChannels,
  ...logInvokeChannels,
  ...serverAddressInvokeChannels,
  ...updateInvokeChannels,
  ...noticeInvokeChannels,
  ...passwordInvokeChannels,
  ...blacklistInvokeChannels,
  ...companySettingsInvokeChannels,
  ...whisperInvokeChannels,
  ...siteVisitorInvokeChannels,
  ...avatarInvokeChannels,
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = (typeof invokeChannels)[C]['response'];

/** Events the services push to the renderer. */
const chatEventChannels = {
  'session:changed': SessionSnapshotSchema,
  'connection:changed': ConnectionStateSchema,
  'agent:updated': AgentSchema,
  'conversation:updated': LocalConversationSchema,
  'conversation:removed': z.object({ conversationId: z.string() }),
  /** A message was added or its delivery changed (sending → sent). */
  'message:upserted': LocalMessageSchema,
  /**
   * Many changes applied together (a catch-up batch, a backfill, a rebuild): the new state of each
   * conversation they touched, the conversations that left the agent's list, and the new messages.
   * One event instead of one per change, so the page updates once per batch.
   */
  'conversations:synced': z.object({
    conversations: z.array(LocalConversationSchema),
    removed: z.array(z.string()),
    messages: z.array(LocalMessageSchema),
  }),
  'queue:changed': z.array(QueueEntrySchema),
  /** The visitor's unsent text (实时查看). */
  'draft:changed': z.object({ conversationId: z.string(), text: z.string() }),
  'offline-message:updated': OfflineMessageSchema,
  /** Something the agent must not miss: a new conversation, a queued visitor, a new message. */
  'alert:raised': z.object({
    kind: z.enum(['conversation-assigned', 'visitor-queued', 'message-received']),
    conversationId: z.string(),
    title: z.string(),
    body: z.string(),
  }),
} as const;

/** Every event channel, one map composed of one section per domain. */
export const eventChannels = {
  ...chatEventChannels,
  ...phoneEventChannels,
  ...desktopEventChannels,
  ...phraseEventChannels,
  ...alertEventChannels,
  ...customerEventChannels,
  ...logEventChannels,
  ...updateEventChannels,
  ...noticeEventChannels,
  ...companySettingsEventChannels,
  ...whisperEventChannels,
  ...siteVisitorEventChannels,
} as const;

export type EventChannel = keyof typeof eventChannels;
export type EventPayload<C extends EventChannel> = z.infer<(typeof eventChannels)[C]>;

/** What `window.kefu` offers the renderer, in both shells. */
export interface KefuApi {
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<Result<InvokeResponse<C>>>;
  /** Returns a function that removes the listener. */
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
}

export const isInvokeChannel = (name: string): name is InvokeChannel => Object.hasOwn(invokeChannels, name);
export const isEventChannel = (name: string): name is EventChannel => Object.hasOwn(eventChannels, name);
