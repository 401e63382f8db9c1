/**
 * The supervisor wallboard (实时监控): per skill group and for the whole company, computed from
 * stored facts only — agents with their effective status and the activity log's "since", loads,
 * the queue, and today's conversation figures — so any node computes the same board, and a
 * restarted server shows what it showed before.
 */
import type { MonitorStatus, Wallboard, WallboardAgent } from '../../../shared/protocol/rest-monitor.js';
import type { DayFigures } from '../../store/activity-types.js';
import type { ConversationRow } from '../../store/types.js';
import type { DomainContext } from '../context.js';
import { groupInView, type ConsoleActor } from '../admin/console-scope.js';
import { effectiveStatus } from './activity.js';
import { phoneStatuses } from './phone-status.js';
import { dayBounds, dayOf } from './company-day.js';

const STATUS_ORDER: Record<MonitorStatus, number> = { online: 0, busy: 1, away: 2, offline: 3 };

const average = (sum: number, count: number): number | null => (count > 0 ? sum / count : null);

interface Facts {
  now: number;
  date: string;
  agents: WallboardAgent[];
  queued: ConversationRow[];
  figures: DayFigures[];
}

function readFacts(ctx: DomainContext): Facts {
  const now = ctx.clock();
  const timeZone = ctx.settings().timeZone;
  const date = dayOf(now, timeZone);
  const { start, end } = dayBounds(date, timeZone);
  const loads = ctx.store.agents.loads();
  const last = ctx.store.activity.lastStatuses();
  const phones = phoneStatuses(ctx.store.agentPresence.all());
  const agents = ctx.store.agents
    .list()
    .filter((row) => !row.disabledAt)
    .map((row): WallboardAgent => {
      const status = effectiveStatus(ctx, row);
      const fact = last.get(row.id);
      // Only while the agent counts as connected: a row a dead node left behind, not closed yet, shows nothing.
      const phone = status === 'offline' ? undefined : phones.get(row.id);
      return {
        id: row.id,
        nickname: row.nickname,
        groupId: row.groupId,
        status,
        notResponding: status === 'away' && row.notRespondingSince !== null,
        statusSince: fact?.status === status ? fact.at : null,
        load: loads.get(row.id) ?? 0,
        maxConcurrent: row.maxConcurrent,
        phone: phone?.status ?? null,
        phoneSince: phone?.since ?? null,
      };
    })
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.nickname.localeCompare(b.nickname, 'zh-CN'));
  return { now, date, agents, queued: ctx.store.conversations.queued(), figures: ctx.store.activity.dayFigures(start, end) };
}

/** One board: a group's (groupId) or the whole company's (null). */
function board(facts: Facts, groupId: string | null, groupName: string | null): Wallboard {
  const inScope = <T extends { groupId: string | null }>(items: readonly T[]): T[] =>
    groupId === null ? [...items] : items.filter((i) => i.groupId === groupId);
  const agents = inScope(facts.agents);
  const queued = inScope(facts.queued);
  const f = inScope(facts.figures).reduce(
    (sum, g) => {
      for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += g[key];
      return sum;
    },
    { offered: 0, answered: 0, responseSumMs: 0, responseCount: 0, abandoned: 0, handlingSumMs: 0, handled: 0, ratingCount: 0, ratingSum: 0, satisfied: 0 },
  );
  const byStatus = { online: 0, busy: 0, away: 0, offline: 0 };
  for (const agent of agents) byStatus[agent.status]++;
  const connected = agents.filter((a) => a.status !== 'offline');
  return {
    groupId,
    groupName,
    computedAt: facts.now,
    date: facts.date,
    agents,
    byStatus,
    load: { active: agents.reduce((n, a) => n + a.load, 0), capacity: connected.reduce((n, a) => n + a.maxConcurrent, 0) },
    callsInProgress: agents.filter((a) => a.phone === 'talking').length,
    queue: {
      length: queued.length,
      oldestQueuedAt: queued.reduce<number | null>((min, c) => (c.queuedAt !== null && (min === null || c.queuedAt < min) ? c.queuedAt : min), null),
    },
    today: {
      offered: f.offered,
      answered: f.answered,
      answerRate: f.offered > 0 ? f.answered / f.offered : null,
      abandoned: f.abandoned,
      avgFirstResponseMs: average(f.responseSumMs, f.responseCount),
      avgHandlingMs: average(f.handlingSumMs, f.handled),
      satisfaction: { count: f.ratingCount, average: average(f.ratingSum, f.ratingCount), satisfied: f.satisfied },
    },
  };
}

/** Every board: the company total first, then each group by name. */
export function computeWallboards(ctx: DomainContext): Wallboard[] {
  const facts = readFacts(ctx);
  return [board(facts, null, null), ...ctx.store.groups.list().map((g) => board(facts, g.id, g.name))];
}

/** Whether this console user may see this board: an admin every one, a group leader their group's. */
export function mayWatch(actor: ConsoleActor, groupId: string | null): boolean {
  return actor.role === 'admin' || (actor.role === 'leader' && actor.groupId !== null && groupId === actor.groupId);
}

/** The boards the actor may see (a leader without a group is refused, as everywhere in the console). */
export function wallboardsFor(ctx: DomainContext, actor: ConsoleActor): Wallboard[] {
  groupInView(actor);
  return computeWallboards(ctx).filter((b) => mayWatch(actor, b.groupId));
}
