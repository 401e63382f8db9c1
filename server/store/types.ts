/**
 * Repository interfaces: everything the domain services need from storage, and nothing about
 * SQL. One implementation (./sql) runs on SQLite and on PostgreSQL (routes and realtime only
 * ever see domain services).
 *
 * The interfaces are synchronous because every check-and-assign (routing caps, idempotent
 * sends) must run inside one transaction with nothing interleaved; `Store.transaction` gives that
 * unit of work, on PostgreSQL with pg-native's synchronous calls and one write lock per
 * transaction (docs/ARCHITECTURE.md, "Stores").
 */
import type { CustomerTrailRepositories } from './customer-types.js';
import type { AgentStatus, ConversationState, DurableEvent, EndedBy, MessageKind, Role, Sender, ServerSettings, SessionEndReason } from '../../shared/index.js';
import type { PhoneRepositories } from './phone-types.js';
import type { PhraseRepositories } from './phrase-types.js';
import type { KnowledgeRepositories } from './knowledge-types.js';
import type { RecordRepositories } from './records-types.js';
import type { LoginGuardRepositories } from './login-guard-types.js';
import type { AuditRepositories } from './audit-types.js';
import type { NoticeRepositories } from './notice-types.js';
import type { BlacklistRepositories } from './blacklist-types.js';
import type { TagCategoryRepositories } from './tag-category-types.js';
import type { ActivityRepositories } from './activity-types.js';
import type { PresenceRepositories } from './presence-types.js';
import type { SupervisionRepositories } from './supervision-types.js';
import type { SiteVisitorRepositories } from './site-visitor-types.js';
import type { WidgetSettingsRepositories } from './widget-settings-types.js';
import type { ReportRepositories } from './report-types.js';

export interface AgentRow {
  id: string;
  account: string;
  nickname: string;
  role: Role;
  passwordHash: string;
  status: AgentStatus;
  /** Set away by the not-responding rule (未响应) at this time; null otherwise. */
  notRespondingSince: number | null;
  maxConcurrent: number;
  groupId: string | null;
  createdAt: number;
  /** Disabled by an admin at this time (no login, no routing); null while enabled. Absent = null. */
  disabledAt?: number | null;
  /** Set by a console create or password reset: the agent must choose a password before anything else (migration 015). Absent = false. */
  mustChangePassword?: boolean;
  /** 头像: the id its picture's bytes are stored under (attachmentBytes); null or absent: none (migration 016). */
  avatarId?: string | null;
}

export interface AgentRepository {
  byId(id: string): AgentRow | undefined;
  byAccount(account: string): AgentRow | undefined;
  list(): AgentRow[];
  insert(row: AgentRow): void;
  update(
    id: string,
    patch: Partial<
      Pick<
        AgentRow,
        'nickname' | 'status' | 'notRespondingSince' | 'maxConcurrent' | 'groupId' | 'passwordHash' | 'disabledAt' | 'role' | 'mustChangePassword' | 'avatarId'
      >
    >,
  ): void;
  /** The agent whose avatar this is, if any. */
  byAvatarId(avatarId: string): AgentRow | undefined;
  /** Only an account with no history may go (the caller checks hasHistory first). */
  delete(id: string): void;
  /** Whether anything refers to this agent: conversations, messages, calls, sessions of work… */
  hasHistory(id: string): boolean;
  /** Active conversations assigned to the agent right now. */
  loadOf(id: string): number;
  loads(): Map<string, number>;
  count(): number;
}

/** One password login of a staff member; see migration 009. */
export interface SessionRow {
  id: string;
  agentId: string;
  /** SHA-256 of the current access token. */
  tokenHash: string;
  tokenIssuedAt: number;
  lastSeenAt: number;
  /** SHA-256 of the current refresh token; null for sessions from before refresh tokens. */
  refreshHash: string | null;
  createdAt: number;
  endedAt: number | null;
  endReason: SessionEndReason | null;
}

export interface SessionRepository {
  insert(row: SessionRow): void;
  byId(id: string): SessionRow | undefined;
  byTokenHash(tokenHash: string): SessionRow | undefined;
  byRefreshHash(refreshHash: string): SessionRow | undefined;
  /** The session a refresh token belonged to before it was traded in. */
  bySpentRefreshHash(refreshHash: string): SessionRow | undefined;
  /** Sessions of this agent not ended yet (expired ones included: their refresh token may still work). */
  liveIdsOf(agentId: string): string[];
  /** A refresh: new token pair, the old refresh hash remembered as spent. */
  rotate(id: string, next: { tokenHash: string; refreshHash: string; now: number }, spentRefreshHash: string): void;
  touch(id: string, now: number): void;
  /** Ends the session if it has not ended yet; false when it already had. */
  end(id: string, reason: SessionEndReason, now: number): boolean;
  /** Deletes sessions ended before `endedBefore` or created before `createdBefore`. */
  prune(endedBefore: number, createdBefore: number): number;
}

export interface VisitorRow {
  id: string;
  tokenHash: string;
  name: string;
  prefGroupId: string | null;
  prefAgentId: string | null;
  createdAt: number;
}

