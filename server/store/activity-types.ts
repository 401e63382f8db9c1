/**
 * Repositories of 实时监控 (issue 14): the agent activity log (migration 019) and the reads the
 * wallboard and the timeline make over stored facts. Synchronous and SQL-free, like ./types.ts.
 */
import type { ActivityKind, MonitorStatus } from '../../shared/protocol/rest-monitor.js';
import type { CallRow } from './phone-types.js';

export interface ActivityRow {
  id: string;
  agentId: string;
  at: number;
  kind: ActivityKind;
  /** kind 'status' only. */
  status: MonitorStatus | null;
  reason: string;
  sessionId: string | null;
  conversationId: string | null;
}

/** Sums and counts of one skill group's day (null group: conversations of no group), added up by the caller. */
export interface DayFigures {
  groupId: string | null;
  offered: number;
  answered: number;
  responseSumMs: number;
  responseCount: number;
  abandoned: number;
  handlingSumMs: number;
  handled: number;
  ratingCount: number;
  ratingSum: number;
  satisfied: number;
}

export interface ActivityRepository {
  insert(row: ActivityRow): void;
  /** The agent's newest status row. */
  lastStatus(agentId: string): ActivityRow | undefined;
  /** The newest status row of every agent that has one. */
  lastStatuses(): Map<string, ActivityRow>;
  /** The agent's newest status row before `at` (what the agent was in when a day began). */
  statusBefore(agentId: string, at: number): ActivityRow | undefined;
  /** The agent's rows with from <= at < to, oldest first. */
  between(agentId: string, from: number, to: number): ActivityRow[];
  /** The agent's calls that started in [from, to), oldest first (the call log, not copied). */
  callsBetween(agentId: string, from: number, to: number): CallRow[];
  /** The day's conversation figures per group, for conversations started, ended or evaluated in [from, to). */
  dayFigures(from: number, to: number): DayFigures[];
}

export interface ActivityRepositories {
  activity: ActivityRepository;
}
