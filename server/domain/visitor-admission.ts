/**
 * Whether a visitor may start a new chat now: 工作时间 (business hours, holidays) and
 * 最大排队人数 (the queue's length). Conversations already open are never touched by either.
 */
import type { BusinessHoursState } from '../../shared/index.js';
import type { DomainContext } from './context.js';
import { businessHoursAt } from './business-hours.js';
import { refuse } from './errors.js';

/** Open now or not, the notice, and when that changes: what the widget's session answer and push carry. */
export function businessHoursNow(ctx: DomainContext): BusinessHoursState {
  const settings = ctx.settings();
  const state = businessHoursAt(
    { enabled: settings.businessHoursEnabled, ranges: settings.businessHours, holidays: settings.holidays, timeZone: settings.timeZone },
    ctx.clock(),
  );
  return { ...state, notice: settings.offHoursNotice, timeZone: settings.timeZone };
}

/** Refuses a new chat outside business hours (the widget offers 留言 with the notice). */
export function refuseOutsideBusinessHours(ctx: DomainContext): void {
  const hours = businessHoursNow(ctx);
  if (!hours.open) refuse('OUTSIDE_BUSINESS_HOURS', hours.notice, hours.nextChangeAt === null ? undefined : { nextChangeAt: String(hours.nextChangeAt) });
}

/**
 * Refuses a conversation that routing left waiting when the queue is already full. Called inside
 * the start's transaction after routing, so the refusal rolls the new conversation back: a visitor
 * an agent could take at once is never refused, only one who would wait beyond the limit.
 */
export function refuseBeyondQueueLength(ctx: DomainContext, conversationId: string): void {
  const max = ctx.settings().maxQueueLength;
  if (max <= 0) return;
  const queued = ctx.store.conversations.queued();
  if (queued.length > max && queued.some((row) => row.id === conversationId))
    refuse('QUEUE_FULL', `${max} visitors are waiting already; leave a message and we will get back to you`, { maxQueueLength: String(max) });
}
