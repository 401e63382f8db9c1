import { create } from 'zustand';
import type { EventPayload } from '../../shared/ipc/contract.js';

export type Alert = EventPayload<'alert:raised'>;

interface AlertState {
  /** Alerts the agent has not acted on yet, one per conversation (the newest wins). */
  pending: Record<string, Alert>;
  raise(alert: Alert): void;
  /** The agent opened, accepted or answered that conversation. */
  acknowledge(conversationId: string): void;
  /** Visitors no longer queued need no alert. */
  dropQueuedExcept(queuedIds: readonly string[]): void;
}

export const useAlertStore = create<AlertState>()((set, get) => ({
  pending: {},
  raise(alert) {
    set({ pending: { ...get().pending, [alert.conversationId]: alert } });
  },
  acknowledge(conversationId) {
    if (!(conversationId in get().pending)) return;
    const { [conversationId]: _gone, ...rest } = get().pending;
    set({ pending: rest });
  },
  dropQueuedExcept(queuedIds) {
    const keep = Object.fromEntries(
      Object.entries(get().pending).filter(([id, alert]) => alert.kind !== 'visitor-queued' || queuedIds.includes(id)),
    );
    if (Object.keys(keep).length !== Object.keys(get().pending).length) set({ pending: keep });
  },
}));

/** The window title, flashing the unread count so a minimised workstation still gets noticed. */
export function flashedTitle(base: string, prefix: string, unread: number, phase: boolean): string {
  return unread > 0 && phase ? `${prefix}${base}` : base;
}
