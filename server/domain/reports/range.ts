/**
 * What a report query means in instants and scope: its company days (the `timeZone` setting), the
 * previous period of the same length, and the group and agent it may read — a group leader their
 * own group only (console-scope.ts), an unknown group or agent refused rather than read as empty.
 */
import type { ReportQuery, ReportRange } from '../../../shared/protocol/rest-reports.js';
import { spanDays } from '../../../shared/protocol/rest-reports.js';
import type { ReportScope } from '../../store/report-types.js';
import { assertOwnGroup, groupInView, type ConsoleActor } from '../admin/console-scope.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';
import { dayBounds, dayOf } from '../monitoring/company-day.js';
import { wallClock } from '../zoned-time.js';

export interface Day {
  date: string;
  start: number;
  end: number;
}

export interface Period {
  range: ReportRange;
  days: Day[];
  start: number;
  end: number;
}

/** The resolved query: the period, the previous one when compared, and the scope of every read. */
export interface ReportFrame {
  timeZone: string;
  period: Period;
  previous: Period | null;
  /** Group / agent keys as the rollups name them ('' = no group). */
  groupKey?: string;
  agentKey?: string;
}

const DAY_MS = 86_400_000;
const addDays = (date: string, n: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
};

export function periodOf(from: string, to: string, timeZone: string): Period {
  const count = spanDays(from, to);
  const days = Array.from({ length: count }, (_, i) => {
    const date = addDays(from, i);
    return { date, ...dayBounds(date, timeZone) };
  });
  return { range: { from, to, days: count, timeZone }, days, start: days[0]!.start, end: days[days.length - 1]!.end };
}

/** The group and agent a query may read, refused when outside the actor's reach or unknown. */
function scopeOf(ctx: DomainContext, actor: ConsoleActor, query: Pick<ReportQuery, 'groupId' | 'agentId'>): Pick<ReportFrame, 'groupKey' | 'agentKey'> {
  const leaderGroup = groupInView(actor);
  if (query.groupId !== undefined) {
    if (!ctx.store.groups.byId(query.groupId)) refuse('NOT_FOUND', 'No such group', { 'query.groupId': 'unknown group' });
    assertOwnGroup(actor, query.groupId, "A group leader reads their own group's reports only");
  }
  if (query.agentId !== undefined) {
    const agent = ctx.store.agents.byId(query.agentId);
    if (!agent) return refuse('NOT_FOUND', 'No such agent', { 'query.agentId': 'unknown agent' });
    if (leaderGroup !== null && agent.groupId !== leaderGroup) refuse('FORBIDDEN', "A group leader reads their own group's agents only");
  }
  const groupKey = query.groupId ?? leaderGroup ?? undefined;
  return { ...(groupKey !== undefined ? { groupKey } : {}), ...(query.agentId !== undefined ? { agentKey: query.agentId } : {}) };
}

export function frameOf(ctx: DomainContext, actor: ConsoleActor, query: ReportQuery): ReportFrame {
  const timeZone = ctx.settings().timeZone;
  const period = periodOf(query.from, query.to, timeZone);
  const previous = query.compare ? periodOf(addDays(query.from, -period.days.length), addDays(query.from, -1), timeZone) : null;
  return { timeZone, period, previous, ...scopeOf(ctx, actor, query) };
}

/** A read of one period within the frame's scope. */
export const scopeFor = (frame: ReportFrame, period: Period): ReportScope => ({
  from: period.start,
  to: period.end,
  ...(frame.groupKey !== undefined ? { groupKey: frame.groupKey } : {}),
  ...(frame.agentKey !== undefined ? { agentKey: frame.agentKey } : {}),
});

/** The company day and hour of the day (0–23) an instant falls on. */
export function dayAndHour(at: number, timeZone: string): { date: string; hour: number } {
  return { date: dayOf(at, timeZone), hour: Math.floor(wallClock(at, timeZone).minute / 60) };
}
