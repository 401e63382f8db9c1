/**
 * 报表 (issue 15): the contact-center reports of the console — 对话量 (volume), 满意度, 留言,
 * 人员考核 (agents), 来源 (sources), 对话主题 (topics) and 通话 (calls) — with drill-down to the
 * conversations or calls behind a number, and CSV/XLSX export.
 *
 * Every report takes the same query (ReportQuerySchema): a range of company days (the `timeZone`
 * setting, default Asia/Shanghai, sets where a day and an hour begin), optional group and agent
 * filters, and `compare` for the previous period of the same length (the days just before `from`).
 * Admins see everything; a group leader (组长) sees their own group only — without a groupId the
 * report is scoped to it, and another group (or an agent of another group) is refused with 403.
 *
 * Figures mean what the wallboard's "today" figures mean (server/domain/monitoring/wallboard.ts),
 * so today's numbers agree in both places. Each figure is counted on the day/hour of the moment it
 * belongs to:
 * - offered      conversations created (entered the queue or were transferred in) in the range;
 * - answered     of those, the ones an agent was given; answerRate = answered / offered (接通率);
 * - wait         for answered ones, first assignment − creation (average and 90th percentile);
 * - firstResponse for those created in the range, the agent's first typed message − the first
 *                assignment (automatic replies do not count);
 * - abandoned    conversations ended in the range that never reached an agent (排队放弃);
 * - handled / handling  conversations ended in the range with an agent: end − first assignment;
 * - messages, valid/invalid, endedBy  of the conversations ended in the range (visitor and agent
 *                messages; system lines are not counted);
 * - ratings      evaluations given in the range.
 * A group's figures are its conversations' (the conversation's group), an agent's the
 * conversations they hold (the last agent given them). Durations are milliseconds; a figure that
 * has nothing to average over is null (the UI shows "—"), never 0.
 */
import { z } from 'zod';
import { ConversationSchema } from '../domain.js';
import { StoredCallSchema } from '../phone.js';
import { queryInt } from '../query-number.js';
import { Id } from './rest-common.js';
import { DayDateSchema } from './rest-monitor.js';
import { RecordExportFormatSchema } from './rest-records.js';
import type { RouteDef } from './rest.js';

export const REPORT_LIMITS = {
  /** Days one report may span (a year and a leap day): rollups make that fast, longer gets slow. */
  spanDaysMax: 366,
  /** Rows of one drill-down page. */
  drillPageSizeMax: 100,
  /** 满意度 comments listed at most (newest first). */
  commentsMax: 200,
  /** Rows of a 来源 dimension at most (largest first; the rest are summed into one "other" row, key null). */
  sourceRowsMax: 50,
} as const;

/** Query strings carry booleans as text (only these two spellings); typed callers may pass a real boolean. */
const boolText = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');

const dayNumber = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};
/** Days from `from` to `to`, both included. */
export const spanDays = (from: string, to: string): number => dayNumber(to) - dayNumber(from) + 1;

const reportQueryShape = {
  /** First company day, YYYY-MM-DD (included). */
  from: DayDateSchema,
  /** Last company day, YYYY-MM-DD (included). */
  to: DayDateSchema,
  /** Only this skill group's conversations and agents (a group leader: their own group only). */
  groupId: Id.optional(),
  /** Only this agent's conversations, calls and activity. */
  agentId: Id.optional(),
  /** Also compute the previous period of the same length (the totals only: previousTotals). */
  compare: boolText.default(false),
};

type RangeFields = { from: string; to: string };
/** from ≤ to and at most spanDaysMax days; refusals name the field (VALIDATION_FAILED, 400). */
const inRange = <T extends z.ZodType<RangeFields>>(schema: T) =>
  schema
    .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
    .refine((q) => q.from > q.to || spanDays(q.from, q.to) <= REPORT_LIMITS.spanDaysMax, {
      message: `a report spans at most ${REPORT_LIMITS.spanDaysMax} days`,
      path: ['to'],
    });

export const ReportQuerySchema = inRange(z.strictObject(reportQueryShape));
export type ReportQuery = z.output<typeof ReportQuerySchema>;
export type ReportQueryInput = z.input<typeof ReportQuerySchema>;

