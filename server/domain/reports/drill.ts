/**
 * Drill-down: the conversations, calls or 留言 behind one number. Each measure reads the rows
 * with the definition its figure has (shared/protocol/rest-reports.ts), so the page's total is
 * the number that was clicked.
 */
import type { DrillMeasure, DrillPage, DrillQuery } from '../../../shared/protocol/rest-reports.js';
import type { CallDrill, ConversationDrill, ReportScope } from '../../store/report-types.js';
import { HOUR_MS, hourStartOf } from '../../store/sql/report-buckets.js';
import type { DomainContext } from '../context.js';
import { toConversation } from '../dto.js';
import { refuse } from '../errors.js';
import { toStoredCall } from '../phone/calls.js';
import { dayBounds } from '../monitoring/company-day.js';
import { MISSED_RESULTS, trafficSource } from './other-reports.js';
import { dayAndHour, type ReportFrame } from './range.js';
import { alignOf } from './rollups.js';

type ConversationPart = Omit<ConversationDrill, 'from' | 'to' | 'offset' | 'limit' | 'alignMs'>;
type CallPart = Omit<CallDrill, 'from' | 'to' | 'offset' | 'limit' | 'alignMs'>;

const CONVERSATION_MEASURES: Partial<Record<DrillMeasure, ConversationPart>> = {
  offered: { moment: 'created' },
  answered: { moment: 'created', answered: true },
  abandoned: { moment: 'ended', withAgent: false },
  handled: { moment: 'ended', withAgent: true, answered: true },
  valid: { moment: 'ended', valid: true },
  invalid: { moment: 'ended', valid: false },
  endedByVisitor: { moment: 'ended', endedBy: 'visitor' },
  endedByAgent: { moment: 'ended', endedBy: 'agent' },
  endedBySystem: { moment: 'ended', endedBy: 'system' },
  rated: { moment: 'evaluated' },
  topic: { moment: 'ended' },
  source: { moment: 'created' },
};

const CALL_MEASURES: Partial<Record<DrillMeasure, CallPart>> = {
  calls: {},
  callsOffered: { direction: 'inbound' },
  callsAnswered: { direction: 'inbound', results: ['answered', 'transferred'] },
  callsMissed: { direction: 'inbound', results: [...MISSED_RESULTS] },
  callsAbandoned: { direction: 'inbound', results: ['cancelled'] },
  callsOutbound: { direction: 'outbound' },
  wrapUpCode: {},
};

/** The hour starts of one hour of the day over [start, end), aligned as the rollups are. */
function hourStarts(start: number, end: number, hour: number, timeZone: string, alignMs: number): number[] {
  const out: number[] = [];
  for (let at = hourStartOf(start, alignMs); at < end; at += HOUR_MS) if (at >= start && dayAndHour(at, timeZone).hour === hour) out.push(at);
  return out;
}

/**
 * The (search engine, first referrer) pairs that read as traffic source `key`. The key is derived
 * in TypeScript (a URL's host), so the pairs are taken from the profiles the range's sources read
 * gives and matched exactly — the drill's total is then the row's count.
 */
function trafficSourcesOf(ctx: DomainContext, scope: ReportScope, key: string): { searchEngine: string; firstReferrer: string }[] {
  const pairs = new Map<string, { searchEngine: string; firstReferrer: string }>();
  for (const row of ctx.store.reports.sources(scope))
    if (trafficSource(row) === key)
      pairs.set(JSON.stringify([row.searchEngine, row.firstReferrer]), { searchEngine: row.searchEngine, firstReferrer: row.firstReferrer });
  return [...pairs.values()];
}

export function drill(ctx: DomainContext, frame: ReportFrame, query: DrillQuery): DrillPage {
  const alignMs = alignOf(frame.timeZone, ctx.clock());
  const { start, end } = query.date ? dayBounds(query.date, frame.timeZone) : frame.period;
  const offset = (query.page - 1) * query.pageSize;
  const groupKey = query.noGroup ? '' : frame.groupKey;
  if (query.noGroup && frame.groupKey !== undefined)
    refuse('VALIDATION_FAILED', 'noGroup and a group cannot both be asked', { 'query.noGroup': 'conflicts with the group' });
  const base = {
    from: start,
    to: end,
    ...(groupKey !== undefined ? { groupKey } : {}),
    ...(frame.agentKey !== undefined ? { agentKey: frame.agentKey } : {}),
    ...(query.hour !== undefined ? { hourStarts: hourStarts(start, end, query.hour, frame.timeZone, alignMs) } : {}),
    alignMs,
    offset,
    limit: query.pageSize,
  };
  const conversation = CONVERSATION_MEASURES[query.measure];
  if (conversation) {
    const topicKey = query.noTopic ? '' : query.topicId;
    if (query.measure === 'source' && (query.dimension === undefined || query.key === undefined))
      refuse('VALIDATION_FAILED', 'A source drill names its dimension and key', { 'query.dimension': 'required with measure source' });
    const profile =
      query.measure === 'source' && query.dimension && query.key !== undefined
        ? query.dimension === 'keyword'
          ? { searchKeyword: query.key }
          : query.dimension === 'region'
            ? { region: query.key }
            : query.dimension === 'landingPage'
              ? { landingPage: query.key }
              : undefined
        : undefined;
    const trafficSources = query.measure === 'source' && query.dimension === 'source' ? trafficSourcesOf(ctx, base, query.key!) : undefined;
    const { total, ids } = ctx.store.reports.drillConversations({
      ...base,
      ...conversation,
      ...(query.rating !== undefined ? { rating: query.rating } : {}),
      ...(topicKey !== undefined ? { topicKey } : {}),
      ...(profile ? { profile } : {}),
      ...(trafficSources ? { trafficSources } : {}),
    });
    const items = ids
      .map((id) => ctx.store.conversations.byId(id))
      .filter((row) => row !== undefined)
      .map((row) => toConversation(ctx, row));
    return { kind: 'conversations', total, items };
  }
  const call = CALL_MEASURES[query.measure];
  if (call) {
    const wrapUpKey = query.noWrapUpCode ? '' : query.wrapUpCodeId;
    const { total, rows } = ctx.store.reports.drillCalls({ ...base, ...call, ...(wrapUpKey !== undefined ? { wrapUpKey } : {}) });
    return { kind: 'calls', total, items: rows.map((row) => toStoredCall(ctx, row)) };
  }
  // 留言: those left in the range (and, filtered, replied by the agents in scope).
  const groups = new Map(ctx.store.agents.list().map((a) => [a.id, a.groupId ?? '']));
  const rows = ctx.store.reports
    .offlineMessages(start, end)
    .filter((row) => query.measure === 'offlineReceived' || row.repliedAt !== null)
    .filter((row) => query.hour === undefined || dayAndHour(row.createdAt, frame.timeZone).hour === query.hour)
    .filter((row) => frame.agentKey === undefined || row.repliedBy === frame.agentKey)
    .filter((row) => frame.groupKey === undefined || (row.repliedBy !== null && groups.get(row.repliedBy) === frame.groupKey))
    .reverse();
  return { kind: 'offlineMessages', total: rows.length, items: rows.slice(offset, offset + query.pageSize) };
}
