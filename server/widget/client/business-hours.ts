/**
 * 工作时间 in the widget. The server decides whether a new chat may start (its clock, the
 * company's zone) and tells the widget in the session answer and in `business-hours` frames on
 * the realtime socket — pushed on connect, when an admin changes the hours, and when they change
 * by themselves. The widget only follows: a closed state turns the start screen into 留言 with
 * the company's notice, an open one brings 开始咨询 back. It never computes hours itself.
 */
import type { BusinessHoursState } from '../../../shared/business-hours.js';
import { getLang, t } from './i18n.js';

/** Why the 留言 form is showing: nobody online (the default), closed hours, or a full queue. */
export type LeaveReason = 'offline' | 'closed' | 'queue-full';

/** The title and hint lines of the 留言 form for a reason (undefined: the form's own). */
export function leaveReasonText(reason: LeaveReason, hours: BusinessHoursState | null): { title: string; hint: string[] } | undefined {
  if (reason === 'queue-full') return { title: t('queueFullTitle'), hint: [t('queueFullHint')] };
  if (reason !== 'closed' || !hours) return undefined;
  const reopens = hours.nextChangeAt === null ? null : formatReopening(hours.nextChangeAt, hours.timeZone);
  return { title: t('closedTitle'), hint: reopens ? [hours.notice, t('reopensAt', { time: reopens })] : [hours.notice] };
}

/** The next opening in the company's zone ("11月26日周四 09:00"), or null when Intl cannot. */
export function formatReopening(at: number, timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat(getLang() === 'en' ? 'en-US' : 'zh-CN', {
      timeZone,
      month: 'short',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
  } catch {
    return null;
  }
}

/** A 留言 form the visitor has not typed into yet may be swapped for 开始咨询 without losing anything. */
export function leaveFormUntouched(root: ParentNode): boolean {
  const typed = ['#kefu-leave-contact', '#kefu-leave-text'].map(
    (selector) => root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)?.value ?? '',
  );
  return typed.every((value) => value.trim() === '');
}

/**
 * The server refused a start as OUTSIDE_BUSINESS_HOURS (the hours closed between the last frame
 * and the click): closed from now, with the notice the refusal carries.
 */
export function closedFromRefusal(error: { message: string; details?: Record<string, string> }, previous: BusinessHoursState | null): BusinessHoursState {
  const next = Number(error.details?.nextChangeAt);
  return { open: false, notice: error.message, nextChangeAt: Number.isFinite(next) && next > 0 ? next : null, timeZone: previous?.timeZone ?? 'Asia/Shanghai' };
}

/**
 * Where a change of 工作时间 takes a widget with no chat in progress: closing turns 开始咨询 (or an
 * untouched 留言 form) into 留言, reopening brings 开始咨询 back after 留言; null leaves it as it is.
 */
export function screenAfterHoursChange(screen: string, wasOpen: boolean, hours: BusinessHoursState, untouchedForm: boolean): 'start' | 'leave' | null {
  if (!hours.open && (screen === 'start' || untouchedForm)) return 'leave';
  if (hours.open && !wasOpen && (screen === 'leave-done' || untouchedForm)) return 'start';
  return null;
}