/** The days a report covers, and the zone they are days of. */
export const ReportRangeSchema = z.object({
  from: z.string(),
  to: z.string(),
  days: z.number().int(),
  timeZone: z.string(),
});
export type ReportRange = z.infer<typeof ReportRangeSchema>;

/** What every report answer starts with. previousRange is set when `compare` was asked. */
const reportHead = {
  range: ReportRangeSchema,
  previousRange: ReportRangeSchema.nullable(),
  computedAt: z.number(),
};

const ms = z.number().nullable();
const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1).nullable();
/** Rows keyed by a group: null = conversations of no group. */
const groupKey = { groupId: z.string().nullable(), groupName: z.string().nullable() };
/** Rows keyed by an agent (agentName: the nickname now, or the id of a deleted account). */
const agentKey = { agentId: z.string(), agentName: z.string(), groupId: z.string().nullable() };
/** Series keys: a company day, or an hour of the day (0–23, company time) summed over the range. */
const dayKey = { date: z.string() };
const hourKey = { hour: z.number().int().min(0).max(23) };

// — 对话量 (volume) —

export const VolumeFiguresSchema = z.object({
  offered: count,
  answered: count,
  /** 接通率: answered / offered. */
  answerRate: rate,
  abandoned: count,
  waitAvgMs: ms,
  /**
   * 90th percentile of the wait (nearest rank), read from a histogram: exact below a minute, then
   * the upper edge of its bucket (5 s up to 5 min, 30 s up to 30 min, 5 min up to 4 h, then 4 h+).
   */
  waitP90Ms: ms,
  firstResponseAvgMs: ms,
  handled: count,
  handlingAvgMs: ms,
  /** Visitor and agent messages of the conversations ended in the range. */
  messages: count,
  messagesPerConversation: z.number().nullable(),
  valid: count,
  invalid: count,
  /** Who ended them (访客结束 / 客服关闭 / 系统关闭). */
  endedBy: z.object({ visitor: count, agent: count, system: count }),
});
export type VolumeFigures = z.infer<typeof VolumeFiguresSchema>;

export const VolumeReportSchema = z.object({
  ...reportHead,
  totals: VolumeFiguresSchema,
  previousTotals: VolumeFiguresSchema.nullable(),
  /** One row per day of the range, empty days included (the chart's x axis). */
  byDay: z.array(VolumeFiguresSchema.extend(dayKey)),
  /** 24 rows, hour 0 to 23. */
  byHour: z.array(VolumeFiguresSchema.extend(hourKey)),
  /** Groups with any figure, by name (no group last). */
  byGroup: z.array(VolumeFiguresSchema.extend(groupKey)),
  /** Agents with any figure, by name. Abandoned conversations have no agent: they are in no row here. */
  byAgent: z.array(VolumeFiguresSchema.extend(agentKey)),
});
export type VolumeReport = z.infer<typeof VolumeReportSchema>;

// — 满意度 —

export const SatisfactionFiguresSchema = z.object({
  rated: count,
  average: z.number().nullable(),
  /** Evaluations per level: index 0 = rating 1 (非常不满意) … index 4 = rating 5 (非常满意). */
  distribution: z.array(count).length(5),
  /** Ratings 4 and 5. */
  satisfied: count,
  satisfiedRate: rate,
});
export type SatisfactionFigures = z.infer<typeof SatisfactionFiguresSchema>;

