/**
 * One agent's day (实时监控 → the agent drawer; reports build on the same facts): the activity log's
 * rows and the call log's calls of that day in the company's time zone, the stretches of each
 * status, and the time spent in each. A status begun the day before counts from midnight.
 */
import {
  MONITOR_STATUSES,
  type AgentTimeline,
  type MonitorStatus,
  type StatusSegment,
  type StatusTotals,
  type TimelineEntry,
} from '../../../shared/protocol/rest-monitor.js';
import type { ActivityRow } from '../../store/activity-types.js';
import type { CallRow } from '../../store/phone-types.js';
import type { PhoneActivityRow } from '../../store/presence-types.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';
import { canSee, type ConsoleActor } from '../admin/console-scope.js';
import { dayBounds, dayOf } from './company-day.js';

const fromActivity = (row: ActivityRow): TimelineEntry => ({
  at: row.at,
  kind: row.kind,
  status: row.status,
  reason: row.reason,
  conversationId: row.conversationId,
  call: null,
});

const fromCall = (call: CallRow): TimelineEntry => ({
  at: call.startedAt,
  kind: 'call',
  status: null,
  reason: call.result,
  conversationId: null,
  call: {
    id: call.id,
    direction: call.direction,
    remoteNumber: call.remoteNumber,
    result: call.result,
    answeredAt: call.answeredAt,
    endedAt: call.endedAt,
    durationSeconds: call.durationSeconds,
  },
});

// A call as it happens (振铃, 通话中, 话后处理 …): the phone log, written when the phone changed.
const fromPhone = (row: PhoneActivityRow): TimelineEntry => ({
  at: row.at,
  kind: 'phone',
  status: null,
  reason: row.reason,
  conversationId: null,
  call: null,
  phone: row.status,
});

/**
 * The stretches of status between `start` and `until`: `initial` (the status when the day began,
 * null when the log does not know) until the first status row, and so on.
 */
export function statusSegments(initial: MonitorStatus | null, rows: readonly ActivityRow[], start: number, until: number): StatusSegment[] {
  const segments: StatusSegment[] = [];
  let current = initial;
  let from = start;
  const close = (to: number): void => {
    if (current === null || to <= from) return;
    const previous = segments.at(-1);
    if (previous && previous.status === current && previous.to === from) previous.to = to;
    else segments.push({ status: current, from, to });
  };
  for (const row of rows) {
    if (row.kind !== 'status' || row.status === null || row.at >= until) continue;
    close(row.at);
    current = row.status;
    from = Math.max(row.at, start);
  }
  close(until);
  return segments;
}

export function statusTotals(segments: readonly StatusSegment[]): StatusTotals {
  const totals = Object.fromEntries(MONITOR_STATUSES.map((s) => [s, 0])) as StatusTotals;
  for (const segment of segments) totals[segment.status] += segment.to - segment.from;
  return totals;
}

export function agentTimeline(ctx: DomainContext, actor: ConsoleActor, agentId: string, date?: string): AgentTimeline {
  const agent = ctx.store.agents.byId(agentId) ?? refuse('NOT_FOUND', 'No such agent');
  if (!canSee(actor, agent)) refuse('FORBIDDEN', 'A group leader sees the activity of their own group’s agents only');
  const timeZone = ctx.settings().timeZone;
  const now = ctx.clock();
  const day = date ?? dayOf(now, timeZone);
  const { start, end } = dayBounds(day, timeZone);
  // Today stops at now; a day still to come has nothing yet.
  const until = Math.min(end, Math.max(start, now));
  const rows = ctx.store.activity.between(agentId, start, end);
  const entries = [
    ...rows.map(fromActivity),
    ...ctx.store.phoneActivity.between(agentId, start, end).map(fromPhone),
    ...ctx.store.activity.callsBetween(agentId, start, end).map(fromCall),
  ];
  // Stable: activity rows keep their written order; a call goes after the facts of its millisecond.
  entries.sort((a, b) => a.at - b.at);
  const initial = ctx.store.activity.statusBefore(agentId, start)?.status ?? null;
  const segments = statusSegments(initial, rows, start, until);
  return { agentId, nickname: agent.nickname, date: day, timeZone, dayStart: start, dayEnd: end, until, entries, segments, totals: statusTotals(segments) };
}
