import { create } from 'zustand';
import type { AppError } from '../../shared/errors.js';
import type { KnowledgeHit } from '../../shared/ipc/knowledge.js';
import type { KnowledgeCategory, KnowledgeEntry } from '../../shared/knowledge.js';
import { invoke } from '../app/kefu.js';

interface KnowledgeState {
  query: string;
  categoryId: string | null;
  hits: KnowledgeHit[];
  /** True once a search has answered for the current query. */
  searched: boolean;
  searching: boolean;
  error: AppError | null;
  categories: KnowledgeCategory[];
  /** Search with the words of the visitor's latest message (自动搜索). */
  autoSearch: boolean;
  /** The entry shown in the preview, loaded from the cache. */
  preview: KnowledgeEntry | null;
  setQuery(query: string): void;
  setCategory(categoryId: string | null): void;
  setAutoSearch(on: boolean): void;
  loadCategories(): Promise<void>;
  search(): Promise<void>;
  openPreview(id: string): Promise<KnowledgeEntry | null>;
  closePreview(): void;
}

/** Answers to older searches that arrive late are dropped: only the newest one counts. */
let searchSeq = 0;

export const useKnowledgeStore = create<KnowledgeState>()((set, get) => ({
  query: '',
  categoryId: null,
  hits: [],
  searched: false,
  searching: false,
  error: null,
  categories: [],
  autoSearch: false,
  preview: null,
  setQuery(query) {
    set({ query });
  },
  setCategory(categoryId) {
    set({ categoryId });
    void get().search();
  },
  setAutoSearch(autoSearch) {
    set({ autoSearch });
  },
  async loadCategories() {
    const result = await invoke('knowledge:categories', undefined);
    if (result.ok) set({ categories: result.value });
  },
  async search() {
    const { query, categoryId } = get();
    const seq = ++searchSeq;
    if (!query.trim()) {
      set({ hits: [], searched: false, searching: false, error: null });
      return;
    }
    set({ searching: true });
    const result = await invoke('knowledge:search', { query: query.trim(), limit: 20, categoryId });
    if (seq !== searchSeq) return;
    if (result.ok) set({ hits: result.value.hits, searched: true, searching: false, error: null });
    else set({ hits: [], searched: true, searching: false, error: result.error });
  },
  async openPreview(id) {
    const result = await invoke('knowledge:get', { id });
    const preview = result.ok ? result.value : null;
    set({ preview, error: result.ok ? null : result.error });
    return preview;
  },
  closePreview() {
    set({ preview: null });
  },
}));