export interface VisitorRepository {
  byId(id: string): VisitorRow | undefined;
  byTokenHash(tokenHash: string): VisitorRow | undefined;
  insert(row: VisitorRow): void;
  update(id: string, patch: Partial<Pick<VisitorRow, 'name' | 'prefGroupId' | 'prefAgentId'>>): void;
}

export interface GroupRow {
  id: string;
  name: string;
}
/** What refers to a group: it may be deleted only when all are 0. */
export interface GroupUsage {
  members: number;
  openConversations: number;
  /** Visitors whose widget link named this group (指定分组); their later visits would route to it. */
  visitorLinks: number;
}
export interface GroupRepository {
  list(): GroupRow[];
  byId(id: string): GroupRow | undefined;
  byName(name: string): GroupRow | undefined;
  insert(row: GroupRow): void;
  rename(id: string, name: string): void;
  delete(id: string): void;
  /** Members and open conversations of every group (groups with none are absent). */
  counts(): Map<string, { members: number; openConversations: number }>;
  usage(id: string): GroupUsage;
}

export interface TopicRow {
  id: string;
  name: string;
  enabled: boolean;
  createdAt: number;
}
export interface TopicRepository {
  list(): TopicRow[];
  byId(id: string): TopicRow | undefined;
  byName(name: string): TopicRow | undefined;
  insert(row: TopicRow): void;
  update(id: string, patch: Partial<Pick<TopicRow, 'name' | 'enabled'>>): void;
}

export interface SettingsRepository {
  read(): Partial<ServerSettings>;
  write(settings: Partial<ServerSettings>): void;
}

export interface ConversationRow {
  id: string;
  roomNo: string;
  visitorId: string;
  agentId: string | null;
  groupId: string | null;
  requestedAgentId: string | null;
  state: ConversationState;
  startedBy: 'visitor' | 'transfer';
  endedBy: EndedBy | null;
  valid: boolean | null;
  createdAt: number;
  assignedAt: number | null;
  endedAt: number | null;
  queuedAt: number | null;
  queueOrder: number | null;
  lastMessageAt: number | null;
  lastMessageSeq: number;
  lastAgentMessageAt: number | null;
  lastVisitorMessageAt: number | null;
  /** The agent spoke last, so the visitor-silence clock runs. */
  awaitingVisitor: boolean;
  summaryTopicId: string | null;
  summaryTopicName: string | null;
  summaryNote: string | null;
  summaryAgentId: string | null;
  summaryAt: number | null;
  evaluationPushed: boolean;
  evaluationRating: number | null;
  evaluationComment: string | null;
  evaluationAt: number | null;
}

export type ConversationPatch = Partial<Omit<ConversationRow, 'id' | 'visitorId' | 'createdAt'>>;

export interface ConversationFilter {
  states?: ConversationState[];
  visitorId?: string;
  /** Only conversations assigned to this agent, plus queued ones when `includeQueued`. */
  agentId?: string;
  includeQueued?: boolean;
  limit: number;
}

export interface ConversationRepository {
  byId(id: string): ConversationRow | undefined;
  insert(row: ConversationRow): void;
  update(id: string, patch: ConversationPatch): void;
  list(filter: ConversationFilter): ConversationRow[];
  /** Queued conversations, first come first. */
  queued(): ConversationRow[];
  /** 1-based place in the queue, or null when not queued. */
  queuePosition(id: string): number | null;
  nextQueueOrder(): number;
  openForVisitor(visitorId: string): ConversationRow | undefined;
  latestForVisitor(visitorId: string): ConversationRow | undefined;
  openRoomNoTaken(roomNo: string): boolean;
  /** Active conversations whose visitor has been silent since the agent's last message before `cutoff`. */
  silentSince(cutoff: number): ConversationRow[];
  /** Open conversations assigned to the agent. */
  openForAgent(agentId: string): ConversationRow[];
  /** Of these conversations, the ones whose agent is 忙碌 or 离开 now (one read for a whole commit's messages). */
  withAwayAgent(ids: readonly string[]): Set<string>;
  /**
   * Fails the transaction unless each of these rows still has the same state, agent and last
   * message seq: at once on SQLite, when its answer arrives (by COMMIT at the latest) on PostgreSQL.
   */
  expectUnchanged(rows: readonly ConversationRow[]): void;
}

export interface MessageRow {
  id: string;
  conversationId: string;
  seq: number;
  clientId: string;
  sender: Sender;
  senderId: string | null;
  senderName: string;
  kind: MessageKind;
  text: string;
  attachmentId: string | null;
  createdAt: number;
  /** 字体设置 as JSON (MessageStyleSchema), agents' text messages only; absent/null for none. */
  style?: string | null;
}

/** What a send checks first: its conversation, and a message already stored under its clientId. */
export interface BeforeSend {
  conversation: ConversationRow | undefined;
  existing: MessageRow | undefined;
}

export interface TransactionEachOptions {
  /**
   * For units whose reads before any write are all re-checked here (a group commit's pre-read
   * rows). An engine whose cross-node write lock can be taken late (PostgreSQL) then takes it only
   * when the group's first write leaves for the server and runs this under it; a stale check fails
   * the group, whose units then rerun alone, locking from their start as usual. Engines that lock
   * from the start (SQLite's BEGIN IMMEDIATE) have nothing to re-check and ignore it.
   */
  recheckUnderLock?: () => void;
}

