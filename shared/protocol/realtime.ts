/**
 * Realtime frames over one WebSocket at /api/realtime, for agents and visitors alike.
 *
 * Durable events (messages, conversation changes, offline messages) are written to the server's
 * event log before they are broadcast and carry a global, increasing `seq`. A client remembers the
 * last seq it applied and sends it in `hello`; the server replays every event after it that the
 * client may see, then says `replay.done`. Ephemeral frames (drafts, typing, queue snapshots,
 * presence) carry no seq: they are current state, re-sent on connect, never replayed.
 */
import { z } from 'zod';
import { AgentSchema, ConversationSchema, MessageSchema, OfflineMessageSchema, QueueEntrySchema } from '../domain.js';
import { LIMITS } from '../limits.js';
import { SendMessageBodySchema } from './rest.js';
import { refuseUnsafeText } from '../text-safety.js';
import { SessionEndReasonSchema } from '../session.js';
import { BusinessHoursStateSchema } from '../business-hours.js';
import { WidgetConfigSchema } from '../widget-settings.js';
import { VisitorRulesSchema } from '../company-rules.js';
import { NoticeSchema } from './rest-notices.js';
import { PhoneStatusSchema, WallboardSchema } from './rest-monitor.js';
import { WhisperSchema } from './rest-supervision.js';
import { InvitationSchema, SiteVisitorSchema } from './rest-site-visitors.js';

export const REALTIME_PATH = '/api/realtime';

// — client → server —
export const ClientFrameSchema = z
  .discriminatedUnion('type', [
    /** Must be the first frame. */
    z.strictObject({
      type: z.literal('hello'),
      token: z.string().min(1).max(128),
      lastSeq: z.number().int().min(0),
      /**
       * 对话监控 (the console's live view, admins and group leaders only): no replay (the console
       * reads the list over REST once ready), the caller does not count as connected for routing,
       * and a leader reads their group members' conversation events too.
       */
      supervise: z.literal(true).optional(),
    }),
    /**
     * Instead of hello, as the first frame: the widget's hidden trail frame on a page of the host
     * site (访客监控). A visitor token; the socket stays open while the page is shown and carries
     * `invitation` frames — no events, no replay, not a chat connection.
     */
    z.strictObject({ type: z.literal('browse.hello'), token: z.string().min(1).max(128), pageViewId: z.string().min(1).max(64) }),
    /** Staff: start or stop receiving the 访客监控 deltas (`site-visitor`, `site-visitor.left`). Off on every new connection. */
    z.strictObject({ type: z.literal('site-visitors.watch'), watch: z.boolean() }),
    /** Instead of hello, as the first frame: a 实时监控 wallboard socket (admins and group leaders) — wallboard frames only, no events, no presence. */
    z.strictObject({ type: z.literal('monitor.hello'), token: z.string().min(1).max(128) }),
    /** Send a message; answered by `ack` or `nack` with the same clientId. */
    z.strictObject({
      type: z.literal('message.send'),
      conversationId: z.string().min(1).max(64),
      message: SendMessageBodySchema,
    }),
    /** The visitor's unsent text, for 实时查看 (throttled by the sender). */
    z.strictObject({ type: z.literal('draft'), conversationId: z.string().min(1).max(64), text: z.string().max(LIMITS.draftMax) }),
    /** The agent is typing (shown to the visitor). */
    z.strictObject({ type: z.literal('typing'), conversationId: z.string().min(1).max(64), typing: z.boolean() }),
    /**
     * The agent's workstation: its phone status (话务状态) now — after every welcome and whenever it
     * changes. It lives with this connection (gone when the agent's connection is) and feeds the
     * wallboard's calls in progress. Reports closer together than a few a second are coalesced, the newest kept.
     */
    z.strictObject({ type: z.literal('phone.status'), status: PhoneStatusSchema }),
    z.strictObject({ type: z.literal('ping') }),
  ])
  // NUL and lone surrogates are refused in every string of every frame, present and future (shared/text-safety.ts).
  .superRefine(refuseUnsafeText);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

