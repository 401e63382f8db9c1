/** The report rollups and reads (../report-types.ts), one SQL text for both engines. */
import { AUTO_REPLY_CLIENT_PREFIX } from '../../../shared/phrases.js';
import type { CallRow } from '../phone-types.js';
import type {
  CommentRow,
  ConversationSums,
  OfflineFactRow,
  ReportRepositories,
  ReportScope,
  RollupKey,
  RollupState,
  SourceFactRow,
  StatusFact,
  WaitBucket,
} from '../report-types.js';
import { FIRST_ASSIGNED, FIRST_REPLY } from './repos-activity.js';
import { hourStartSql, waitEdgeSql } from './report-buckets.js';
import { cachedStatement, fromRow, fromRows, inChunks, type SqlDb } from './sql-db.js';

const SUM_COLUMNS = [
  'offered',
  'answered',
  'wait_sum_ms',
  'wait_count',
  'response_sum_ms',
  'response_count',
  'abandoned',
  'handled',
  'handling_sum_ms',
  'ended',
  'messages',
  'valid',
  'invalid',
  'ended_by_visitor',
  'ended_by_agent',
  'ended_by_system',
  'rated',
  'rating_sum',
  'rating_1',
  'rating_2',
  'rating_3',
  'rating_4',
  'rating_5',
] as const;
type SumColumn = (typeof SUM_COLUMNS)[number];

/** One UNION part: the columns it sets (the rest are 0), over the conversations `c` it selects. */
function part(hourOf: string, set: Partial<Record<SumColumn, string>>, from: string): string {
  const values = SUM_COLUMNS.map((col) => `${set[col] ?? '0'} AS ${col}`).join(', ');
  return `SELECT ${hourStartSql(hourOf)} AS hour_start, COALESCE(c.group_id, '') AS group_key, COALESCE(c.agent_id, '') AS agent_key, ${values} ${from}`;
}

/** The conversations `c` matching `where` (over `c`), with their first assignment (fa) and first reply (fr). */
const withTimes = (where: string): string => `FROM (SELECT c.*, ${FIRST_ASSIGNED} AS fa, ${FIRST_REPLY} AS fr FROM conversations c WHERE ${where}) c`;

const WAIT = 'c.fa - c.created_at';
const MESSAGES = `(SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.sender <> 'system')`;

/** The figures of the conversations whose moments fall in [@from, @to), per aligned hour × group × agent. */
const FACTS = [
  part(
    'c.created_at',
    {
      offered: '1',
      answered: 'CASE WHEN c.assigned_at IS NOT NULL THEN 1 ELSE 0 END',
      wait_sum_ms: `CASE WHEN c.assigned_at IS NOT NULL THEN ${WAIT} ELSE 0 END`,
      wait_count: 'CASE WHEN c.assigned_at IS NOT NULL THEN 1 ELSE 0 END',
      response_sum_ms: 'COALESCE(c.fr - c.fa, 0)',
      response_count: 'CASE WHEN c.fr - c.fa IS NOT NULL THEN 1 ELSE 0 END',
    },
    withTimes('c.created_at >= @from AND c.created_at < @to'),
  ),
  part(
    'c.ended_at',
    {
      abandoned: 'CASE WHEN c.agent_id IS NULL THEN 1 ELSE 0 END',
      handled: 'CASE WHEN c.agent_id IS NOT NULL AND c.fa IS NOT NULL THEN 1 ELSE 0 END',
      handling_sum_ms: 'CASE WHEN c.agent_id IS NOT NULL AND c.fa IS NOT NULL THEN c.ended_at - c.fa ELSE 0 END',
      ended: '1',
      messages: MESSAGES,
      valid: 'CASE WHEN c.valid = 1 THEN 1 ELSE 0 END',
      invalid: 'CASE WHEN c.valid = 0 THEN 1 ELSE 0 END',
      ended_by_visitor: "CASE WHEN c.ended_by = 'visitor' THEN 1 ELSE 0 END",
      ended_by_agent: "CASE WHEN c.ended_by = 'agent' THEN 1 ELSE 0 END",
      ended_by_system: "CASE WHEN c.ended_by = 'system' THEN 1 ELSE 0 END",
    },
    withTimes("c.state = 'ended' AND c.ended_at >= @from AND c.ended_at < @to"),
  ),
  part(
    'c.evaluation_at',
    {
      rated: '1',
      rating_sum: 'c.evaluation_rating',
      ...Object.fromEntries([1, 2, 3, 4, 5].map((r) => [`rating_${r}`, `CASE WHEN c.evaluation_rating = ${r} THEN 1 ELSE 0 END`])),
    },
    'FROM conversations c WHERE c.evaluation_at >= @from AND c.evaluation_at < @to AND c.evaluation_rating IS NOT NULL',
  ),
].join(' UNION ALL ');

