/**
 * Nothing lost or repeated, checked against the server: for every conversation the cache holds
 * exactly the messages the server stored, once each, in the server's order; every message the
 * visitors sent is among them; and (when asked) the open transcript on screen shows the same.
 */
import type { Message } from '../../../shared/domain.js';
import { cachedClientIds } from './cache.js';
import { shownClientIds } from './page.js';
import { serverMessages } from './server-log.js';
import type { Bench } from './bench.js';

export interface Verdict {
  conversations: number;
  messages: number;
  problems: string[];
  /** What the server stored, by clientId (the floor re-inserts these). */
  stored: Map<string, Message>;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export async function verifyAgainstServer(bench: Bench, sent: readonly string[], checkScreen: boolean): Promise<Verdict> {
  const problems: string[] = [];
  const stored = new Map<string, Message>();
  for (const visitor of bench.visitors) {
    const onServer = await serverMessages(bench.stack.serverUrl, bench.adminToken, visitor.conversationId);
    const ids = onServer.map((m) => m.clientId);
    for (const message of onServer) stored.set(message.clientId, message);
    const cached = cachedClientIds(bench.cache, visitor.conversationId);
    if (!sameList(cached, ids)) problems.push(`${visitor.roomNo}: cache has ${cached.length} messages, the server ${ids.length} (or another order)`);
    if (checkScreen && visitor === bench.target) {
      const shown = await shownClientIds(bench.page);
      if (!sameList(shown, ids))
        problems.push(`${visitor.roomNo}: the open transcript shows ${shown.length} messages (${new Set(shown).size} distinct), the server has ${ids.length}`);
    }
  }
  const missing = sent.filter((id) => !stored.has(id));
  if (missing.length > 0) problems.push(`${missing.length} acknowledged messages are not on the server`);
  return { conversations: bench.visitors.length, messages: stored.size, problems, stored };
}
