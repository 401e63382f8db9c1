/**
 * 实时监控 (issue 14): the agent activity log read as a timeline per agent and day, and the
 * supervisor wallboard (per skill group and in total). The wallboard is pushed over the realtime
 * socket (`monitor.hello` → `wallboard` frames, ./realtime.ts); the REST route gives the same boards
 * once, for a first paint and for tests.
 */
import { z } from 'zod';
import { CallResultSchema } from '../phone.js';
import { Id } from './rest-common.js';
import type { RouteDef } from './rest.js';

/** What the log and the wallboard call an agent's state: the chosen status, or 离线 while not connected or disabled. */
export const MonitorStatusSchema = z.enum(['online', 'busy', 'away', 'offline']);
export type MonitorStatus = z.infer<typeof MonitorStatusSchema>;
export const MONITOR_STATUSES = MonitorStatusSchema.options;

/**
 * The agent's phone as their workstation reports it (话务状态), what the wallboard shows and call
 * queues (issue 17) route by: 示闲 idle, 示忙 busy, 免打扰 dnd, 振铃 ringing (a call ringing in, or
 * being dialled), 通话中 talking (a call connected or on hold), 话后处理 wrap-up; 未注册 unregistered
 * (no softphone account, not registered — and what the log says once the connection is gone).
 */
export const PhoneStatusSchema = z.enum(['unregistered', 'idle', 'busy', 'dnd', 'ringing', 'talking', 'wrap-up']);
export type PhoneStatus = z.infer<typeof PhoneStatusSchema>;
export const PHONE_STATUSES = PhoneStatusSchema.options;

export const ActivityKindSchema = z.enum(['login', 'logout', 'status', 'assigned']);
export type ActivityKind = z.infer<typeof ActivityKindSchema>;

/**
 * Why a status row was written. node-lost: the server the agent was connected through died (kill -9,
 * power cut) — written at its last heartbeat by whoever found it; server-stopped: it shut down.
 */
export const StatusReasonSchema = z.enum(['agent', 'not-responding', 'connected', 'disconnected', 'logout', 'disabled', 'node-lost', 'server-stopped']);
export type StatusReason = z.infer<typeof StatusReasonSchema>;

/** A call of the call log, joined into the timeline (not copied into the activity log). */
export const TimelineCallSchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  remoteNumber: z.string(),
  result: CallResultSchema,
  answeredAt: z.number().nullable(),
  endedAt: z.number(),
  durationSeconds: z.number().int(),
});

