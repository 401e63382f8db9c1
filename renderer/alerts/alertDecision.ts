/**
 * The "never miss a chat" decisions as pure functions: given the alerts raised, the agent's
 * 提醒设置 and what is in view, what to play, what to show and what to stop. The store and the
 * effects only carry these decisions out, so every rule is testable without timers or audio.
 */
import type { EventPayload } from '../../shared/ipc/contract.js';
import type { AlertSettings } from '../../shared/ipc/alerts.js';
import { assertNever } from '../../shared/errors.js';

export type Alert = EventPayload<'alert:raised'>;

/** What the agent has in front of them right now. */
export interface AlertView {
  /** The conversation open in the dialog. */
  selectedId: string | null;
  /** The workstation window has the focus (the dialog is actually being looked at). */
  focused: boolean;
  /** Visitors still waiting in the queue. */
  queuedIds: readonly string[];
  /**
   * Conversations the agent has just accepted from the queue (接收对话). The server's assignment
   * event can arrive before the accept returns and selects the conversation; the agent's own
   * accept must not chime as if the conversation had been pushed to them.
   */
  ownAcceptIds?: readonly string[];
}

export interface RaisedDecision {
  /** Keep it pending (badge, title, repeat) until acted on. */
  keep: boolean;
  /** Chime once now. */
  play: boolean;
  /** Show a system notification. */
  notify: boolean;
}

/** One pending alert per event kind and conversation: a message must not hide a new assignment. */
export const alertKey = (alert: Pick<Alert, 'kind' | 'conversationId'>): string => `${alert.kind}:${alert.conversationId}`;

/**
 * "Acted" per event: a queued visitor was accepted, taken by someone else or left (no longer
 * queued); an assigned conversation was opened or accepted by the agent themselves; a message's
 * conversation is open in a focused window.
 */
export function isActedOn(alert: Alert, view: AlertView): boolean {
  switch (alert.kind) {
    case 'visitor-queued':
      return !view.queuedIds.includes(alert.conversationId);
    case 'conversation-assigned':
      return view.selectedId === alert.conversationId || (view.ownAcceptIds ?? []).includes(alert.conversationId);
    case 'message-received':
      return view.selectedId === alert.conversationId && view.focused;
    default:
      return assertNever(alert.kind);
  }
}

/**
 * A new alert. The queue is told to the services before the alert arrives, so a queued visitor
 * is judged by its conversation being in view only; `soundOn` is the master 提示音 switch.
 */
export function decideRaised(alert: Alert, settings: AlertSettings, view: AlertView, soundOn: boolean): RaisedDecision {
  const inView = alert.kind !== 'visitor-queued' && isActedOn(alert, view);
  if (inView) return { keep: false, play: false, notify: false };
  const event = settings[alert.kind];
  return { keep: true, play: soundOn && event.sound, notify: event.notification };
}

/** The pending alerts (by key) the agent has acted on and that must stop now. */
export function actedKeys(pending: Readonly<Record<string, Alert>>, view: AlertView): string[] {
  return Object.entries(pending)
    .filter(([, alert]) => isActedOn(alert, view))
    .map(([key]) => key);
}

/** How often the chime repeats now: the shortest interval among pending alerts set to repeat, or null. */
export function repeatIntervalMs(pending: Readonly<Record<string, Alert>>, settings: AlertSettings, soundOn: boolean): number | null {
  if (!soundOn) return null;
  let shortest: number | null = null;
  for (const alert of Object.values(pending)) {
    const event = settings[alert.kind];
    if (!event.sound || !event.repeat) continue;
    const ms = event.repeatSeconds * 1000;
    if (shortest === null || ms < shortest) shortest = ms;
  }
  return shortest;
}