export const RatingCommentSchema = z.object({
  conversationId: z.string(),
  roomNo: z.string(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  rating: z.number().int().min(1).max(5),
  comment: z.string(),
  at: z.number(),
});

export const SatisfactionReportSchema = z.object({
  ...reportHead,
  totals: SatisfactionFiguresSchema,
  previousTotals: SatisfactionFiguresSchema.nullable(),
  byDay: z.array(SatisfactionFiguresSchema.extend(dayKey)),
  byGroup: z.array(SatisfactionFiguresSchema.extend(groupKey)),
  byAgent: z.array(SatisfactionFiguresSchema.extend(agentKey)),
  /** Evaluations with a comment, newest first, at most REPORT_LIMITS.commentsMax. */
  comments: z.array(RatingCommentSchema),
});
export type SatisfactionReport = z.infer<typeof SatisfactionReportSchema>;

// — 留言 (offline messages) —

/**
 * A 留言 belongs to no group until someone replies. Unfiltered (an admin without group or agent):
 * received = left in the range, replied = of those, the ones replied by now. Filtered by group or
 * agent, or for a group leader: only the replies those agents wrote count, and received and
 * replyRate are null.
 */
export const OfflineFiguresSchema = z.object({
  received: count.nullable(),
  replied: count,
  replyRate: rate,
  /** Reply − left, over the replied ones. */
  replyAvgMs: ms,
});
export type OfflineFigures = z.infer<typeof OfflineFiguresSchema>;

export const OfflineReportSchema = z.object({
  ...reportHead,
  totals: OfflineFiguresSchema,
  previousTotals: OfflineFiguresSchema.nullable(),
  /** By the day the 留言 was left. */
  byDay: z.array(OfflineFiguresSchema.extend(dayKey)),
  /** Who replied (received is null on these rows). */
  byAgent: z.array(OfflineFiguresSchema.extend(agentKey)),
});
export type OfflineReport = z.infer<typeof OfflineReportSchema>;

// — 人员考核 (agents) —

export const AgentFiguresSchema = z.object({
  /** Time not 离线 (online + busy + away), from the activity log, within the range. */
  onlineMs: count,
  /** Time per status (在线 / 忙碌 / 离开) from the activity log, within the range. */
  statusMs: z.object({ online: count, busy: count, away: count }),
  /** Conversations handled: ended in the range with this agent (as `handled` in volume). */
  handled: count,
  /** Conversations given to them (as `answered` in volume). */
  answered: count,
  /** Average number of conversations open at once while not 离线: Σ handling time / onlineMs. */
  concurrencyAvg: z.number().nullable(),
  firstResponseAvgMs: ms,
  handlingAvgMs: ms,
  rated: count,
  ratingAverage: z.number().nullable(),
  /** 未响应: times the not-responding rule set them 离开. */
  notResponding: count,
  /** Calls started in the range (either direction) and the answered ones. */
  calls: count,
  callsAnswered: count,
  talkMs: count,
  /** 保持 and 话后处理 time: the call log does not record them yet (null until it does). */
  holdMs: ms,
  afterCallMs: ms,
});
export type AgentFigures = z.infer<typeof AgentFiguresSchema>;

export const AgentsReportSchema = z.object({
  ...reportHead,
  /** Summed over the rows (averages weighted by what they average). */
  totals: AgentFiguresSchema,
  previousTotals: AgentFiguresSchema.nullable(),
  /** Every agent in scope (enabled or with figures in the range), by name. */
  rows: z.array(AgentFiguresSchema.extend(agentKey)),
});
export type AgentsReport = z.infer<typeof AgentsReportSchema>;

// — 来源 (sources) —

/** The dimensions of 来源, read from the visitor's profile (first page view) of each conversation. */
export const SourceDimensionSchema = z.enum(['source', 'keyword', 'region', 'landingPage']);
export type SourceDimension = z.infer<typeof SourceDimensionSchema>;

export const SourceRowSchema = z.object({
  /**
   * source: the search engine, else the referrer's host, '' = 直接访问; keyword: the search
   * keyword ('' = none); region; landingPage: the first page's URL. null = the "other" row.
   */
  key: z.string().nullable(),
  /** Conversations started (created) in the range by visitors with this value. */
  conversations: count,
  /** Distinct visitors behind them. */
  visitors: count,
  /** Invitations (主动邀请: agents' and automatic rules') sent in the range to visitors with this value. */
  invitationsSent: count,
  /** Of those, the ones the visitor accepted (by now). */
  invitationsAccepted: count,
});
export type SourceRow = z.infer<typeof SourceRowSchema>;

export const SourcesReportSchema = z.object({
  ...reportHead,
  totals: z.object({ conversations: count, visitors: count }),
  previousTotals: z.object({ conversations: count, visitors: count }).nullable(),
  /** Per dimension, largest first. */
  source: z.array(SourceRowSchema),
  keyword: z.array(SourceRowSchema),
  region: z.array(SourceRowSchema),
  landingPage: z.array(SourceRowSchema),
});
export type SourcesReport = z.infer<typeof SourcesReportSchema>;

// — 对话主题 (topics) —

export const TopicRowSchema = z.object({
  /** null: closed without a topic, or not summarised. */
  topicId: z.string().nullable(),
  topicName: z.string().nullable(),
  /** Conversations ended in the range with this topic. */
  conversations: count,
  share: rate,
});
export const WrapUpRowSchema = z.object({
  /** null: no wrap-up code chosen. */
  wrapUpCodeId: z.string().nullable(),
  name: z.string().nullable(),
  /** Calls started in the range with this code. */
  calls: count,
  share: rate,
});

export const TopicsReportSchema = z.object({
  ...reportHead,
  totals: z.object({ conversations: count, calls: count }),
  previousTotals: z.object({ conversations: count, calls: count }).nullable(),
  topics: z.array(TopicRowSchema),
  wrapUpCodes: z.array(WrapUpRowSchema),
});
export type TopicsReport = z.infer<typeof TopicsReportSchema>;

// — 通话 (calls) —

/**
 * From the call log (通话记录), by the day the call started, a call's group being its agent's.
 * Inbound: offered = every inbound call; answered = picked up (answeredAt set); missed = missed,
 * rejected or busy (rang at the agent, not taken); abandoned = cancelled (the caller hung up
 * first); failed.
 */
export const CallFiguresSchema = z.object({
  offered: count,
  answered: count,
  answerRate: rate,
  missed: count,
  abandoned: count,
  failed: count,
  outbound: count,
  outboundAnswered: count,
  /** Talk time of every answered call (both directions). */
  talkMs: count,
  talkAvgMs: ms,
});
export type CallFigures = z.infer<typeof CallFiguresSchema>;

export const CallsReportSchema = z.object({
  ...reportHead,
  totals: CallFiguresSchema,
  previousTotals: CallFiguresSchema.nullable(),
  byDay: z.array(CallFiguresSchema.extend(dayKey)),
  byHour: z.array(CallFiguresSchema.extend(hourKey)),
  byAgent: z.array(CallFiguresSchema.extend(agentKey)),
});
export type CallsReport = z.infer<typeof CallsReportSchema>;

// — drill-down and export —

export const ReportNameSchema = z.enum(['volume', 'satisfaction', 'offline', 'agents', 'sources', 'topics', 'calls']);
export type ReportName = z.infer<typeof ReportNameSchema>;

/**
 * The numbers one can open (drill into). Conversation measures give conversations, call measures
 * calls, offline measures 留言 — each with the definition of the figure of the same name above.
 */
export const DrillMeasureSchema = z.enum([
  // conversations
  'offered',
  'answered',
  'abandoned',
  'handled',
  'valid',
  'invalid',
  'endedByVisitor',
  'endedByAgent',
  'endedBySystem',
  'rated',
  'topic',
  'source',
  // calls
  'calls',
  'callsOffered',
  'callsAnswered',
  'callsMissed',
  'callsAbandoned',
  'callsOutbound',
  'wrapUpCode',
  // 留言
  'offlineReceived',
  'offlineReplied',
]);
export type DrillMeasure = z.infer<typeof DrillMeasureSchema>;

/**
 * The cell of a table or point of a chart that was clicked: the report's query (its range and
 * filters), the measure, and what narrows it — one day (`date`, within the range), one hour of
 * the day, a group (groupId of the query; groupless: `noGroup`), an agent (agentId), a rating,
 * a topic (topicId, or `noTopic`), a wrap-up code (or `noWrapUpCode`), a source dimension and key.
 */
export const DrillQuerySchema = inRange(
  z.strictObject({
    ...reportQueryShape,
    measure: DrillMeasureSchema,
    date: DayDateSchema.optional(),
    hour: queryInt(0, 23).optional(),
    noGroup: boolText.optional(),
    rating: queryInt(1, 5).optional(),
    topicId: Id.optional(),
    noTopic: boolText.optional(),
    wrapUpCodeId: Id.optional(),
    noWrapUpCode: boolText.optional(),
    dimension: SourceDimensionSchema.optional(),
    /**
     * The source row's key ('' is a value: 直接访问, no keyword…). measure 'source' opens the
     * conversations started in the range with that value — for the traffic source too (its key is
     * the search engine, else the referrer's host: the profiles in the range that give that key).
     */
    key: z.string().max(2048).optional(),
    page: queryInt(1, 1_000_000).prefault(1),
    pageSize: queryInt(1, REPORT_LIMITS.drillPageSizeMax).prefault(20),
  }),
).refine((q) => q.date === undefined || (q.date >= q.from && q.date <= q.to), { message: 'date must be within from..to', path: ['date'] });
export type DrillQuery = z.output<typeof DrillQuerySchema>;
export type DrillQueryInput = z.input<typeof DrillQuerySchema>;

/** The records behind a number, one page, newest first; `total` equals the number clicked. */
export const DrillPageSchema = z.discriminatedUnion('kind', [
  /** Conversations as the records view (对话记录) shows them (its RecordPage items). */
  z.object({ kind: z.literal('conversations'), total: count, items: z.array(ConversationSchema) }),
  z.object({ kind: z.literal('calls'), total: count, items: z.array(StoredCallSchema) }),
  z.object({
    kind: z.literal('offlineMessages'),
    total: count,
    items: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.number(), repliedAt: z.number().nullable(), repliedBy: z.string().nullable() })),
  }),
]);
export type DrillPage = z.infer<typeof DrillPageSchema>;

