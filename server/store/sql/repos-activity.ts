/** The agent activity log and the wallboard's reads (./activity-types.ts), one SQL text for both engines. */
import { AUTO_REPLY_CLIENT_PREFIX } from '../../../shared/phrases.js';
import type { ActivityRepositories, ActivityRow, DayFigures } from '../activity-types.js';
import type { CallRow } from '../phone-types.js';
import { type SqlDb, fromRow, fromRows, insertRow } from './sql-db.js';

/** Facts of one millisecond keep the order they were written in (rowid; PostgreSQL mirrors it). */
const ORDER = 'ORDER BY at, rowid';

// A conversation's first assignment is its first 'assigned' fact (older conversations: assigned_at).
// The reports' rollups (./repos-reports.ts) use the same two expressions, so their figures agree.
export const FIRST_ASSIGNED = `COALESCE((SELECT MIN(a.at) FROM agent_activity a WHERE a.conversation_id = c.id AND a.kind = 'assigned'), c.assigned_at)`;
// The first message an agent typed (automatic replies carry a client id prefix and do not count).
export const FIRST_REPLY = `(SELECT MIN(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND m.sender = 'agent'
                       AND substr(m.client_id, 1, @prefixLength) <> @prefix)`;

export function sqlActivity(db: SqlDb): ActivityRepositories['activity'] {
  const last = db.prepare(`SELECT * FROM agent_activity WHERE agent_id = ? AND kind = 'status' ORDER BY at DESC, rowid DESC LIMIT 1`);
  const lastAll = db.prepare(
    `SELECT a.* FROM agent_activity a
     WHERE a.kind = 'status' AND a.at = (SELECT MAX(b.at) FROM agent_activity b WHERE b.agent_id = a.agent_id AND b.kind = 'status')
     ORDER BY a.at, a.rowid`,
  );
  const before = db.prepare(`SELECT * FROM agent_activity WHERE agent_id = ? AND kind = 'status' AND at < ? ORDER BY at DESC, rowid DESC LIMIT 1`);
  const between = db.prepare(`SELECT * FROM agent_activity WHERE agent_id = ? AND at >= ? AND at < ? ${ORDER}`);
  const calls = db.prepare('SELECT * FROM calls WHERE agent_id = ? AND started_at >= ? AND started_at < ? ORDER BY started_at, id');
  const started = db.prepare(
    `SELECT group_id, COUNT(*) AS offered, COUNT(assigned_at) AS answered,
            COALESCE(SUM(first_reply - first_assigned), 0) AS response_sum_ms, COUNT(first_reply - first_assigned) AS response_count
     FROM (SELECT c.group_id, c.assigned_at, ${FIRST_ASSIGNED} AS first_assigned, ${FIRST_REPLY} AS first_reply
           FROM conversations c WHERE c.created_at >= @from AND c.created_at < @to) t
     GROUP BY group_id`,
  );
  const ended = db.prepare(
    `SELECT group_id, SUM(CASE WHEN agent_id IS NULL THEN 1 ELSE 0 END) AS abandoned,
            COALESCE(SUM(CASE WHEN agent_id IS NOT NULL THEN ended_at - first_assigned END), 0) AS handling_sum_ms,
            COUNT(CASE WHEN agent_id IS NOT NULL THEN ended_at - first_assigned END) AS handled
     FROM (SELECT c.group_id, c.agent_id, c.ended_at, ${FIRST_ASSIGNED} AS first_assigned
           FROM conversations c WHERE c.state = 'ended' AND c.ended_at >= @from AND c.ended_at < @to) t
     GROUP BY group_id`,
  );
  const rated = db.prepare(
    `SELECT group_id, COUNT(*) AS rating_count, COALESCE(SUM(evaluation_rating), 0) AS rating_sum,
            SUM(CASE WHEN evaluation_rating >= 4 THEN 1 ELSE 0 END) AS satisfied
     FROM conversations WHERE evaluation_at >= @from AND evaluation_at < @to AND evaluation_rating IS NOT NULL
     GROUP BY group_id`,
  );
  const one = (row: unknown): ActivityRow | undefined => (row ? fromRow<ActivityRow>(row) : undefined);
  return {
    insert: (row) => insertRow(db, 'agent_activity', row),
    lastStatus: (agentId) => one(last.get(agentId)),
    lastStatuses: () => new Map(fromRows<ActivityRow>(lastAll.all()).map((row) => [row.agentId, row])),
    statusBefore: (agentId, at) => one(before.get(agentId, at)),
    between: (agentId, from, to) => fromRows<ActivityRow>(between.all(agentId, from, to)),
    callsBetween: (agentId, from, to) => fromRows<CallRow>(calls.all(agentId, from, to)),
    dayFigures: (from, to) => {
      const params = { from, to, prefix: AUTO_REPLY_CLIENT_PREFIX, prefixLength: AUTO_REPLY_CLIENT_PREFIX.length };
      const byGroup = new Map<string | null, DayFigures>();
      const entry = (groupId: string | null): DayFigures => {
        let figures = byGroup.get(groupId);
        if (!figures) {
          figures = {
            groupId,
            offered: 0,
            answered: 0,
            responseSumMs: 0,
            responseCount: 0,
            abandoned: 0,
            handlingSumMs: 0,
            handled: 0,
            ratingCount: 0,
            ratingSum: 0,
            satisfied: 0,
          };
          byGroup.set(groupId, figures);
        }
        return figures;
      };
      for (const row of fromRows<Partial<DayFigures> & { groupId: string | null }>(started.all(params))) Object.assign(entry(row.groupId), row);
      for (const row of fromRows<Partial<DayFigures> & { groupId: string | null }>(ended.all({ from, to }))) Object.assign(entry(row.groupId), row);
      for (const row of fromRows<Partial<DayFigures> & { groupId: string | null }>(rated.all({ from, to }))) Object.assign(entry(row.groupId), row);
      return [...byGroup.values()];
    },
  };
}

export function sqlActivityRepositories(db: SqlDb): ActivityRepositories {
  return { activity: sqlActivity(db) };
}
