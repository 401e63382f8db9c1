/** What the server stored (the truth the bench checks against), read page by page over REST. */
import type { Message } from '../../../shared/domain.js';
import { LIMITS } from '../../../shared/limits.js';

export async function serverMessages(serverUrl: string, token: string, conversationId: string): Promise<Message[]> {
  const all: Message[] = [];
  for (let afterSeq = 0; ;) {
    const url = new URL(`/api/conversations/${conversationId}/messages`, serverUrl);
    url.searchParams.set('afterSeq', String(afterSeq));
    url.searchParams.set('limit', String(LIMITS.messagePageMax));
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`listing messages of ${conversationId}: HTTP ${response.status}`);
    const page = (await response.json()) as Message[];
    all.push(...page);
    if (page.length < LIMITS.messagePageMax) return all;
    afterSeq = page[page.length - 1]!.seq;
  }
}