export const ReportExportQuerySchema = inRange(z.strictObject({ ...reportQueryShape, format: RecordExportFormatSchema }));
export type ReportExportQuery = z.output<typeof ReportExportQuerySchema>;
export type ReportExportQueryInput = z.input<typeof ReportExportQuerySchema>;

const base = '/api/admin/reports';
/** Each report's response schema, by name (the export writes the same tables). */
export const REPORT_SCHEMAS = {
  volume: VolumeReportSchema,
  satisfaction: SatisfactionReportSchema,
  offline: OfflineReportSchema,
  agents: AgentsReportSchema,
  sources: SourcesReportSchema,
  topics: TopicsReportSchema,
  calls: CallsReportSchema,
} as const satisfies Record<ReportName, z.ZodType>;

const reportRoute = <N extends ReportName>(name: N, summary: string) =>
  ({ method: 'GET', path: `${base}/${name}`, access: 'leader', summary, query: ReportQuerySchema, response: REPORT_SCHEMAS[name] }) as const;

export const reportRoutes = {
  volumeReport: reportRoute(
    'volume',
    '对话量: offered, answered, 接通率, abandoned, wait, first response, handling, messages, valid, ended by — per day, hour, group, agent',
  ),
  satisfactionReport: reportRoute('satisfaction', '满意度: distribution, average, per day, group and agent, with comments'),
  offlineReport: reportRoute('offline', '留言: received, reply rate, time to reply'),
  agentsReport: reportRoute('agents', '人员考核: time per status, conversations, concurrency, response, satisfaction, 未响应, calls'),
  sourcesReport: reportRoute('sources', '来源: traffic source, keyword, region, landing page against conversations started'),
  topicsReport: reportRoute('topics', '对话主题 of conversations and 话后处理 codes of calls'),
  callsReport: reportRoute('calls', '通话: offered, answered, missed, abandoned, talk time'),
  drillReport: {
    method: 'GET',
    path: `${base}/drill`,
    access: 'leader',
    summary: 'The conversations, calls or 留言 behind one number of a report (one page)',
    query: DrillQuerySchema,
    response: DrillPageSchema,
  },
  exportReport: {
    method: 'GET',
    path: `${base}/:report/export`,
    access: 'leader',
    summary: "Download a report's tables: XLSX (one sheet per table) or CSV (the tables one after another)",
    params: z.strictObject({ report: ReportNameSchema }),
    query: ReportExportQuerySchema,
    response: z.unknown(),
  },
} as const satisfies Record<string, RouteDef>;