export const TimelineEntrySchema = z.object({
  at: z.number(),
  /** 'phone': the phone status changed (a call rang, connected, ended…), as it happened. */
  kind: z.union([ActivityKindSchema, z.literal('call'), z.literal('phone')]),
  /** kind 'status': the status from then on. */
  status: MonitorStatusSchema.nullable(),
  /**
   * status: a StatusReason; login: 'login'; logout: the session's end reason; assigned: 'assigned'; call: the call's result;
   * phone: workstation (reported), disconnected (the connection went), node-lost (the server died).
   */
  reason: z.string(),
  conversationId: z.string().nullable(),
  call: TimelineCallSchema.nullable(),
  /** kind 'phone': the phone status from then on. */
  phone: PhoneStatusSchema.nullable().optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** A stretch of one status within the day (the drawer's horizontal chart). */
export const StatusSegmentSchema = z.object({ status: MonitorStatusSchema, from: z.number(), to: z.number() });
export type StatusSegment = z.infer<typeof StatusSegmentSchema>;

export const StatusTotalsSchema = z.object({ online: z.number(), busy: z.number(), away: z.number(), offline: z.number() });
export type StatusTotals = z.infer<typeof StatusTotalsSchema>;

export const AgentTimelineSchema = z.object({
  agentId: z.string(),
  nickname: z.string(),
  /** YYYY-MM-DD in the company's time zone. */
  date: z.string(),
  timeZone: z.string(),
  /** The day's midnight and the next one (ms). */
  dayStart: z.number(),
  dayEnd: z.number(),
  /** Where the day's totals stop: the day's end, or now for today. */
  until: z.number(),
  entries: z.array(TimelineEntrySchema),
  segments: z.array(StatusSegmentSchema),
  /** Milliseconds in each status within [dayStart, until); a status begun the day before counts from midnight. */
  totals: StatusTotalsSchema,
});
export type AgentTimeline = z.infer<typeof AgentTimelineSchema>;

const isCalendarDate = (text: string): boolean => {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** A calendar day, YYYY-MM-DD. */
export const DayDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine(isCalendarDate, 'must be a real calendar date');

export const AgentTimelineQuerySchema = z.strictObject({ date: DayDateSchema.optional() });

export const WallboardAgentSchema = z.object({
  id: z.string(),
  nickname: z.string(),
  groupId: z.string().nullable(),
  status: MonitorStatusSchema,
  /** 未响应: set 离开 by the not-responding rule. */
  notResponding: z.boolean(),
  /** Since when the activity log has the agent in this status; null when the log does not say (older data). */
  statusSince: z.number().nullable(),
  load: z.number().int(),
  maxConcurrent: z.number().int(),
  /** The phone status the agent's workstation reports (通话中 …); null while not connected or not reported. */
  phone: PhoneStatusSchema.nullable(),
  /** Since when the phone is in that status (ms); null with no phone status. */
  phoneSince: z.number().nullable(),
});
export type WallboardAgent = z.infer<typeof WallboardAgentSchema>;

export const WallboardSchema = z.object({
  /** null: the whole company (总计); else one skill group. */
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  computedAt: z.number(),
  date: z.string(),
  agents: z.array(WallboardAgentSchema),
  byStatus: StatusTotalsSchema,
  /** Active conversations against the 最大接线量 of the connected agents. */
  load: z.object({ active: z.number().int(), capacity: z.number().int() }),
  /** Calls in progress (通话中): connected agents whose phone reports a call connected or on hold. */
  callsInProgress: z.number().int(),
  queue: z.object({ length: z.number().int(), oldestQueuedAt: z.number().nullable() }),
  today: z.object({
    /** Conversations started today. */
    offered: z.number().int(),
    /** Of those, the ones an agent took. */
    answered: z.number().int(),
    /** answered / offered (0–1); null with nothing offered. */
    answerRate: z.number().nullable(),
    /** Ended today while waiting in the queue, never with an agent. */
    abandoned: z.number().int(),
    /** From the first assignment to the first agent message (automatic replies not counted), ms. */
    avgFirstResponseMs: z.number().nullable(),
    /** From the first assignment to the end, of conversations ended today with an agent, ms. */
    avgHandlingMs: z.number().nullable(),
    /** Evaluations given today: how many, their average (1–5) and how many were 4 or 5. */
    satisfaction: z.object({ count: z.number().int(), average: z.number().nullable(), satisfied: z.number().int() }),
  }),
});
export type Wallboard = z.infer<typeof WallboardSchema>;

export const monitorRoutes = {
  agentTimeline: {
    method: 'GET',
    path: '/api/admin/agents/:id/activity',
    access: 'leader',
    summary:
      'One agent’s activity on one day (company time zone; default today): logins, status changes with reasons, assignments and calls, with the time spent in each status (a group leader: agents of their own group)',
    params: z.strictObject({ id: Id }),
    query: AgentTimelineQuerySchema,
    response: AgentTimelineSchema,
  },
  wallboard: {
    method: 'GET',
    path: '/api/admin/monitor/wallboard',
    access: 'leader',
    summary:
      '实时监控: the wallboards the caller may see — the company total and each skill group for an admin, their own group for a group leader (live updates: the realtime socket’s monitor.hello)',
    response: z.array(WallboardSchema),
  },
} as const satisfies Record<string, RouteDef>;
