import { create } from 'zustand';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../shared/ipc/alerts.js';
import type { AppError } from '../../shared/errors.js';
import { invoke } from '../app/kefu.js';
import { actedKeys, alertKey, type Alert, type AlertView } from './alertDecision.js';

export type { Alert } from './alertDecision.js';

interface AlertState {
  /** Alerts the agent has not acted on yet, one per event kind and conversation (the newest wins). */
  pending: Record<string, Alert>;
  /**
   * 提醒设置 as shown: the agent's newest value while a save is unanswered, otherwise what the
   * services hold (alert-settings:get/set/changed).
   *
   * Each save sends the whole object, so it is shown at once: a second change builds on the first
   * instead of on a copy from before it, and the switch does not wait for the round trip.
   * Everything the services say — an answer, an echo (alert-settings:changed, sent for our own
   * saves too), a load — reaches the page in the order they said it, over one channel, so the
   * last thing heard is their current state (`stored`). While a save of ours is unanswered,
   * anything heard is older than that save (the echo of an earlier save, a load sent before the
   * click) and must not overwrite the agent's newer value; once the last save is answered, the
   * services' state is shown again. A load is the exception to "in the order they said it": the
   * services read the settings when the load arrives but may answer after a save that came later,
   * so a load's answer counts only if no save started after the load was sent.
   */
  settings: AlertSettings;
  /** The services' settings as last heard from them. */
  stored: AlertSettings;
  /** Saves sent and not answered yet. */
  unansweredSaves: number;
  /** Saves started so far: a load's answer is stale when a save started after the load. */
  savesStarted: number;
  raise(alert: Alert): void;
  /** The agent opened, accepted or answered that conversation: every alert about it stops. */
  acknowledge(conversationId: string): void;
  /** Visitors no longer queued need no alert. */
  dropQueuedExcept(queuedIds: readonly string[]): void;
  /** When the agent accepted a conversation themselves (接收对话), by conversation id. */
  ownAccepts: Record<string, number>;
  /** Called before the accept goes out, so its own assignment event never chimes. */
  noteOwnAccept(conversationId: string, now?: number): void;
  /** The conversations accepted by the agent within the grace period (for the alert view). */
  ownAcceptIds(now?: number): string[];
  /** Drops what the agent has acted on, given what is in view now. */
  settle(view: AlertView): void;
  loadSettings(): Promise<AppError | null>;
  /** Shown at once, then stored by the services (the whole object); see `settings`. */
  saveSettings(settings: AlertSettings): Promise<AppError | null>;
  /** The services' settings as pushed by them (alert-settings:changed, also the echo of our own saves). */
  applySettings(settings: AlertSettings): void;
}

const without = (pending: Record<string, Alert>, drop: (key: string, alert: Alert) => boolean): Record<string, Alert> | null => {
  const keep = Object.fromEntries(Object.entries(pending).filter(([key, alert]) => !drop(key, alert)));
  return Object.keys(keep).length === Object.keys(pending).length ? null : keep;
};

/**
 * How long an own accept silences that conversation's assignment alert: long enough for the
 * event to arrive, short enough that a later transfer back to this agent still chimes.
 */
export const OWN_ACCEPT_GRACE_MS = 10_000;

export const useAlertStore = create<AlertState>()((set, get) => ({
  pending: {},
  ownAccepts: {},
  settings: DEFAULT_ALERT_SETTINGS,
  stored: DEFAULT_ALERT_SETTINGS,
  unansweredSaves: 0,
  savesStarted: 0,
  raise(alert) {
    set({ pending: { ...get().pending, [alertKey(alert)]: alert } });
  },
  acknowledge(conversationId) {
    const keep = without(get().pending, (_key, alert) => alert.conversationId === conversationId);
    if (keep) set({ pending: keep });
  },
  dropQueuedExcept(queuedIds) {
    const keep = without(get().pending, (_key, alert) => alert.kind === 'visitor-queued' && !queuedIds.includes(alert.conversationId));
    if (keep) set({ pending: keep });
  },
  noteOwnAccept(conversationId, now = Date.now()) {
    const recent = Object.entries(get().ownAccepts).filter(([, at]) => now - at < OWN_ACCEPT_GRACE_MS);
    set({ ownAccepts: { ...Object.fromEntries(recent), [conversationId]: now } });
    // An alert that arrived before this accept (it was queued) is acted on now.
    get().acknowledge(conversationId);
  },
  ownAcceptIds(now = Date.now()) {
    return Object.entries(get().ownAccepts)
      .filter(([, at]) => now - at < OWN_ACCEPT_GRACE_MS)
      .map(([id]) => id);
  },
  settle(view) {
    const acted = new Set(actedKeys(get().pending, view));
    if (acted.size === 0) return;
    const keep = without(get().pending, (key) => acted.has(key));
    if (keep) set({ pending: keep });
  },
  async loadSettings() {
    const savesBefore = get().savesStarted;
    const result = await invoke('alert-settings:get', undefined);
    if (!result.ok) return result.error;
    // Read before a save that has started since: that save's answer says more.
    if (get().savesStarted === savesBefore) get().applySettings(result.value);
    return null;
  },
  async saveSettings(settings) {
    set({ settings, unansweredSaves: get().unansweredSaves + 1, savesStarted: get().savesStarted + 1 });
    const result = await invoke('alert-settings:set', settings);
    if (result.ok) get().applySettings(result.value);
    const unansweredSaves = get().unansweredSaves - 1;
    // The last answer is in: show what the services hold (the saved value; after a refusal, the stored one).
    set(unansweredSaves === 0 ? { unansweredSaves, settings: get().stored } : { unansweredSaves });
    return result.ok ? null : result.error;
  },
  applySettings(settings) {
    // Heard while a save of ours is unanswered, it is older than that save: kept, not shown.
    set(get().unansweredSaves === 0 ? { stored: settings, settings } : { stored: settings });
  },
}));

/** The window title, flashing the unread count so a minimised workstation still gets noticed. */
export function flashedTitle(base: string, prefix: string, unread: number, phase: boolean): string {
  return unread > 0 && phase ? `${prefix}${base}` : base;
}
