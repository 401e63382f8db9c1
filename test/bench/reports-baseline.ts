/**
 * The baseline of `npm run bench:reports`: each report's figures computed the plain way — GROUP BY
 * over the raw rows (conversations with their first assignment and first reply, messages, activity
 * log, calls, 留言, visitor profiles) at query time, no rollups. Same tables, same connection kind
 * and driver as the engine, so the ratio is what the rollups buy. Days and hours are cut at the
 * company zone's fixed offset (the bench uses Asia/Shanghai, UTC+8 with no daylight saving).
 * Each function returns how many result rows it read (so nothing is optimised away).
 */
import { AUTO_REPLY_CLIENT_PREFIX } from '../../shared/phrases.js';
import type { ReportName } from '../../shared/protocol/rest-reports.js';
import { FIRST_ASSIGNED, FIRST_REPLY } from '../../server/store/sql/repos-activity.js';
import { cachedStatement, type SqlDb } from '../../server/store/sql/sql-db.js';

const OFFSET_MS = 8 * 3_600_000;
const day = (column: string) => `((${column} + ${OFFSET_MS}) / 86400000)`;
const hour = (column: string) => `(((${column} + ${OFFSET_MS}) % 86400000) / 3600000)`;

/** The breakdowns a report shows: per day, hour of day, group and agent (of the conversation). */
const KEYS = (column: string) => [day(column), hour(column), "COALESCE(c.group_id, '')", "COALESCE(c.agent_id, '')"];

const rangeParams = (from: number, to: number) => ({ from, to, prefix: AUTO_REPLY_CLIENT_PREFIX, prefixLength: AUTO_REPLY_CLIENT_PREFIX.length });

function rows(db: SqlDb, sql: string, params: Record<string, unknown>): number {
  return cachedStatement(db, sql).all(params).length;
}

function volume(db: SqlDb, from: number, to: number): number {
  const params = rangeParams(from, to);
  let n = 0;
  for (const key of KEYS('c.created_at')) {
    n += rows(
      db,
      `SELECT ${key} AS k, COUNT(*) AS offered, SUM(CASE WHEN c.assigned_at IS NOT NULL THEN 1 ELSE 0 END) AS answered,
              AVG(CASE WHEN c.assigned_at IS NOT NULL THEN c.fa - c.created_at END) AS wait_avg, AVG(c.fr - c.fa) AS response_avg
       FROM (SELECT c.*, ${FIRST_ASSIGNED} AS fa, ${FIRST_REPLY} AS fr FROM conversations c WHERE c.created_at >= @from AND c.created_at < @to) c
       GROUP BY ${key}`,
      params,
    );
  }
  for (const key of KEYS('c.ended_at')) {
    n += rows(
      db,
      `SELECT ${key} AS k, COUNT(*) AS ended, SUM(CASE WHEN c.agent_id IS NULL THEN 1 ELSE 0 END) AS abandoned,
              SUM(CASE WHEN c.agent_id IS NOT NULL THEN 1 ELSE 0 END) AS handled, AVG(CASE WHEN c.agent_id IS NOT NULL THEN c.ended_at - c.fa END) AS handling,
              SUM(c.msgs) AS messages, SUM(CASE WHEN c.valid = 1 THEN 1 ELSE 0 END) AS valid, SUM(CASE WHEN c.valid = 0 THEN 1 ELSE 0 END) AS invalid,
              SUM(CASE WHEN c.ended_by = 'visitor' THEN 1 ELSE 0 END) AS by_visitor, SUM(CASE WHEN c.ended_by = 'agent' THEN 1 ELSE 0 END) AS by_agent,
              SUM(CASE WHEN c.ended_by = 'system' THEN 1 ELSE 0 END) AS by_system
       FROM (SELECT c.*, ${FIRST_ASSIGNED} AS fa,
                    (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.sender <> 'system') AS msgs
             FROM conversations c WHERE c.state = 'ended' AND c.ended_at >= @from AND c.ended_at < @to) c
       GROUP BY ${key}`,
      params,
    );
  }
  // The 90th percentile wait of the whole range: every wait, sorted.
  n += rows(
    db,
    `SELECT w FROM (SELECT ${FIRST_ASSIGNED} - c.created_at AS w FROM conversations c
                    WHERE c.created_at >= @from AND c.created_at < @to AND c.assigned_at IS NOT NULL) t ORDER BY w`,
    params,
  );
  return n;
}

function satisfaction(db: SqlDb, from: number, to: number): number {
  let n = 0;
  for (const key of [day('c.evaluation_at'), "COALESCE(c.group_id, '')", "COALESCE(c.agent_id, '')"]) {
    n += rows(
      db,
      `SELECT ${key} AS k, COUNT(*) AS rated, AVG(c.evaluation_rating) AS average,
              ${[1, 2, 3, 4, 5].map((r) => `SUM(CASE WHEN c.evaluation_rating = ${r} THEN 1 ELSE 0 END) AS r${r}`).join(', ')}
       FROM conversations c WHERE c.evaluation_at >= @from AND c.evaluation_at < @to AND c.evaluation_rating IS NOT NULL GROUP BY ${key}`,
      { from, to },
    );
  }
  n += rows(
    db,
    `SELECT c.id, c.room_no, c.agent_id, c.evaluation_rating, c.evaluation_comment, c.evaluation_at FROM conversations c
     WHERE c.evaluation_at >= @from AND c.evaluation_at < @to AND c.evaluation_rating IS NOT NULL AND c.evaluation_comment <> ''
     ORDER BY c.evaluation_at DESC LIMIT 200`,
    { from, to },
  );
  return n;
}

