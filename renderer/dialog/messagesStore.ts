import { create } from 'zustand';
import type { InvokeRequest, LocalMessage } from '../../shared/ipc/contract.js';
import type { AppError } from '../../shared/errors.js';
import { invoke } from '../app/kefu.js';
import { mergeMessage, mergeMessages } from './messageLogic.js';

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
  applyDraft(conversationId: string, text: string): void;
}

export const useMessagesStore = create<MessagesState>()((set, get) => ({
  byConversation: {},
  drafts: {},
  async load(conversationId) {
    const result = await invoke('conversations:get-messages', { conversationId });
    if (!result.ok) return;
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
  applyDraft(conversationId, text) {
    set({ drafts: { ...get().drafts, [conversationId]: text } });
  },
}));
