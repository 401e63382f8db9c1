import { create } from 'zustand';
import type { ConnectionState } from '../../shared/ipc/contract.js';
import { invoke } from '../app/kefu.js';

interface ConnectionStore {
  connection: ConnectionState;
  load(): Promise<void>;
  apply(state: ConnectionState): void;
}

export const useConnectionStore = create<ConnectionStore>()((set) => ({
  connection: { state: 'connecting', progress: null, outbox: 0 },
  async load() {
    const result = await invoke('connection:get-state', undefined);
    if (result.ok) set({ connection: result.value });
  },
  apply(connection) {
    set({ connection });
  },
}));

/** Percentage for the sync progress bar; null when there is nothing to measure. */
export function syncPercent(state: ConnectionState): number | null {
  if (state.state !== 'syncing' || !state.progress || state.progress.total <= 0) return null;
  return Math.min(100, Math.round((state.progress.done / state.progress.total) * 100));
}
