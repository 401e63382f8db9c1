import { create } from 'zustand';
import type { Conversation } from '../../shared/domain.js';
import type { LocalMessage } from '../../shared/ipc/contract.js';
import { invoke } from '../app/kefu.js';
import { mergeMessages } from '../dialog/messageLogic.js';

interface HistoryState {
  visitorId: string | null;
  conversations: Conversation[];
  loading: boolean;
  transcriptOf: Conversation | null;
  transcript: LocalMessage[];
  load(visitorId: string, currentConversationId: string): Promise<void>;
  openTranscript(conversation: Conversation): Promise<void>;
  closeTranscript(): void;
}

/** 历史对话: this visitor's earlier conversations, read-only. */
export const useHistoryStore = create<HistoryState>()((set, get) => ({
  visitorId: null,
  conversations: [],
  loading: false,
  transcriptOf: null,
  transcript: [],
  async load(visitorId, currentConversationId) {
    set({ visitorId, loading: true, conversations: [] });
    const result = await invoke('conversations:visitor-history', { visitorId });
    if (get().visitorId !== visitorId) return; // another visitor was chosen meanwhile
    const earlier = result.ok ? result.value.filter((c) => c.id !== currentConversationId) : [];
    set({ conversations: earlier.sort((a, b) => b.createdAt - a.createdAt), loading: false });
  },
  async openTranscript(conversation) {
    set({ transcriptOf: conversation, transcript: [] });
    const result = await invoke('conversations:get-messages', { conversationId: conversation.id });
    if (result.ok && get().transcriptOf?.id === conversation.id) set({ transcript: mergeMessages([], result.value) });
  },
  closeTranscript() {
    set({ transcriptOf: null, transcript: [] });
  },
}));