const ROLLUP_TABLES = ['report_conversation_hours', 'report_wait_histogram', 'report_topic_hours'] as const;

const KEY_COLUMN: Record<RollupKey, string> = { hour: 'hour_start', group: 'group_key', agent: 'agent_key' };

/** WHERE of a rollup read: the hours in [@from, @to) and the scope's keys. */
function scopeWhere(scope: ReportScope): string {
  return [
    'hour_start >= @from AND hour_start < @to',
    scope.groupKey !== undefined ? 'group_key = @groupKey' : '',
    scope.agentKey !== undefined ? 'agent_key = @agentKey' : '',
  ]
    .filter(Boolean)
    .join(' AND ');
}
const scopeParams = (scope: ReportScope): Record<string, unknown> => ({
  from: scope.from,
  to: scope.to,
  ...(scope.groupKey !== undefined ? { groupKey: scope.groupKey } : {}),
  ...(scope.agentKey !== undefined ? { agentKey: scope.agentKey } : {}),
});

/** The same scope over raw conversations `c` (their group and agent). */
function conversationScope(scope: ReportScope): string {
  return [
    scope.groupKey !== undefined ? "COALESCE(c.group_id, '') = @groupKey" : '',
    scope.agentKey !== undefined ? "COALESCE(c.agent_id, '') = @agentKey" : '',
  ]
    .filter(Boolean)
    .map((w) => ` AND ${w}`)
    .join('');
}

/** The same scope over invitations `i`: the group they were sent for, the agent who sent them. */
function invitationScope(scope: ReportScope): string {
  return [
    scope.groupKey !== undefined ? "COALESCE(i.group_id, '') = @groupKey" : '',
    scope.agentKey !== undefined ? "COALESCE(i.agent_id, '') = @agentKey" : '',
  ]
    .filter(Boolean)
    .map((w) => ` AND ${w}`)
    .join('');
}

/**
 * Profiles whose (search engine, first referrer) is one of `pairs`. The list is padded to a power
 * of two with its last pair (a repeat changes nothing), so few distinct statements get prepared.
 */
function trafficSourceWhere(pairs: readonly { searchEngine: string; firstReferrer: string }[]): { sql: string; params: Record<string, string> } {
  if (pairs.length === 0) return { sql: '1 = 0', params: {} };
  const padded = [...pairs];
  while (padded.length & (padded.length - 1)) padded.push(pairs[pairs.length - 1]!);
  return {
    sql: `(COALESCE(p.search_engine, ''), COALESCE(p.first_referrer, '')) IN (VALUES ${padded.map((_, i) => `(@ts_e${i}, @ts_r${i})`).join(', ')})`,
    params: Object.fromEntries(
      padded.flatMap((pair, i) => [
        [`ts_e${i}`, pair.searchEngine],
        [`ts_r${i}`, pair.firstReferrer],
      ]),
    ),
  };
}

const MOMENT_COLUMN = { created: 'c.created_at', ended: 'c.ended_at', evaluated: 'c.evaluation_at' } as const;
const PROFILE_COLUMN = {
  searchEngine: 'p.search_engine',
  firstReferrer: 'p.first_referrer',
  searchKeyword: 'p.search_keyword',
  region: 'p.region',
  landingPage: 'p.landing_page',
} as const;

