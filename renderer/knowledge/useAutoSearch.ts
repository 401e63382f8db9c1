import { useEffect, useRef } from 'react';
import { useMessagesStore } from '../dialog/messagesStore.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { autoQueryFrom } from './autoQuery.js';
import { useKnowledgeStore } from './knowledgeStore.js';

/** While 自动搜索 is on, each new visitor message in the open conversation becomes a search. */
export function useAutoSearch(): void {
  const autoSearch = useKnowledgeStore((s) => s.autoSearch);
  const conversationId = useConversationsStore((s) => s.selectedId);
  const latest = useMessagesStore((s) => {
    const messages = conversationId ? s.byConversation[conversationId] : undefined;
    if (!messages) return null;
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i]!;
      if (m.sender === 'visitor' && m.kind === 'text') return m;
    }
    return null;
  });
  const lastUsed = useRef<string | null>(null);

  useEffect(() => {
    if (!autoSearch || !latest || lastUsed.current === latest.id) return;
    lastUsed.current = latest.id;
    const query = autoQueryFrom(latest.text);
    if (!query) return;
    useKnowledgeStore.getState().setQuery(query);
    void useKnowledgeStore.getState().search();
  }, [autoSearch, latest]);
}
