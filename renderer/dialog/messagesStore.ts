import { create } from 'zustand';
import type { InvokeRequest, LocalMessage } from '../../shared/ipc/contract.js';
import type { AppError } from '../../shared/errors.js';
import { invoke } from '../app/kefu.js';
import { mergeMessage, mergeMessages } from './messageLogic.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';

export type SendRequest = InvokeRequest<'conversations:send-message'>;

interface MessagesState {
  /** Messages per conversation id, merged by clientId and ordered. */
  byConversation: Record<string, LocalMessage[]>;
  /** The visitor's unsent text per conversation (实时查看). */
  drafts: Record<string, string>;
  load(conversationId: string): Promise<void>;
  send(request: SendRequest): Promise<AppError | null>;
  retry(clientId: string): Promise<AppError | null>;
  applyMessage(message: LocalMessage): void;
  /** Many messages at once (conversations:synced): one store update, one merge per conversation. */
  applyBatch(messages: readonly LocalMessage[]): void;
  /** Conversations that left the list take their transcripts and drafts with them. */
  drop(conversationIds: readonly string[]): void;
  applyDraft(conversationId: string, text: string): void;
}

export const useMessagesStore = create<MessagesState>()((set, get) => ({
  byConversation: {},
  drafts: {},
  async load(conversationId) {
    const result = await invoke('conversations:get-messages', { conversationId });
    if (!result.ok) return;
    // Left the list while this was loading (ended with a summary, transferred away): keep nothing of it.
    if (!useConversationsStore.getState().conversations.some((c) => c.id === conversationId)) return;
    // Merge rather than replace: events may have arrived while the list was loading.
    const current = get().byConversation[conversationId] ?? [];
    set({ byConversation: { ...get().byConversation, [conversationId]: mergeMessages(current, result.value) } });
  },
  async send(request) {
    const result = await invoke('conversations:send-message', request);
    if (!result.ok) return result.error;
    get().applyMessage(result.value);
    return null;
  },
  async retry(clientId) {
    const result = await invoke('conversations:retry-message', { clientId });
    if (!result.ok) return result.error;
    get().applyMessage(result.value);
    return null;
  },
  applyMessage(message) {
    const current = get().byConversation[message.conversationId] ?? [];
    const drafts = message.sender === 'visitor' ? { ...get().drafts, [message.conversationId]: '' } : get().drafts;
    set({ byConversation: { ...get().byConversation, [message.conversationId]: mergeMessage(current, message) }, drafts });
  },
  applyBatch(messages) {
    if (messages.length === 0) return;
    const grouped = new Map<string, LocalMessage[]>();
    for (const message of messages) {
      const group = grouped.get(message.conversationId);
      if (group) group.push(message);
      else grouped.set(message.conversationId, [message]);
    }
    const byConversation = { ...get().byConversation };
    let drafts = get().drafts;
    for (const [conversationId, group] of grouped) {
      byConversation[conversationId] = mergeMessages(byConversation[conversationId] ?? [], group);
      // The visitor sent what they were typing: the live view empties, as for a single message.
      if (group.some((m) => m.sender === 'visitor')) drafts = { ...drafts, [conversationId]: '' };
    }
    set({ byConversation, drafts });
  },
  drop(conversationIds) {
    const { byConversation, drafts } = get();
    const present = conversationIds.filter((id) => id in byConversation || id in drafts);
    if (present.length === 0) return;
    const nextMessages = { ...byConversation };
    const nextDrafts = { ...drafts };
    for (const id of present) {
      delete nextMessages[id];
      delete nextDrafts[id];
    }
    set({ byConversation: nextMessages, drafts: nextDrafts });
  },
  applyDraft(conversationId, text) {
    set({ drafts: { ...get().drafts, [conversationId]: text } });
  },
}));
