/**
 * Repositories of 报表 (issue 15): the conversation rollups (migration 023) with their watermark,
 * and the reads the reports make — summed rollups, and the raw rows of the smaller facts (activity
 * log, call log, 留言, visitor profiles). Synchronous and SQL-free, like ./types.ts.
 */
import type { CallRow } from './phone-types.js';

export interface RollupState {
  /** Events up to this seq are in the rollups. */
  eventSeq: number;
  /** Hours begin at this offset within a UTC hour (the company zone's offset, modulo an hour). */
  alignMs: number;
  rebuiltAt: number;
}

/**
 * Which facts a read covers: [from, to) and the scope. groupKey / agentKey: one group ('' = no
 * group) or agent; unset: every one.
 */
export interface ReportScope {
  from: number;
  to: number;
  groupKey?: string;
  agentKey?: string;
}

/** Summed rollup figures of one key (an hour start, a group key or an agent key). */
export interface ConversationSums {
  key: string;
  offered: number;
  answered: number;
  waitSumMs: number;
  waitCount: number;
  responseSumMs: number;
  responseCount: number;
  abandoned: number;
  handled: number;
  handlingSumMs: number;
  ended: number;
  messages: number;
  valid: number;
  invalid: number;
  endedByVisitor: number;
  endedByAgent: number;
  endedBySystem: number;
  rated: number;
  ratingSum: number;
  rating1: number;
  rating2: number;
  rating3: number;
  rating4: number;
  rating5: number;
}

export type RollupKey = 'hour' | 'group' | 'agent';

export interface WaitBucket {
  key: string;
  edgeMs: number;
  n: number;
}

export interface StatusFact {
  agentId: string;
  at: number;
  status: 'online' | 'busy' | 'away' | 'offline';
  reason: string;
}

export interface CommentRow {
  conversationId: string;
  roomNo: string;
  agentId: string | null;
  rating: number;
  comment: string;
  at: number;
}

export interface OfflineFactRow {
  id: string;
  name: string;
  createdAt: number;
  repliedAt: number | null;
  repliedBy: string | null;
}

/**
 * One visitor-profile combination: the conversations (and distinct visitors) started with it, and
 * the invitations (主动邀请, agents' and rules') sent to visitors with it and the accepted ones.
 */
export interface SourceFactRow {
  searchEngine: string;
  firstReferrer: string;
  searchKeyword: string;
  region: string;
  landingPage: string;
  conversations: number;
  visitors: number;
  invitationsSent: number;
  invitationsAccepted: number;
}

/** What drill-down may narrow conversations by (see DrillQuerySchema); times are [from, to). */
export interface ConversationDrill extends ReportScope {
  /** Which moment falls in [from, to): creation, end or evaluation. */
  moment: 'created' | 'ended' | 'evaluated';
  answered?: boolean;
  /** Ended without an agent (true) or with one (false). */
  withAgent?: boolean;
  valid?: boolean;
  endedBy?: 'visitor' | 'agent' | 'system';
  rating?: number;
  /** A topic id, or '' for none. */
  topicKey?: string;
  /** Visitor-profile columns that must equal the value. */
  profile?: Partial<Record<'searchEngine' | 'firstReferrer' | 'searchKeyword' | 'region' | 'landingPage', string>>;
  /** Profiles whose (search engine, first referrer) is one of these: a traffic source's (reports/other-reports.ts trafficSource). */
  trafficSources?: { searchEngine: string; firstReferrer: string }[];
  /** Only moments in these hours (their hour starts, aligned as the rollups): one hour of the day over the range. */
  hourStarts?: number[];
  /** The rollups' alignment (RollupState.alignMs), which hourStarts are aligned to. */
  alignMs: number;
  offset: number;
  limit: number;
}

export interface CallDrill extends ReportScope {
  direction?: 'inbound' | 'outbound';
  results?: string[];
  /** A wrap-up code id, or '' for none. */
  wrapUpKey?: string;
  hourStarts?: number[];
  /** The rollups' alignment (RollupState.alignMs), which hourStarts are aligned to. */
  alignMs: number;
  offset: number;
  limit: number;
}

export interface ReportRepository {
  state(): RollupState | undefined;
  saveState(state: RollupState): void;
  /** The conversations named by conversation and message events after `afterSeq` (at most `limit` events read). */
  changedConversations(afterSeq: number, limit: number): { lastSeq: number; ids: string[] };
  /** Every moment (creation, end, evaluation) of these conversations: the hours their figures are in. */
  conversationMoments(ids: string[]): number[];
  /** The earliest and latest moment of any conversation (what a rebuild covers). */
  factSpan(): { min: number; max: number } | undefined;
  /** Recomputes every rollup row with hour_start in [from, to) from the raw rows. */
  recompute(from: number, to: number, alignMs: number): void;
  /** Deletes every rollup row with hour_start before `hourStart`. */
  clearBefore(hourStart: number): void;
  sums(scope: ReportScope, by: RollupKey): ConversationSums[];
  waits(scope: ReportScope, by: RollupKey): WaitBucket[];
  topics(scope: ReportScope): { topicKey: string; n: number }[];
  comments(scope: ReportScope, limit: number): CommentRow[];
  /** Every status row in [from, to) and each agent's last before `from`, oldest first. */
  statusFacts(from: number, to: number): StatusFact[];
  /** 未响应 marks per agent in [from, to). */
  notResponding(from: number, to: number): Map<string, number>;
  calls(scope: ReportScope): CallRow[];
  /** 留言 left in [from, to). */
  offlineMessages(from: number, to: number): OfflineFactRow[];
  sources(scope: ReportScope): SourceFactRow[];
  drillConversations(drill: ConversationDrill): { total: number; ids: string[] };
  drillCalls(drill: CallDrill): { total: number; rows: CallRow[] };
}

export interface ReportRepositories {
  reports: ReportRepository;
}
