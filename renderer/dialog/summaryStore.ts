import { create } from 'zustand';

/** Which conversation the 小结 modal is asking about (opened by the dialog and by the list's row close). */
interface SummaryRequestState {
  conversationId: string | null;
  ask(conversationId: string): void;
  dismiss(): void;
}

export const useSummaryRequest = create<SummaryRequestState>()((set) => ({
  conversationId: null,
  ask(conversationId) {
    set({ conversationId });
  },
  dismiss() {
    set({ conversationId: null });
  },
}));
