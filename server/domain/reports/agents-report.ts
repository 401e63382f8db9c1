/**
 * 人员考核: per agent, the time in each status (the gaps between the activity log's status rows,
 * clipped to the period and to now), the conversation figures of the rollups, 未响应 marks and the
 * call log's talk time. Concurrency is Σ handling time / time not 离线.
 */
import type { AgentFigures, AgentsReport } from '../../../shared/protocol/rest-reports.js';
import type { CallRow } from '../../store/phone-types.js';
import type { StatusFact } from '../../store/report-types.js';
import type { DomainContext } from '../context.js';
import { callsInScope } from './conversation-reports.js';
import { emptySums, ratio, type Sums } from './figures.js';
import { byName, namesOf } from './names.js';
import { scopeFor, type Period, type ReportFrame } from './range.js';

type StatusMs = AgentFigures['statusMs'];

/** Time per status of each agent in [start, end), from their facts (oldest first, the one before start included). */
export function statusTimes(facts: readonly StatusFact[], start: number, end: number): Map<string, StatusMs> {
  const out = new Map<string, StatusMs>();
  for (let i = 0; i < facts.length; i++) {
    const fact = facts[i]!;
    const next = facts[i + 1];
    const until = next && next.agentId === fact.agentId ? next.at : end;
    const ms = Math.min(until, end) - Math.max(fact.at, start);
    if (ms <= 0 || fact.status === 'offline') continue;
    let times = out.get(fact.agentId);
    if (!times) out.set(fact.agentId, (times = { online: 0, busy: 0, away: 0 }));
    times[fact.status] += ms;
  }
  return out;
}

function figures(sums: Sums, status: StatusMs, notResponding: number, calls: readonly CallRow[]): AgentFigures {
  const onlineMs = status.online + status.busy + status.away;
  const answeredCalls = calls.filter((c) => c.answeredAt !== null);
  return {
    onlineMs,
    statusMs: status,
    handled: sums.handled,
    answered: sums.answered,
    concurrencyAvg: ratio(sums.handlingSumMs, onlineMs),
    firstResponseAvgMs: ratio(sums.responseSumMs, sums.responseCount),
    handlingAvgMs: ratio(sums.handlingSumMs, sums.handled),
    rated: sums.rated,
    ratingAverage: ratio(sums.ratingSum, sums.rated),
    notResponding,
    calls: calls.length,
    callsAnswered: answeredCalls.length,
    talkMs: answeredCalls.reduce((ms, c) => ms + c.durationSeconds * 1000, 0),
    holdMs: null,
    afterCallMs: null,
  };
}

interface AgentLine {
  sums: Sums;
  status: StatusMs;
  notResponding: number;
  calls: CallRow[];
}

/** Each agent in scope with their raw parts, and the sum of all of them (the totals). */
function lines(ctx: DomainContext, frame: ReportFrame, period: Period): { perAgent: Map<string, AgentLine>; total: AgentLine } {
  // An agent's figures are all their conversations'; the group scope picks the agents (a leader: their group's).
  const inScope = (agentId: string, groupId: string | null | undefined): boolean =>
    (frame.agentKey === undefined || agentId === frame.agentKey) && (frame.groupKey === undefined || (groupId ?? '') === frame.groupKey);
  const agents = new Map(ctx.store.agents.list().map((a) => [a.id, a]));
  const perAgent = new Map<string, AgentLine>();
  const line = (agentId: string): AgentLine | undefined => {
    if (!inScope(agentId, agents.get(agentId)?.groupId)) return undefined;
    let l = perAgent.get(agentId);
    if (!l) perAgent.set(agentId, (l = { sums: emptySums(), status: { online: 0, busy: 0, away: 0 }, notResponding: 0, calls: [] }));
    return l;
  };
  for (const agent of agents.values()) if (!agent.disabledAt) line(agent.id);
  const { groupKey: _all, ...scope } = scopeFor(frame, period);
  for (const { key, ...sums } of ctx.store.reports.sums(scope, 'agent')) {
    const l = key === '' ? undefined : line(key);
    if (l) l.sums = sums;
  }
  const end = Math.min(period.end, ctx.clock());
  for (const [agentId, times] of statusTimes(ctx.store.reports.statusFacts(period.start, end), period.start, end)) {
    const l = line(agentId);
    if (l) l.status = times;
  }
  for (const [agentId, n] of ctx.store.reports.notResponding(period.start, period.end)) {
    const l = line(agentId);
    if (l) l.notResponding = n;
  }
  for (const call of callsInScope(ctx, { ...frame, groupKey: undefined }, period)) line(call.agentId)?.calls.push(call);
  const total: AgentLine = { sums: emptySums(), status: { online: 0, busy: 0, away: 0 }, notResponding: 0, calls: [] };
  for (const l of perAgent.values()) {
    for (const key of Object.keys(total.sums) as (keyof Sums)[]) total.sums[key] += Number(l.sums[key]);
    for (const key of ['online', 'busy', 'away'] as const) total.status[key] += l.status[key];
    total.notResponding += l.notResponding;
    total.calls.push(...l.calls);
  }
  return { perAgent, total };
}

export function agentsReport(ctx: DomainContext, frame: ReportFrame): AgentsReport {
  const names = namesOf(ctx);
  const { perAgent, total } = lines(ctx, frame, frame.period);
  const previous = frame.previous ? lines(ctx, frame, frame.previous).total : null;
  return {
    range: frame.period.range,
    previousRange: frame.previous?.range ?? null,
    computedAt: ctx.clock(),
    totals: figures(total.sums, total.status, total.notResponding, total.calls),
    previousTotals: previous ? figures(previous.sums, previous.status, previous.notResponding, previous.calls) : null,
    rows: [...perAgent]
      .map(([agentId, l]) => ({ ...names.agent(agentId), ...figures(l.sums, l.status, l.notResponding, l.calls) }))
      .sort(byName((r) => r.agentName)),
  };
}
