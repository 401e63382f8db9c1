import { create } from 'zustand';
import type { LocalConversation } from '../../shared/ipc/contract.js';
import type { QueueEntry } from '../../shared/domain.js';
import type { AppError } from '../../shared/errors.js';
import { invoke } from '../app/kefu.js';
import { useAlertStore } from '../alerts/alertStore.js';
import { awaitsAgent } from '../../shared/agent-conversations.js';
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
  /** Many at once (conversations:synced): one store update for the whole batch. */
  applyBatch(conversations: readonly LocalConversation[], removed: readonly string[]): void;
  applyQueue(queue: QueueEntry[]): void;
}

export const useConversationsStore = create<ConversationsState>()((set, get) => ({
  conversations: [],
  queue: [],
  selectedId: null,
  sortMode: 'last-message',
  showQueue: false,
  async load() {
    // The list comes from the cache and shows at once; the queue asks the server, which may be
    // slow or away: neither waits for the other.
    void invoke('queue:list', undefined).then((queue) => queue.ok && set({ queue: queue.value }));
    const list = await invoke('conversations:list', undefined);
    if (list.ok) set({ conversations: list.value.filter(awaitsAgent) });
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
    // Ended with its summary written: it leaves the list, as it does from the services' own list.
    if (!awaitsAgent(conversation)) return get().applyRemoved(conversation.id);
    const conversations = upsertConversation(get().conversations, conversation);
    set({ conversations });
    keepOpenOneRead(conversation);
  },
  applyBatch(changed, removed) {
    if (changed.length === 0 && removed.length === 0) return;
    const gone = new Set(removed);
    for (const conversation of changed) if (!awaitsAgent(conversation)) gone.add(conversation.id);
    const next = new Map(get().conversations.map((c) => [c.id, c]));
    for (const conversation of changed) if (!gone.has(conversation.id)) next.set(conversation.id, conversation);
    for (const id of gone) next.delete(id);
    const selectedId = get().selectedId;
    set({ conversations: [...next.values()], selectedId: selectedId !== null && gone.has(selectedId) ? null : selectedId });
    const open = changed.find((c) => c.id === selectedId);
    if (open && !gone.has(open.id)) keepOpenOneRead(open);
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

/** The open conversation is being read right now: keep its badge at zero. */
function keepOpenOneRead(conversation: LocalConversation): void {
  const store = useConversationsStore.getState();
  if (conversation.id === store.selectedId && conversation.unread > 0 && document.hasFocus()) store.select(conversation.id);
}
