import { create } from 'zustand';
import type { ConnectionState } from '../../shared/ipc/contract.js';
import { invoke } from '../app/kefu.js';

interface ConnectionStore {
  connection: ConnectionState;
  /**
   * False while the page cannot reach the workstation services themselves (the browser shell's
   * process stopped): nothing the services last said about the server holds then.
   */
  servicesReachable: boolean;
  load(): Promise<void>;
  apply(state: ConnectionState): void;
  setServicesReachable(reachable: boolean): void;
}

export const useConnectionStore = create<ConnectionStore>()((set) => ({
  connection: { state: 'connecting', progress: null, outbox: 0 },
  servicesReachable: true,
  async load() {
    const result = await invoke('connection:get-state', undefined);
    if (result.ok) set({ connection: result.value });
  },
  apply(connection) {
    set({ connection });
  },
  setServicesReachable(servicesReachable) {
    set({ servicesReachable });
  },
}));

/** Percentage for the sync progress bar; null when there is nothing to measure. */
export function syncPercent(state: ConnectionState): number | null {
  if (state.state !== 'syncing' || !state.progress || state.progress.total <= 0) return null;
  return Math.min(100, Math.round((state.progress.done / state.progress.total) * 100));
}

const NO_CONVERSATIONS: readonly string[] = [];

/** The conversations whose received events are not applied yet (shown as 同步中 in the list). */
export const selectBehind = (s: ConnectionStore): readonly string[] =>
  s.connection.state === 'syncing' ? (s.connection.progress?.behind ?? NO_CONVERSATIONS) : NO_CONVERSATIONS;