export interface MessageRepository {
  byClientId(clientId: string): MessageRow | undefined;
  /**
   * What a send checks first, in one read (on PostgreSQL each read is a round trip): the
   * conversation, and the message already stored under `clientId` (in any conversation) if any.
   * No conversation means no row at all, so `existing` is then undefined too.
   */
  beforeSend(conversationId: string, clientId: string): BeforeSend;
  /** beforeSend for many sends in one statement (a group commit's), in the order asked. */
  beforeSendEach(sends: readonly { conversationId: string; clientId: string }[]): BeforeSend[];
  insert(row: MessageRow): void;
  list(conversationId: string, afterSeq: number, limit: number): MessageRow[];
  countForConversation(conversationId: string): number;
}

export interface AttachmentRow {
  id: string;
  conversationId: string;
  name: string;
  size: number;
  mime: string;
  isImage: boolean;
  sha256: string;
  createdAt: number;
}

export interface AttachmentRepository {
  byId(id: string): AttachmentRow | undefined;
  insert(row: AttachmentRow): void;
}

/** Bytes of attachments: files beside SQLite (attachment-files.ts says why), rows in PostgreSQL (shared by every node). */
export interface AttachmentStore {
  write(id: string, bytes: Buffer): void;
  read(id: string): Buffer | undefined;
  remove(id: string): void;
  /** Makes `toId` name the same bytes as `fromId` (a canned file sent into a conversation); false if `fromId` has none. */
  link(fromId: string, toId: string): boolean;
}

export interface OfflineMessageRow {
  id: string;
  visitorId: string;
  name: string;
  contact: string;
  text: string;
  status: 'unreplied' | 'replied';
  reply: string | null;
  repliedBy: string | null;
  createdAt: number;
  repliedAt: number | null;
}

export interface OfflineMessageRepository {
  byId(id: string): OfflineMessageRow | undefined;
  insert(row: OfflineMessageRow): void;
  update(id: string, patch: Partial<Pick<OfflineMessageRow, 'status' | 'reply' | 'repliedBy' | 'repliedAt'>>): void;
  list(status?: 'unreplied' | 'replied'): OfflineMessageRow[];
  forVisitor(visitorId: string): OfflineMessageRow[];
}

/** 'a:<agentId>' | 'v:<visitorId>' | 'staff' */
export type Audience = string;
export const audience = {
  agent: (id: string): Audience => `a:${id}`,
  visitor: (id: string): Audience => `v:${id}`,
  staff: 'staff' as Audience,
};

export interface StoredEvent {
  seq: number;
  event: DurableEvent;
  audience: Audience[];
}

/** Who reads the log: admins see everything; others see what names one of their principals. */
export type EventReader = { all: true } | { all: false; principals: Audience[] };

export interface EventLog {
  /** Append inside the current transaction; delivered to listeners, with its seq, once it commits. */
  append(event: DurableEvent, audience: Audience[], now: number): void;
  head(): number;
  countAfter(afterSeq: number, reader: EventReader): number;
  pageAfter(afterSeq: number, reader: EventReader, limit: number): StoredEvent[];
}

export type UnitResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** The softphone repositories (./phone-types.ts) are part of the same store and its transactions. */
export interface Store
  extends
    AuditRepositories,
    NoticeRepositories,
    BlacklistRepositories,
    TagCategoryRepositories,
    ActivityRepositories,
    PresenceRepositories,
    SupervisionRepositories,
    SiteVisitorRepositories,
    WidgetSettingsRepositories,
    ReportRepositories,
    PhoneRepositories,
    PhraseRepositories,
    KnowledgeRepositories,
    RecordRepositories,
    CustomerTrailRepositories,
    LoginGuardRepositories {
  agents: AgentRepository;
  sessions: SessionRepository;
  visitors: VisitorRepository;
  groups: GroupRepository;
  topics: TopicRepository;
  settings: SettingsRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
  attachments: AttachmentRepository;
  attachmentBytes: AttachmentStore;
  offlineMessages: OfflineMessageRepository;
  events: EventLog;
  /** Runs fn atomically; nested calls join the outer transaction. Events go to listeners after commit. */
  transaction<T>(fn: () => T): T;
  /**
   * Group commit: runs each unit in its own savepoint inside ONE transaction, so a unit that
   * throws rolls back only its own writes and events while the others commit together. Events of
   * every unit go to listeners after the single commit; results come back in unit order. If the
   * batch fails as a whole (its commit), each unit is run again in a transaction of its own, so
   * every result is that unit's own; a unit learns which way it runs from `grouped` (true inside
   * the shared transaction). Not callable inside a transaction.
   */
  transactionEach<T>(units: ((grouped: boolean) => T)[], options?: TransactionEachOptions): UnitResult<T>[];
  /** Called after each commit with the events it appended, in seq order. */
  onCommit(listener: (events: StoredEvent[]) => void): void;
  close(): void;
}