export function sqlReports(db: SqlDb): ReportRepositories['reports'] {
  const state = db.prepare('SELECT event_seq, align_ms, rebuilt_at FROM report_rollup_state WHERE id = 1');
  const saveState = db.prepare(
    `INSERT INTO report_rollup_state (id, event_seq, align_ms, rebuilt_at) VALUES (1, @eventSeq, @alignMs, @rebuiltAt)
     ON CONFLICT (id) DO UPDATE SET event_seq = excluded.event_seq, align_ms = excluded.align_ms, rebuilt_at = excluded.rebuilt_at`,
  );
  const events = db.prepare(`SELECT seq, type, payload FROM events WHERE seq > ? AND type IN ('conversation.updated', 'message.created') ORDER BY seq LIMIT ?`);
  const lastEvent = db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM (SELECT seq FROM events WHERE seq > ? ORDER BY seq LIMIT ?) t');
  const span = db.prepare('SELECT MIN(created_at) AS min, MAX(created_at) AS max1, MAX(ended_at) AS max2, MAX(evaluation_at) AS max3 FROM conversations');
  const deletes = ROLLUP_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE hour_start >= @from AND hour_start < @to`));
  const insertSums = db.prepare(
    `INSERT INTO report_conversation_hours (hour_start, group_key, agent_key, ${SUM_COLUMNS.join(', ')})
     SELECT hour_start, group_key, agent_key, ${SUM_COLUMNS.map((c) => `SUM(${c})`).join(', ')}
     FROM (${FACTS}) t GROUP BY hour_start, group_key, agent_key`,
  );
  const insertWaits = db.prepare(
    `INSERT INTO report_wait_histogram (hour_start, group_key, agent_key, wait_edge_ms, n)
     SELECT hour_start, group_key, agent_key, wait_edge_ms, COUNT(*) FROM (
       SELECT ${hourStartSql('c.created_at')} AS hour_start, COALESCE(c.group_id, '') AS group_key, COALESCE(c.agent_id, '') AS agent_key,
              ${waitEdgeSql(`(${WAIT})`)} AS wait_edge_ms
       ${withTimes('c.created_at >= @from AND c.created_at < @to AND c.assigned_at IS NOT NULL')}) t
     GROUP BY hour_start, group_key, agent_key, wait_edge_ms`,
  );
  const insertTopics = db.prepare(
    `INSERT INTO report_topic_hours (hour_start, group_key, agent_key, topic_key, n)
     SELECT ${hourStartSql('c.ended_at')} AS h, COALESCE(c.group_id, '') AS g, COALESCE(c.agent_id, '') AS a, COALESCE(c.summary_topic_id, '') AS t, COUNT(*)
     FROM conversations c WHERE c.state = 'ended' AND c.ended_at >= @from AND c.ended_at < @to
     GROUP BY h, g, a, t`,
  );
  const sumStatements = new Map<string, ReturnType<SqlDb['prepare']>>();
  const statusRows = db.prepare(
    `SELECT agent_id, at, status, reason FROM (
       SELECT a.agent_id, a.at, a.status, a.reason, a.rowid FROM agent_activity a WHERE a.kind = 'status' AND a.at >= @from AND a.at < @to
       UNION ALL
       SELECT a.agent_id, a.at, a.status, a.reason, a.rowid FROM agent_activity a
       WHERE a.kind = 'status' AND a.at < @from AND a.rowid = (
         SELECT b.rowid FROM agent_activity b WHERE b.agent_id = a.agent_id AND b.kind = 'status' AND b.at < @from ORDER BY b.at DESC, b.rowid DESC LIMIT 1)
     ) t ORDER BY agent_id, at, rowid`,
  );
  const notResponding = db.prepare(
    `SELECT agent_id, COUNT(*) AS n FROM agent_activity WHERE kind = 'status' AND reason = 'not-responding' AND at >= ? AND at < ? GROUP BY agent_id`,
  );
  const offline = db.prepare(
    'SELECT id, name, created_at, replied_at, replied_by FROM offline_messages WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id',
  );

  const sumsRead = (scope: ReportScope, by: RollupKey): ConversationSums[] => {
    const sql = `SELECT ${KEY_COLUMN[by]} AS key, ${SUM_COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', ')}
                 FROM report_conversation_hours WHERE ${scopeWhere(scope)} GROUP BY ${KEY_COLUMN[by]}`;
    let statement = sumStatements.get(sql);
    if (!statement) sumStatements.set(sql, (statement = db.prepare(sql)));
    return fromRows<ConversationSums>(statement.all(scopeParams(scope))).map((row) => ({ ...row, key: String(row.key) }));
  };

  return {
    state: () => {
      const row = state.get();
      return row ? fromRow<RollupState>(row) : undefined;
    },
    saveState: (s) => saveState.run(s),
    changedConversations: (afterSeq, limit) => {
      const ids = new Set<string>();
      for (const row of events.all(afterSeq, limit) as { type: string; payload: string }[]) {
        const { event } = JSON.parse(row.payload) as { event: { conversation?: { id: string }; message?: { conversationId: string } } };
        const id = event.conversation?.id ?? event.message?.conversationId;
        if (id) ids.add(id);
      }
      // The watermark moves past every event read, of any type (the page is `limit` events of all types).
      return { lastSeq: Math.max(afterSeq, (lastEvent.get(afterSeq, limit) as { n: number }).n), ids: [...ids] };
    },
    conversationMoments: (ids) => {
      const out: number[] = [];
      inChunks(ids, (chunk) => {
        const sql = `SELECT created_at, ended_at, evaluation_at FROM conversations WHERE id IN (${chunk.map(() => '?').join(', ')})`;
        for (const row of cachedStatement(db, sql).all(...chunk) as Record<string, number | null>[])
          for (const at of [row.created_at, row.ended_at, row.evaluation_at]) if (at !== null && at !== undefined) out.push(Number(at));
      });
      return out;
    },
    factSpan: () => {
      const row = span.get() as { min: number | null; max1: number | null; max2: number | null; max3: number | null };
      if (row.min === null) return undefined;
      return { min: Number(row.min), max: Math.max(...[row.max1, row.max2, row.max3].filter((v): v is number => v !== null).map(Number)) };
    },
    recompute: (from, to, alignMs) => {
      const params = { from, to, align: alignMs, prefix: AUTO_REPLY_CLIENT_PREFIX, prefixLength: AUTO_REPLY_CLIENT_PREFIX.length };
      for (const statement of deletes) statement.run({ from, to });
      insertSums.run(params);
      insertWaits.run(params);
      insertTopics.run({ from, to, align: alignMs });
    },
    clearBefore: (hourStart) => {
      for (const table of ROLLUP_TABLES) cachedStatement(db, `DELETE FROM ${table} WHERE hour_start < ?`).run(hourStart);
    },
    sums: sumsRead,
    waits: (scope, by) => {
      const sql = `SELECT ${KEY_COLUMN[by]} AS key, wait_edge_ms AS edge_ms, SUM(n) AS n FROM report_wait_histogram
                   WHERE ${scopeWhere(scope)} GROUP BY ${KEY_COLUMN[by]}, wait_edge_ms ORDER BY ${KEY_COLUMN[by]}, wait_edge_ms`;
      return fromRows<WaitBucket>(cachedStatement(db, sql).all(scopeParams(scope))).map((row) => ({ ...row, key: String(row.key) }));
    },
    topics: (scope) => {
      const sql = `SELECT topic_key, SUM(n) AS n FROM report_topic_hours WHERE ${scopeWhere(scope)} GROUP BY topic_key`;
      return fromRows<{ topicKey: string; n: number }>(cachedStatement(db, sql).all(scopeParams(scope)));
    },
    comments: (scope, limit) => {
      const sql = `SELECT c.id AS conversation_id, c.room_no, c.agent_id, c.evaluation_rating AS rating, c.evaluation_comment AS comment, c.evaluation_at AS at
                   FROM conversations c WHERE c.evaluation_at >= @from AND c.evaluation_at < @to AND c.evaluation_rating IS NOT NULL
                   AND c.evaluation_comment IS NOT NULL AND c.evaluation_comment <> ''${conversationScope(scope)}
                   ORDER BY c.evaluation_at DESC, c.id DESC LIMIT ${Math.trunc(limit)}`;
      return fromRows<CommentRow>(cachedStatement(db, sql).all(scopeParams(scope)));
    },
    statusFacts: (from, to) => fromRows<StatusFact>(statusRows.all({ from, to })),
    notResponding: (from, to) => new Map((notResponding.all(from, to) as { agent_id: string; n: number }[]).map((row) => [row.agent_id, Number(row.n)])),
    calls: (scope) => {
      const sql = `SELECT * FROM calls c WHERE c.started_at >= @from AND c.started_at < @to
                   ${scope.agentKey !== undefined ? 'AND c.agent_id = @agentKey' : ''}
                   ${scope.groupKey !== undefined ? "AND c.agent_id IN (SELECT id FROM agents WHERE COALESCE(group_id, '') = @groupKey)" : ''}
                   ORDER BY c.started_at, c.id`;
      return fromRows<CallRow>(cachedStatement(db, sql).all(scopeParams(scope)));
    },
    offlineMessages: (from, to) => fromRows<OfflineFactRow>(offline.all(from, to)),
    sources: (scope) => {
      // Conversations started and invitations sent in the range, each under its visitor's profile.
      const sql = `SELECT COALESCE(p.search_engine, '') AS search_engine, COALESCE(p.first_referrer, '') AS first_referrer,
                          COALESCE(p.search_keyword, '') AS search_keyword, COALESCE(p.region, '') AS region,
                          COALESCE(p.landing_page, '') AS landing_page, SUM(f.conversation) AS conversations,
                          COUNT(DISTINCT CASE WHEN f.conversation = 1 THEN f.visitor_id END) AS visitors,
                          SUM(f.invited) AS invitations_sent, SUM(f.accepted) AS invitations_accepted
                   FROM (SELECT c.visitor_id, 1 AS conversation, 0 AS invited, 0 AS accepted FROM conversations c
                         WHERE c.created_at >= @from AND c.created_at < @to${conversationScope(scope)}
                         UNION ALL
                         SELECT i.visitor_id, 0, 1, CASE WHEN i.state = 'accepted' THEN 1 ELSE 0 END FROM invitations i
                         WHERE i.created_at >= @from AND i.created_at < @to${invitationScope(scope)}) f
                   LEFT JOIN visitor_profiles p ON p.visitor_id = f.visitor_id
                   GROUP BY 1, 2, 3, 4, 5`;
      return fromRows<SourceFactRow>(cachedStatement(db, sql).all(scopeParams(scope))).map((row) => ({
        ...row,
        conversations: Number(row.conversations),
        visitors: Number(row.visitors),
        invitationsSent: Number(row.invitationsSent),
        invitationsAccepted: Number(row.invitationsAccepted),
      }));
    },
    drillConversations: (drill) => {
      const moment = MOMENT_COLUMN[drill.moment];
      const traffic = drill.trafficSources ? trafficSourceWhere(drill.trafficSources) : undefined;
      const where = [
        `${moment} >= @from AND ${moment} < @to`,
        drill.moment === 'ended' ? "c.state = 'ended'" : '',
        drill.moment === 'evaluated' ? 'c.evaluation_rating IS NOT NULL' : '',
        drill.answered === true ? 'c.assigned_at IS NOT NULL' : drill.answered === false ? 'c.assigned_at IS NULL' : '',
        drill.withAgent === true ? 'c.agent_id IS NOT NULL' : drill.withAgent === false ? 'c.agent_id IS NULL' : '',
        drill.valid !== undefined ? 'c.valid = @valid' : '',
        drill.endedBy !== undefined ? 'c.ended_by = @endedBy' : '',
        drill.rating !== undefined ? 'c.evaluation_rating = @rating' : '',
        drill.topicKey !== undefined ? "COALESCE(c.summary_topic_id, '') = @topicKey" : '',
        ...Object.keys(drill.profile ?? {}).map((k) => `COALESCE(${PROFILE_COLUMN[k as keyof typeof PROFILE_COLUMN]}, '') = @p_${k}`),
        drill.trafficSources ? traffic!.sql : '',
        drill.hourStarts ? `${hourStartSql(moment)} IN (${drill.hourStarts.map((h) => String(Math.trunc(h))).join(', ') || 'NULL'})` : '',
      ].filter(Boolean);
      const params: Record<string, unknown> = {
        ...scopeParams(drill),
        ...(drill.valid !== undefined ? { valid: drill.valid ? 1 : 0 } : {}),
        ...(drill.endedBy !== undefined ? { endedBy: drill.endedBy } : {}),
        ...(drill.rating !== undefined ? { rating: drill.rating } : {}),
        ...(drill.topicKey !== undefined ? { topicKey: drill.topicKey } : {}),
        ...Object.fromEntries(Object.entries(drill.profile ?? {}).map(([k, v]) => [`p_${k}`, v])),
        ...traffic?.params,
        ...(drill.hourStarts ? { align: drill.alignMs } : {}),
      };
      const from = `FROM conversations c LEFT JOIN visitor_profiles p ON p.visitor_id = c.visitor_id WHERE ${where.join(' AND ')}${conversationScope(drill)}`;
      const total = Number((cachedStatement(db, `SELECT COUNT(*) AS n ${from}`).get(params) as { n: number }).n);
      const ids = (
        cachedStatement(db, `SELECT c.id ${from} ORDER BY ${moment} DESC, c.id DESC LIMIT ${Math.trunc(drill.limit)} OFFSET ${Math.trunc(drill.offset)}`).all(
          params,
        ) as { id: string }[]
      ).map((row) => row.id);
      return { total, ids };
    },
    drillCalls: (drill) => {
      const where = [
        'c.started_at >= @from AND c.started_at < @to',
        drill.agentKey !== undefined ? 'c.agent_id = @agentKey' : '',
        drill.groupKey !== undefined ? "c.agent_id IN (SELECT id FROM agents WHERE COALESCE(group_id, '') = @groupKey)" : '',
        drill.direction ? 'c.direction = @direction' : '',
        drill.results ? `c.result IN (${drill.results.map((r) => `'${r.replace(/[^a-z]/g, '')}'`).join(', ')})` : '',
        drill.wrapUpKey !== undefined ? "COALESCE(c.wrap_up_code_id, '') = @wrapUpKey" : '',
        drill.hourStarts ? `${hourStartSql('c.started_at')} IN (${drill.hourStarts.map((h) => String(Math.trunc(h))).join(', ') || 'NULL'})` : '',
      ].filter(Boolean);
      const params: Record<string, unknown> = {
        ...scopeParams(drill),
        ...(drill.direction ? { direction: drill.direction } : {}),
        ...(drill.wrapUpKey !== undefined ? { wrapUpKey: drill.wrapUpKey } : {}),
        ...(drill.hourStarts ? { align: drill.alignMs } : {}),
      };
      const from = `FROM calls c WHERE ${where.join(' AND ')}`;
      const total = Number((cachedStatement(db, `SELECT COUNT(*) AS n ${from}`).get(params) as { n: number }).n);
      const rows = fromRows<CallRow>(
        cachedStatement(db, `SELECT c.* ${from} ORDER BY c.started_at DESC, c.id DESC LIMIT ${Math.trunc(drill.limit)} OFFSET ${Math.trunc(drill.offset)}`).all(
          params,
        ),
      );
      return { total, rows };
    },
  };
}

export function sqlReportRepositories(db: SqlDb): ReportRepositories {
  return { reports: sqlReports(db) };
}
