/** The records view's form and table state → the request of records:query / records:export. */
import type { RecordExportFormat, RecordExportQueryInput, RecordQueryInput, RecordSort } from '../../shared/protocol/rest-records.js';

export interface RecordFilters {
  /** [from, to] in ms epoch, from the time range picker. */
  range: [number, number] | null;
  keyword: string;
  agentId?: string;
  visitor: string;
  startedBy?: 'visitor' | 'transfer';
  endedBy?: 'visitor' | 'agent' | 'system';
  valid?: 'true' | 'false';
  rating?: number;
  topicId?: string;
}

export interface RecordTableState {
  page: number;
  pageSize: number;
  sort: RecordSort;
  order: 'asc' | 'desc';
}

export const EMPTY_FILTERS: RecordFilters = { range: null, keyword: '', visitor: '' };
export const FIRST_PAGE: RecordTableState = { page: 1, pageSize: 20, sort: 'createdAt', order: 'desc' };

const text = (value: string): string | undefined => value.trim() || undefined;

/** The filters only; the advanced ones count only while 高级查询 is open, so hidden values never narrow a search. */
function filterPart(filters: RecordFilters, advanced: boolean): Omit<RecordQueryInput, 'page' | 'pageSize' | 'sort' | 'order'> {
  const simple = {
    from: filters.range?.[0],
    to: filters.range?.[1],
    keyword: text(filters.keyword),
  };
  if (!advanced) return simple;
  return {
    ...simple,
    agentId: filters.agentId,
    visitor: text(filters.visitor),
    startedBy: filters.startedBy,
    endedBy: filters.endedBy,
    valid: filters.valid === undefined ? undefined : filters.valid === 'true',
    rating: filters.rating,
    topicId: filters.topicId,
  };
}

/** Drops undefined keys: the request schema is strict and the wire should stay small. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function toRecordQuery(filters: RecordFilters, advanced: boolean, table: RecordTableState): RecordQueryInput {
  return compact({ ...filterPart(filters, advanced), sort: table.sort, order: table.order, page: table.page, pageSize: table.pageSize });
}

export function toExportQuery(filters: RecordFilters, advanced: boolean, table: RecordTableState, format: RecordExportFormat): RecordExportQueryInput {
  return compact({ ...filterPart(filters, advanced), sort: table.sort, order: table.order, format });
}
