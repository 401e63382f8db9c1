import { create } from 'zustand';
import type { OfflineMessage } from '../../shared/domain.js';
import type { AppError } from '../../shared/errors.js';
import { invoke } from '../app/kefu.js';

export type OfflineFilter = 'unreplied' | 'replied';

interface OfflineState {
  messages: OfflineMessage[];
  filter: OfflineFilter;
  selectedId: string | null;
  load(): Promise<void>;
  setFilter(filter: OfflineFilter): void;
  select(id: string | null): void;
  reply(id: string, text: string): Promise<AppError | null>;
  apply(message: OfflineMessage): void;
}

export function upsertOffline(list: readonly OfflineMessage[], next: OfflineMessage): OfflineMessage[] {
  const rest = list.filter((m) => m.id !== next.id);
  return [...rest, next].sort((a, b) => b.createdAt - a.createdAt);
}

export function filterOffline(list: readonly OfflineMessage[], filter: OfflineFilter): OfflineMessage[] {
  return list.filter((m) => m.status === filter);
}

export const useOfflineStore = create<OfflineState>()((set, get) => ({
  messages: [],
  filter: 'unreplied',
  selectedId: null,
  async load() {
    const result = await invoke('offline-messages:list', undefined);
    if (result.ok) set({ messages: result.value.slice().sort((a, b) => b.createdAt - a.createdAt) });
  },
  setFilter(filter) {
    set({ filter });
  },
  select(selectedId) {
    set({ selectedId });
  },
  async reply(id, text) {
    const result = await invoke('offline-messages:reply', { id, text });
    if (!result.ok) return result.error;
    get().apply(result.value);
    return null;
  },
  apply(message) {
    set({ messages: upsertOffline(get().messages, message) });
  },
}));
