/** 对话量, 满意度 and 对话主题: read from the conversation rollups, summed per day, hour, group and agent. */
import type { SatisfactionReport, TopicsReport, VolumeReport } from '../../../shared/protocol/rest-reports.js';
import type { RollupKey, WaitBucket } from '../../store/report-types.js';
import type { DomainContext } from '../context.js';
import { emptySums, foldBy, ratio, satisfactionFigures, sumOf, volumeFigures, type Sums } from './figures.js';
import { byName, namesOf } from './names.js';
import { dayAndHour, scopeFor, type Period, type ReportFrame } from './range.js';

const head = (ctx: DomainContext, frame: ReportFrame) => ({
  range: frame.period.range,
  previousRange: frame.previous?.range ?? null,
  computedAt: ctx.clock(),
});

/** The period's sums and wait histogram, keyed one way. */
function read(ctx: DomainContext, frame: ReportFrame, period: Period, by: RollupKey) {
  const scope = scopeFor(frame, period);
  return { sums: ctx.store.reports.sums(scope, by), waits: ctx.store.reports.waits(scope, by) };
}

/** Per day and per hour of the day, from the rows keyed by hour start. */
function byDayAndHour<T>(frame: ReportFrame, rows: (Sums & { key: string })[], waits: WaitBucket[], make: (s: Sums, w: WaitBucket[]) => T) {
  const place = new Map<string, { date: string; hour: number }>();
  const where = (key: string) => {
    let at = place.get(key);
    if (!at) place.set(key, (at = dayAndHour(Number(key), frame.timeZone)));
    return at;
  };
  const sumsByDay = foldBy(rows, (k) => where(k).date);
  const waitsByDay = foldBy(waits, (k) => where(k).date);
  const sumsByHour = foldBy(rows, (k) => where(k).hour);
  const waitsByHour = foldBy(waits, (k) => where(k).hour);
  return {
    byDay: frame.period.days.map((day) => ({ date: day.date, ...make(sumOf(sumsByDay.get(day.date)), waitsByDay.get(day.date) ?? []) })),
    byHour: Array.from({ length: 24 }, (_, hour) => ({ hour, ...make(sumOf(sumsByHour.get(hour)), waitsByHour.get(hour) ?? []) })),
  };
}

const totalsOf = (ctx: DomainContext, frame: ReportFrame, period: Period) => {
  const { sums, waits } = read(ctx, frame, period, 'group');
  return { sums: sumOf(sums), waits };
};

export function volumeReport(ctx: DomainContext, frame: ReportFrame): VolumeReport {
  const names = namesOf(ctx);
  const hours = read(ctx, frame, frame.period, 'hour');
  const groups = read(ctx, frame, frame.period, 'group');
  const agents = read(ctx, frame, frame.period, 'agent');
  const waitsOf = (waits: WaitBucket[], key: string) => waits.filter((w) => w.key === key);
  const previous = frame.previous ? totalsOf(ctx, frame, frame.previous) : null;
  return {
    ...head(ctx, frame),
    totals: volumeFigures(sumOf(groups.sums), groups.waits),
    previousTotals: previous ? volumeFigures(previous.sums, previous.waits) : null,
    ...byDayAndHour(frame, hours.sums, hours.waits, volumeFigures),
    byGroup: groups.sums.map((row) => ({ ...names.group(row.key), ...volumeFigures(row, waitsOf(groups.waits, row.key)) })).sort(byName((r) => r.groupName)),
    byAgent: agents.sums
      .filter((row) => row.key !== '')
      .map((row) => ({ ...names.agent(row.key), ...volumeFigures(row, waitsOf(agents.waits, row.key)) }))
      .sort(byName((r) => r.agentName)),
  };
}

const hasRatings = (s: Sums): boolean => s.rated > 0;

export function satisfactionReport(ctx: DomainContext, frame: ReportFrame, commentsMax: number): SatisfactionReport {
  const names = namesOf(ctx);
  const scope = scopeFor(frame, frame.period);
  const hours = ctx.store.reports.sums(scope, 'hour');
  const groups = ctx.store.reports.sums(scope, 'group').filter(hasRatings);
  const agents = ctx.store.reports.sums(scope, 'agent').filter((row) => row.key !== '' && hasRatings(row));
  const { byDay } = byDayAndHour(frame, hours, [], (s) => satisfactionFigures(s));
  return {
    ...head(ctx, frame),
    totals: satisfactionFigures(sumOf(hours)),
    previousTotals: frame.previous ? satisfactionFigures(sumOf(ctx.store.reports.sums(scopeFor(frame, frame.previous), 'group'))) : null,
    byDay,
    byGroup: groups.map((row) => ({ ...names.group(row.key), ...satisfactionFigures(row) })).sort(byName((r) => r.groupName)),
    byAgent: agents.map((row) => ({ ...names.agent(row.key), ...satisfactionFigures(row) })).sort(byName((r) => r.agentName)),
    comments: ctx.store.reports.comments(scope, commentsMax).map((row) => ({
      ...row,
      agentName: row.agentId === null ? null : names.agent(row.agentId).agentName,
    })),
  };
}

function topicTotals(ctx: DomainContext, frame: ReportFrame, period: Period) {
  const scope = scopeFor(frame, period);
  const topics = ctx.store.reports.topics(scope).map((row) => ({ ...row, n: Number(row.n) }));
  const calls = callsInScope(ctx, frame, period);
  return { topics, calls, totals: { conversations: topics.reduce((n, row) => n + row.n, 0), calls: calls.length } };
}

/** Calls of the frame's agents (a call has no group of its own: its agent's group). */
export function callsInScope(ctx: DomainContext, frame: ReportFrame, period: Period) {
  return ctx.store.reports.calls(scopeFor(frame, period));
}

export function topicsReport(ctx: DomainContext, frame: ReportFrame): TopicsReport {
  const { topics, calls, totals } = topicTotals(ctx, frame, frame.period);
  const topicNames = new Map(ctx.store.topics.list().map((t) => [t.id, t.name]));
  const codeNames = new Map(ctx.store.wrapUpCodes.list().map((c) => [c.id, c.name]));
  const perCode = new Map<string, number>();
  for (const call of calls) perCode.set(call.wrapUpCodeId ?? '', (perCode.get(call.wrapUpCodeId ?? '') ?? 0) + 1);
  return {
    ...head(ctx, frame),
    totals,
    previousTotals: frame.previous ? topicTotals(ctx, frame, frame.previous).totals : null,
    topics: topics
      .map((row) => ({
        topicId: row.topicKey || null,
        topicName: row.topicKey ? (topicNames.get(row.topicKey) ?? row.topicKey) : null,
        conversations: row.n,
        share: ratio(row.n, totals.conversations),
      }))
      .sort((a, b) => b.conversations - a.conversations),
    wrapUpCodes: [...perCode]
      .map(([key, n]) => ({ wrapUpCodeId: key || null, name: key ? (codeNames.get(key) ?? key) : null, calls: n, share: ratio(n, totals.calls) }))
      .sort((a, b) => b.calls - a.calls),
  };
}

export { emptySums };
