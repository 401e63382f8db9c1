/** SQLite conversation records: every value bound as a parameter, column names from a fixed map. */
import type { ConversationRow } from '../types.js';
import type { RecordFilter, RecordRepositories } from '../records-types.js';
import { cachedStatement, type SqlDb, fromRows } from './sql-db.js';

const BOOLEANS = ['valid', 'evaluationPushed', 'awaitingVisitor'] as const;

const SORT_COLUMNS: Record<RecordFilter['sort'], string> = {
  createdAt: 'c.created_at',
  endedAt: 'c.ended_at',
  rating: 'c.evaluation_rating',
  roomNo: 'c.room_no',
};

/** A LIKE pattern matching `text` anywhere, with the user's % and _ taken literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

function whereClause(filter: RecordFilter): { sql: string; params: Record<string, unknown> } {
  const where = ["c.state = 'ended'"];
  const params: Record<string, unknown> = {};
  const add = (clause: string, name: string, value: unknown): void => {
    where.push(clause);
    params[name] = value;
  };
  if (filter.from !== undefined) add('c.created_at >= @from', 'from', filter.from);
  if (filter.to !== undefined) add('c.created_at <= @to', 'to', filter.to);
  if (filter.agentId !== undefined) add('c.agent_id = @agentId', 'agentId', filter.agentId);
  if (filter.visitor !== undefined) {
    add("(v.name LIKE @visitor ESCAPE '\\' OR c.room_no LIKE @visitor ESCAPE '\\')", 'visitor', containsPattern(filter.visitor));
  }
  if (filter.keyword !== undefined) {
    add(
      "EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.kind <> 'system' AND m.text LIKE @keyword ESCAPE '\\')",
      'keyword',
      containsPattern(filter.keyword),
    );
  }
  if (filter.startedBy !== undefined) add('c.started_by = @startedBy', 'startedBy', filter.startedBy);
  if (filter.endedBy !== undefined) add('c.ended_by = @endedBy', 'endedBy', filter.endedBy);
  if (filter.valid !== undefined) add('c.valid = @valid', 'valid', filter.valid ? 1 : 0);
  if (filter.rating !== undefined) add('c.evaluation_rating = @rating', 'rating', filter.rating);
  if (filter.topicId !== undefined) add('c.summary_topic_id = @topicId', 'topicId', filter.topicId);
  return { sql: `FROM conversations c JOIN visitors v ON v.id = c.visitor_id WHERE ${where.join(' AND ')}`, params };
}

export function sqlRecordRepositories(db: SqlDb): RecordRepositories {
  return {
    records: {
      search(filter) {
        const { sql, params } = whereClause(filter);
        const total = (cachedStatement(db, `SELECT COUNT(*) AS n ${sql}`).get(params) as { n: number }).n;
        const direction = filter.order === 'asc' ? 'ASC' : 'DESC';
        // Unrated / open-ended rows sort last either way; rowid keeps pages stable on ties.
        const column = SORT_COLUMNS[filter.sort];
        const orderBy = `${column} IS NULL, ${column} ${direction}, c.rowid ${direction}`;
        const rows = cachedStatement(db, `SELECT c.* ${sql} ORDER BY ${orderBy} LIMIT @limit OFFSET @offset`).all({
          ...params,
          limit: filter.limit,
          offset: filter.offset,
        });
        return { total, rows: fromRows<ConversationRow>(rows, BOOLEANS) };
      },
    },
  };
}
