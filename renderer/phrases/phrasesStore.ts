import { create } from 'zustand';
import type { AppError } from '../../shared/errors.js';
import type { InvokeRequest } from '../../shared/ipc/contract.js';
import type { Phrase, PhraseCategory } from '../../shared/phrases.js';
import { invoke, kefu } from '../app/kefu.js';

interface PhrasesState {
  phrases: Phrase[];
  categories: PhraseCategory[];
  loaded: boolean;
  /** Reads the workstation's cache (instant, offline too). */
  load(): Promise<void>;
  /** Asks the services to fetch from the server into the cache. */
  refresh(): Promise<AppError | null>;
  create(request: InvokeRequest<'phrases:create'>): Promise<AppError | null>;
  update(id: string, patch: InvokeRequest<'phrases:update'>['patch']): Promise<AppError | null>;
  remove(id: string): Promise<AppError | null>;
}

/** Every phrase this agent may use (public + 我的), from the cache; reloaded on `phrases:changed`. */
export const usePhrasesStore = create<PhrasesState>()((set, get) => ({
  phrases: [],
  categories: [],
  loaded: false,
  async load() {
    const result = await invoke('phrases:list', undefined);
    if (result.ok) set({ phrases: result.value.phrases, categories: result.value.categories, loaded: true });
  },
  async refresh() {
    const result = await invoke('phrases:refresh', undefined);
    await get().load();
    return result.ok ? null : result.error;
  },
  async create(request) {
    const result = await invoke('phrases:create', request);
    await get().load();
    return result.ok ? null : result.error;
  },
  async update(id, patch) {
    const result = await invoke('phrases:update', { id, patch });
    await get().load();
    return result.ok ? null : result.error;
  },
  async remove(id) {
    const result = await invoke('phrases:delete', { id });
    await get().load();
    return result.ok ? null : result.error;
  },
}));

/** Keeps the store in step with the cache; returns the unsubscribe function. */
export function subscribePhrases(): () => void {
  void usePhrasesStore.getState().load();
  return kefu().on('phrases:changed', () => void usePhrasesStore.getState().load());
}