// — durable events —
export const DurableEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message.created'), message: MessageSchema }),
  /** A conversation appeared for this client or changed (assigned, transferred in, ended, summarised, evaluated). */
  z.object({ type: z.literal('conversation.updated'), conversation: ConversationSchema }),
  /** A conversation left this agent (transferred away, or taken over by a supervisor: 强制接管). */
  z.object({ type: z.literal('conversation.removed'), conversationId: z.string(), reason: z.enum(['transferred', 'taken-over']) }),
  /** 悄悄话: staff only (the conversation's agent, the supervisors); never in a visitor's stream. */
  z.object({ type: z.literal('whisper.created'), whisper: WhisperSchema }),
  z.object({ type: z.literal('offline-message.updated'), offlineMessage: OfflineMessageSchema }),
  /** The agent pushed the satisfaction form to the visitor. */
  z.object({ type: z.literal('evaluation.requested'), conversationId: z.string() }),
  /**
   * Canned phrases, links or files changed on the server: a hint to re-sync them (the lists are
   * small). ownerId null = public ones (every staff member); else that agent's personal ones.
   */
  z.object({ type: z.literal('phrases.changed'), ownerId: z.string().nullable() }),
  /** An admin sent a notice (通知); to its recipients only (everyone, or the group's members when sent). */
  z.object({ type: z.literal('notice.sent'), notice: NoticeSchema }),
  /**
   * 公司设置 or the company auto-reply (自动应答) changed: a hint to staff to re-read them. In the log,
   * so a workstation that was offline hears of it on replay.
   */
  z.object({ type: z.literal('settings.changed') }),
  /** 名片分类 changed (an admin added, changed or deleted a tag category): a hint to staff to re-read them; replayed like the others. */
  z.object({ type: z.literal('tag-categories.changed') }),
]);
export type DurableEvent = z.infer<typeof DurableEventSchema>;

// — server → client —
export const ServerFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), role: z.enum(['admin', 'leader', 'agent', 'visitor']), headSeq: z.number().int() }),
  z.object({ type: z.literal('event'), seq: z.number().int(), event: DurableEventSchema }),
  /** Catch-up progress after hello: `done` of `total` events replayed. */
  z.object({ type: z.literal('replay.progress'), done: z.number().int(), total: z.number().int() }),
  z.object({ type: z.literal('replay.done'), headSeq: z.number().int() }),
  /**
   * The hello's lastSeq is beyond the head of the log (a cache restored from a backup, a server
   * restored from an older one, another server): replaying cannot bring this client up to date.
   * The server closes the connection; the client rebuilds what it shows from the REST routes, sets
   * its lastSeq to `headSeq` and says hello again. Its unsent messages stay in its outbox.
   */
  z.object({ type: z.literal('resync'), headSeq: z.number().int() }),
  z.object({ type: z.literal('ack'), clientId: z.string(), message: MessageSchema }),
  z.object({ type: z.literal('nack'), clientId: z.string(), error: z.object({ code: z.string(), message: z.string() }) }),
  z.object({ type: z.literal('draft'), conversationId: z.string(), text: z.string() }),
  z.object({ type: z.literal('typing'), conversationId: z.string(), typing: z.boolean() }),
  z.object({ type: z.literal('queue'), entries: z.array(QueueEntrySchema) }),
  z.object({ type: z.literal('presence'), conversationId: z.string(), visitorOnline: z.boolean() }),
  /**
   * To visitors: 工作时间 now (open or not, the notice, the next change). Sent on connect, when an
   * admin changes the settings, and when the hours change by themselves (the next change time).
   */
  z.object({ type: z.literal('business-hours'), hours: BusinessHoursStateSchema }),
  /** To visitors: the widget's appearance, menu and 访客注册 (shared/widget-settings.ts). Sent on connect and when an admin saves them. */
  z.object({ type: z.literal('widget-config'), config: WidgetConfigSchema }),
  /**
   * To visitors: the company rules their widget follows (文件: uploads on, size limit; 评价: the
   * levels' words, a comment or not; shared/company-rules.ts), never a staff setting. Sent on
   * connect and when an admin changes the settings.
   */
  z.object({ type: z.literal('visitor-rules'), rules: VisitorRulesSchema }),
  z.object({ type: z.literal('agent'), agent: AgentSchema }),
  /** 顾客信息 / 轨迹 of this visitor changed (page view, tags, contact): re-read the profile. To staff who serve them. */
  z.object({ type: z.literal('customer.changed'), visitorId: z.string() }),
  /**
   * A frame was refused; the connection stays open unless the code is UNAUTHENTICATED. With a
   * `reason`, the session has ended (logout, password change, expiry, disabling, revocation): the
   * server closes with code 4401 and the reason as the close text.
   */
  z.object({ type: z.literal('error'), error: z.object({ code: z.string(), message: z.string(), reason: SessionEndReasonSchema.optional() }) }),
  z.object({ type: z.literal('pong') }),
  /** To staff watching 访客监控: a visitor arrived on the site or changed (page, chat, invitation). */
  z.object({ type: z.literal('site-visitor'), visitor: SiteVisitorSchema }),
  /** To staff watching 访客监控: the visitor left the site. */
  z.object({ type: z.literal('site-visitor.left'), visitorId: z.string() }),
  /**
   * To the visitor's browse socket: an invitation to show (state pending) or that was answered or
   * lapsed elsewhere (another tab) — then the widget takes it down. To the inviting agent's sockets:
   * its answer.
   */
  z.object({ type: z.literal('invitation'), invitation: InvitationSchema }),
  /** To a 实时监控 socket (monitor.hello): one board — a group's, or the company total (groupId null) — on connect and whenever it changes. */
  z.object({ type: z.literal('wallboard'), board: WallboardSchema }),
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;
