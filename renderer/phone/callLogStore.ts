import { create } from 'zustand';
import type { CallRecord, StoredCall } from '../../shared/phone.js';
import { invoke } from '../app/kefu.js';
import { upsertStoredCall } from './phoneLogic.js';

interface CallLogStore {
  calls: StoredCall[];
  pending: CallRecord[];
  loading: boolean;
  /** Missed calls that started before this were seen in the 电话 view (the nav badge counts the rest). */
  missedSeenAt: number;
  markMissedSeen(): void;
  load(): Promise<void>;
  /** Records written locally but not yet on the backend (同步中). */
  loadPending(): Promise<void>;
  apply(call: StoredCall): void;
}

/** 通话记录 and 未接来电: the backend's log (calls:list) plus what is still waiting to sync. */
export const useCallLogStore = create<CallLogStore>()((set, get) => ({
  calls: [],
  pending: [],
  loading: false,
  missedSeenAt: 0,
  markMissedSeen() {
    const newest = Math.max(0, ...get().calls.map((c) => c.startedAt), ...get().pending.map((c) => c.startedAt));
    if (newest > get().missedSeenAt) set({ missedSeenAt: newest });
  },
  async load() {
    set({ loading: true });
    const [list] = await Promise.all([invoke('calls:list', {}), get().loadPending()]);
    set({ loading: false, ...(list.ok ? { calls: list.value.slice().sort((a, b) => b.startedAt - a.startedAt) } : {}) });
  },
  async loadPending() {
    const result = await invoke('calls:pending', undefined);
    if (result.ok) set({ pending: result.value });
  },
  apply(call) {
    set({ calls: upsertStoredCall(get().calls, call), pending: get().pending.filter((p) => p.id !== call.id) });
  },
}));
