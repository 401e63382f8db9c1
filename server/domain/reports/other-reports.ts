/**
 * 留言, 来源 and 通话: small enough to read from their raw rows for the range (indexed by time),
 * so they need no rollup — 留言 and calls are a fraction of conversations; sources are grouped by
 * the database over the conversations started in the range.
 */
import type { CallFigures, CallsReport, OfflineFigures, OfflineReport, SourceRow, SourcesReport } from '../../../shared/protocol/rest-reports.js';
import { REPORT_LIMITS } from '../../../shared/protocol/rest-reports.js';
import type { CallRow } from '../../store/phone-types.js';
import type { OfflineFactRow, SourceFactRow } from '../../store/report-types.js';
import type { DomainContext } from '../context.js';
import { callsInScope } from './conversation-reports.js';
import { ratio } from './figures.js';
import { byName, namesOf } from './names.js';
import { dayAndHour, scopeFor, type Period, type ReportFrame } from './range.js';

const head = (ctx: DomainContext, frame: ReportFrame) => ({
  range: frame.period.range,
  previousRange: frame.previous?.range ?? null,
  computedAt: ctx.clock(),
});

/** Rows grouped by a key of each. */
function groupRows<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

// — 留言 —

function offlineFigures(rows: readonly OfflineFactRow[], counted: (row: OfflineFactRow) => boolean, filtered: boolean): OfflineFigures {
  const replied = rows.filter((row) => row.repliedAt !== null && counted(row));
  return {
    received: filtered ? null : rows.length,
    replied: replied.length,
    replyRate: filtered ? null : ratio(replied.length, rows.length),
    replyAvgMs: ratio(
      replied.reduce((ms, row) => ms + (row.repliedAt! - row.createdAt), 0),
      replied.length,
    ),
  };
}

/** Whose replies count: everyone's unfiltered, else the replies of the agents in scope. */
function replierInScope(ctx: DomainContext, frame: ReportFrame): { filtered: boolean; counted: (row: OfflineFactRow) => boolean } {
  if (frame.groupKey === undefined && frame.agentKey === undefined) return { filtered: false, counted: () => true };
  const groups = new Map(ctx.store.agents.list().map((a) => [a.id, a.groupId ?? '']));
  return {
    filtered: true,
    counted: (row) =>
      row.repliedBy !== null &&
      (frame.agentKey === undefined || row.repliedBy === frame.agentKey) &&
      (frame.groupKey === undefined || groups.get(row.repliedBy) === frame.groupKey),
  };
}

export function offlineReport(ctx: DomainContext, frame: ReportFrame): OfflineReport {
  const names = namesOf(ctx);
  const { filtered, counted } = replierInScope(ctx, frame);
  const read = (period: Period) => ctx.store.reports.offlineMessages(period.start, period.end);
  const rows = read(frame.period);
  const perDay = groupRows(rows, (row) => dayAndHour(row.createdAt, frame.timeZone).date);
  const perAgent = groupRows(
    rows.filter((row) => row.repliedBy !== null && counted(row)),
    (row) => row.repliedBy!,
  );
  return {
    ...head(ctx, frame),
    totals: offlineFigures(rows, counted, filtered),
    previousTotals: frame.previous ? offlineFigures(read(frame.previous), counted, filtered) : null,
    byDay: frame.period.days.map((day) => ({ date: day.date, ...offlineFigures(perDay.get(day.date) ?? [], counted, filtered) })),
    byAgent: [...perAgent]
      .map(([agentId, replied]) => ({ ...names.agent(agentId), ...offlineFigures(replied, () => true, true) }))
      .sort(byName((r) => r.agentName)),
  };
}

// — 来源 —

/** The traffic source of a profile: its search engine, else its referrer's host, '' for 直接访问. */
export function trafficSource(row: Pick<SourceFactRow, 'searchEngine' | 'firstReferrer'>): string {
  if (row.searchEngine) return row.searchEngine;
  if (!row.firstReferrer) return '';
  try {
    return new URL(row.firstReferrer).host;
  } catch {
    return row.firstReferrer;
  }
}

const DIMENSION_OF = {
  source: trafficSource,
  keyword: (row: SourceFactRow) => row.searchKeyword,
  region: (row: SourceFactRow) => row.region,
  landingPage: (row: SourceFactRow) => row.landingPage,
};

/**
 * One dimension's rows, largest first; past sourceRowsMax the rest become one row with key null.
 * A visitor has one profile, so a visitor's conversations all carry the same value: distinct
 * visitors add up across the combinations the database grouped by.
 */
