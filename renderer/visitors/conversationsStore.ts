import { create } from 'zustand';
import type { LocalConversation } from '../../shared/ipc/contract.js';
import type { QueueEntry } from '../../shared/domain.js';
import type { AppError } from '../../shared/errors.js';
import { invoke } from '../app/kefu.js';
import { useAlertStore } from '../alerts/alertStore.js';
import { removeConversation, upsertConversation, type SortMode } from './conversationLogic.js';

interface ConversationsState {
  conversations: LocalConversation[];
  queue: QueueEntry[];
  selectedId: string | null;
  sortMode: SortMode;
  showQueue: boolean;
  load(): Promise<void>;
  select(conversationId: string | null): void;
  setSortMode(mode: SortMode): void;
  setShowQueue(show: boolean): void;
  accept(conversationId: string): Promise<AppError | null>;
  applyUpdated(conversation: LocalConversation): void;
  applyRemoved(conversationId: string): void;
  applyQueue(queue: QueueEntry[]): void;
}

export const useConversationsStore = create<ConversationsState>()((set, get) => ({
  conversations: [],
  queue: [],
  selectedId: null,
  sortMode: 'last-message',
  showQueue: false,
  async load() {
    const [list, queue] = await Promise.all([invoke('conversations:list', undefined), invoke('queue:list', undefined)]);
    if (list.ok) set({ conversations: list.value });
    if (queue.ok) set({ queue: queue.value });
  },
  select(conversationId) {
    set({ selectedId: conversationId });
    if (conversationId) useAlertStore.getState().acknowledge(conversationId);
    const conversation = get().conversations.find((c) => c.id === conversationId);
    if (conversationId && conversation && conversation.unread > 0) {
      // Optimistic: the badge goes at once; the services confirm with conversation:updated.
      set({ conversations: upsertConversation(get().conversations, { ...conversation, unread: 0 }) });
      void invoke('conversations:mark-read', { conversationId });
    }
  },
  setSortMode(sortMode) {
    set({ sortMode });
  },
  setShowQueue(showQueue) {
    set({ showQueue });
  },
  async accept(conversationId) {
    useAlertStore.getState().noteOwnAccept(conversationId);
    const result = await invoke('conversations:accept', { conversationId });
    if (!result.ok) return result.error;
    const existing = get().conversations.find((c) => c.id === conversationId);
    get().applyUpdated({ ...result.value, unread: existing?.unread ?? 0 });
    set({ queue: get().queue.filter((q) => q.conversationId !== conversationId) });
    get().select(conversationId);
    return null;
  },
  applyUpdated(conversation) {
    const conversations = upsertConversation(get().conversations, conversation);
    set({ conversations });
    // The open conversation is being read right now: keep its badge at zero.
    if (conversation.id === get().selectedId && conversation.unread > 0 && document.hasFocus()) {
      get().select(conversation.id);
    }
  },
  applyRemoved(conversationId) {
    set({
      conversations: removeConversation(get().conversations, conversationId),
      selectedId: get().selectedId === conversationId ? null : get().selectedId,
    });
  },
  applyQueue(queue) {
    set({ queue });
  },
}));
