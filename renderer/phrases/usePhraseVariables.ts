import type { PhraseVariables } from '../../shared/phrases.js';
import { useSessionStore } from '../login/sessionStore.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';

/** {访客昵称} and {客服昵称} for the selected (or given) conversation. */
export function usePhraseVariables(conversationId?: string): PhraseVariables {
  const visitor = useConversationsStore((s) => s.conversations.find((c) => c.id === (conversationId ?? s.selectedId))?.visitorName ?? '');
  const agent = useSessionStore((s) => s.snapshot?.agent?.nickname ?? '');
  return { visitor, agent };
}