function dimension(rows: readonly SourceFactRow[], keyOf: (row: SourceFactRow) => string): SourceRow[] {
  const sums = new Map<string, SourceRow>();
  for (const row of rows) {
    const key = keyOf(row);
    sums.set(key, addSourceFigures(sums.get(key) ?? emptySourceRow(key), row));
  }
  const sorted = [...sums.values()].sort(
    (a, b) => b.conversations - a.conversations || b.invitationsSent - a.invitationsSent || String(a.key).localeCompare(String(b.key)),
  );
  if (sorted.length <= REPORT_LIMITS.sourceRowsMax) return sorted;
  const kept = sorted.slice(0, REPORT_LIMITS.sourceRowsMax - 1);
  const other = sorted.slice(REPORT_LIMITS.sourceRowsMax - 1).reduce(addSourceFigures, emptySourceRow(null));
  return [...kept, other];
}

const emptySourceRow = (key: string | null): SourceRow => ({ key, conversations: 0, visitors: 0, invitationsSent: 0, invitationsAccepted: 0 });

function addSourceFigures(sum: SourceRow, row: Omit<SourceRow, 'key'>): SourceRow {
  return {
    key: sum.key,
    conversations: sum.conversations + row.conversations,
    visitors: sum.visitors + row.visitors,
    invitationsSent: sum.invitationsSent + row.invitationsSent,
    invitationsAccepted: sum.invitationsAccepted + row.invitationsAccepted,
  };
}

const sourceTotals = (rows: readonly SourceFactRow[]) => ({
  conversations: rows.reduce((n, row) => n + row.conversations, 0),
  visitors: rows.reduce((n, row) => n + row.visitors, 0),
});

export function sourcesReport(ctx: DomainContext, frame: ReportFrame): SourcesReport {
  const rows = ctx.store.reports.sources(scopeFor(frame, frame.period));
  return {
    ...head(ctx, frame),
    totals: sourceTotals(rows),
    previousTotals: frame.previous ? sourceTotals(ctx.store.reports.sources(scopeFor(frame, frame.previous))) : null,
    source: dimension(rows, DIMENSION_OF.source),
    keyword: dimension(rows, DIMENSION_OF.keyword),
    region: dimension(rows, DIMENSION_OF.region),
    landingPage: dimension(rows, DIMENSION_OF.landingPage),
  };
}

// — 通话 —

/** Inbound results that rang at the agent and were not taken. */
export const MISSED_RESULTS = ['missed', 'rejected', 'busy'] as const;

export function callFigures(calls: readonly CallRow[]): CallFigures {
  const inbound = calls.filter((c) => c.direction === 'inbound');
  const outbound = calls.filter((c) => c.direction === 'outbound');
  const talked = calls.filter((c) => c.answeredAt !== null);
  const answered = inbound.filter((c) => c.answeredAt !== null).length;
  const talkMs = talked.reduce((ms, c) => ms + c.durationSeconds * 1000, 0);
  return {
    offered: inbound.length,
    answered,
    answerRate: ratio(answered, inbound.length),
    missed: inbound.filter((c) => (MISSED_RESULTS as readonly string[]).includes(c.result)).length,
    abandoned: inbound.filter((c) => c.result === 'cancelled').length,
    failed: inbound.filter((c) => c.result === 'failed').length,
    outbound: outbound.length,
    outboundAnswered: outbound.filter((c) => c.answeredAt !== null).length,
    talkMs,
    talkAvgMs: ratio(talkMs, talked.length),
  };
}

export function callsReport(ctx: DomainContext, frame: ReportFrame): CallsReport {
  const names = namesOf(ctx);
  const calls = callsInScope(ctx, frame, frame.period);
  const place = (c: CallRow) => dayAndHour(c.startedAt, frame.timeZone);
  const perDay = groupRows(calls, (c) => place(c).date);
  const perHour = groupRows(calls, (c) => place(c).hour);
  return {
    ...head(ctx, frame),
    totals: callFigures(calls),
    previousTotals: frame.previous ? callFigures(callsInScope(ctx, frame, frame.previous)) : null,
    byDay: frame.period.days.map((day) => ({ date: day.date, ...callFigures(perDay.get(day.date) ?? []) })),
    byHour: Array.from({ length: 24 }, (_, hour) => ({ hour, ...callFigures(perHour.get(hour) ?? []) })),
    byAgent: [...groupRows(calls, (c) => c.agentId)]
      .map(([agentId, rows]) => ({ ...names.agent(agentId), ...callFigures(rows) }))
      .sort(byName((r) => r.agentName)),
  };
}