function offline(db: SqlDb, from: number, to: number): number {
  return (
    rows(
      db,
      `SELECT ${day('o.created_at')} AS k, COUNT(*) AS received, SUM(CASE WHEN o.replied_at IS NOT NULL THEN 1 ELSE 0 END) AS replied,
              AVG(o.replied_at - o.created_at) AS reply_avg
       FROM offline_messages o WHERE o.created_at >= @from AND o.created_at < @to GROUP BY ${day('o.created_at')}`,
      { from, to },
    ) +
    rows(
      db,
      `SELECT o.replied_by, COUNT(*) AS replied, AVG(o.replied_at - o.created_at) AS reply_avg
       FROM offline_messages o WHERE o.created_at >= @from AND o.created_at < @to AND o.replied_by IS NOT NULL GROUP BY o.replied_by`,
      { from, to },
    )
  );
}

function agents(db: SqlDb, from: number, to: number): number {
  const params = rangeParams(from, to);
  return (
    // Time per status needs the status rows in order (each lasts until the next).
    rows(db, `SELECT agent_id, at, status FROM agent_activity WHERE kind = 'status' AND at >= @from AND at < @to ORDER BY agent_id, at`, { from, to }) +
    rows(
      db,
      `SELECT c.agent_id, COUNT(*) AS handled, SUM(c.ended_at - c.fa) AS handling
       FROM (SELECT c.*, ${FIRST_ASSIGNED} AS fa FROM conversations c WHERE c.state = 'ended' AND c.ended_at >= @from AND c.ended_at < @to AND c.agent_id IS NOT NULL) c
       GROUP BY c.agent_id`,
      params,
    ) +
    rows(
      db,
      `SELECT c.agent_id, COUNT(*) AS answered, AVG(c.fr - c.fa) AS response
       FROM (SELECT c.*, ${FIRST_ASSIGNED} AS fa, ${FIRST_REPLY} AS fr FROM conversations c
             WHERE c.created_at >= @from AND c.created_at < @to AND c.assigned_at IS NOT NULL) c
       GROUP BY c.agent_id`,
      params,
    ) +
    rows(
      db,
      `SELECT agent_id, COUNT(*) AS rated, AVG(evaluation_rating) AS average FROM conversations
       WHERE evaluation_at >= @from AND evaluation_at < @to AND evaluation_rating IS NOT NULL GROUP BY agent_id`,
      { from, to },
    ) +
    rows(
      db,
      `SELECT agent_id, COUNT(*) AS n FROM agent_activity WHERE kind = 'status' AND reason = 'not-responding' AND at >= @from AND at < @to GROUP BY agent_id`,
      { from, to },
    ) +
    rows(
      db,
      `SELECT agent_id, COUNT(*) AS calls, SUM(CASE WHEN answered_at IS NOT NULL THEN 1 ELSE 0 END) AS answered, SUM(duration_seconds) AS talk
       FROM calls WHERE started_at >= @from AND started_at < @to GROUP BY agent_id`,
      { from, to },
    )
  );
}

function sources(db: SqlDb, from: number, to: number): number {
  let n = 0;
  for (const key of ['p.search_engine, p.first_referrer', 'p.search_keyword', 'p.region', 'p.landing_page']) {
    n += rows(
      db,
      `SELECT ${key}, COUNT(*) AS conversations, COUNT(DISTINCT c.visitor_id) AS visitors
       FROM conversations c LEFT JOIN visitor_profiles p ON p.visitor_id = c.visitor_id
       WHERE c.created_at >= @from AND c.created_at < @to GROUP BY ${key}`,
      { from, to },
    );
  }
  return n;
}

function topics(db: SqlDb, from: number, to: number): number {
  return (
    rows(
      db,
      `SELECT c.summary_topic_id, COUNT(*) AS n FROM conversations c WHERE c.state = 'ended' AND c.ended_at >= @from AND c.ended_at < @to GROUP BY c.summary_topic_id`,
      { from, to },
    ) + rows(db, `SELECT wrap_up_code_id, COUNT(*) AS n FROM calls WHERE started_at >= @from AND started_at < @to GROUP BY wrap_up_code_id`, { from, to })
  );
}

function calls(db: SqlDb, from: number, to: number): number {
  let n = 0;
  for (const key of [day('started_at'), hour('started_at'), 'agent_id']) {
    n += rows(
      db,
      `SELECT ${key} AS k,
              SUM(CASE WHEN direction = 'inbound' THEN 1 ELSE 0 END) AS offered,
              SUM(CASE WHEN direction = 'inbound' AND result IN ('answered', 'transferred') THEN 1 ELSE 0 END) AS answered,
              SUM(CASE WHEN direction = 'inbound' AND result IN ('missed', 'rejected', 'busy') THEN 1 ELSE 0 END) AS missed,
              SUM(CASE WHEN direction = 'inbound' AND result = 'cancelled' THEN 1 ELSE 0 END) AS abandoned,
              SUM(CASE WHEN result = 'failed' THEN 1 ELSE 0 END) AS failed,
              SUM(CASE WHEN direction = 'outbound' THEN 1 ELSE 0 END) AS outbound,
              SUM(CASE WHEN result IN ('answered', 'transferred') THEN duration_seconds ELSE 0 END) AS talk
       FROM calls WHERE started_at >= @from AND started_at < @to GROUP BY ${key}`,
      { from, to },
    );
  }
  return n;
}

export const BASELINES: Record<ReportName, (db: SqlDb, from: number, to: number) => number> = {
  volume,
  satisfaction,
  offline,
  agents,
  sources,
  topics,
  calls,
};
