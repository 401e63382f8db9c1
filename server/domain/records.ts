/**
 * Conversation records (对话记录): ended conversations found by filters, sorted and paged by the
 * store. Agents see only their own; naming another agent is refused rather than silently ignored,
 * so a client bug cannot look like "no records".
 */
import type { Conversation } from '../../shared/domain.js';
import { RECORD_LIMITS, type RecordExportQuery, type RecordPage, type RecordQuery } from '../../shared/protocol/rest-records.js';
import type { RecordFilter } from '../store/records-types.js';
import type { DomainContext, Principal } from './context.js';
import { toConversation } from './dto.js';
import { refuse } from './errors.js';
import { toReviewMark } from './supervision/dto.js';

type Staff = Extract<Principal, { kind: 'staff' }>;
type Filters = Omit<RecordQuery, 'page' | 'pageSize'>;

function scopedFilter(principal: Staff, query: Filters, offset: number, limit: number): RecordFilter {
  let agentId = query.agentId;
  if (principal.agent.role !== 'admin') {
    if (agentId !== undefined && agentId !== principal.agent.id)
      refuse('FORBIDDEN', 'Agents see only their own records', { 'query.agentId': 'must be your own id' });
    agentId = principal.agent.id;
  }
  const { page: _page, pageSize: _pageSize, format: _format, ...rest } = query as Filters & { page?: number; pageSize?: number; format?: string };
  return { ...rest, agentId, offset, limit };
}

export function queryRecords(ctx: DomainContext, principal: Staff, query: RecordQuery): RecordPage {
  const filter = scopedFilter(principal, query, (query.page - 1) * query.pageSize, query.pageSize);
  const { total, rows } = ctx.store.records.search(filter);
  return { total, items: withReviews(ctx, rows) };
}

/** Records show a supervisor's 标记待复核 (domain/supervision/review.ts): one read for the page. */
function withReviews(ctx: DomainContext, rows: Parameters<typeof toConversation>[1][]): Conversation[] {
  const reviews = ctx.store.reviews.forConversations(rows.map((row) => row.id));
  return rows.map((row) => ({ ...toConversation(ctx, row), review: toReviewMark(reviews.get(row.id)) }));
}

/** Every record the export may contain, at most RECORD_LIMITS.exportRowsMax. */
export function recordsForExport(ctx: DomainContext, principal: Staff, query: RecordExportQuery): { total: number; items: Conversation[] } {
  const { format: _format, ...filters } = query;
  const { total, rows } = ctx.store.records.search(scopedFilter(principal, filters, 0, RECORD_LIMITS.exportRowsMax));
  return { total, items: withReviews(ctx, rows) };
}
