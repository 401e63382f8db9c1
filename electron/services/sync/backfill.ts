/**
 * Fetches the messages a conversation's cache lacks (one transferred in arrives over realtime with
 * only its newest message) from REST, page by page, and tells the renderer in one summary per
 * page. One fill per conversation at a time: a second caller waits for the running one.
 */
import { LIMITS } from '../../../shared/limits.js';
import type { RestClient } from '../api/rest-client.js';
import { getConversation } from '../cache/conversations-repo.js';
import type { Db } from '../cache/database.js';
import { contiguousMessageSeq, insertMessage } from '../cache/messages-repo.js';
import type { WorkstationEvents } from '../workstation-events.js';
import { sentMessage } from './local-messages.js';
import type { LocalMessage } from '../../../shared/ipc/contract.js';

export interface BackfillDeps {
  db: Db;
  rest: RestClient;
  events: WorkstationEvents;
}

/** At most this many pages per fill; what is older stays on the server until asked again. */
const MAX_PAGES = 20;

export function createBackfill(deps: BackfillDeps): (conversationId: string) => Promise<void> {
  const { db, rest, events } = deps;
  const running = new Map<string, Promise<void>>();

  async function fill(conversationId: string) {
    const conversation = getConversation(db, conversationId);
    let afterSeq = contiguousMessageSeq(db, conversationId);
    for (let page = 0; page < MAX_PAGES && (!conversation || afterSeq < conversation.lastMessageSeq); page++) {
      const result = await rest.call('listMessages', { params: { id: conversationId }, query: { afterSeq, limit: LIMITS.messagePageMax } });
      if (!result.ok || result.value.length === 0) return;
      const added: LocalMessage[] = db.transaction(() => result.value.filter((message) => insertMessage(db, message)).map(sentMessage))();
      if (added.length > 0) events.emit('conversations:synced', { conversations: [], removed: [], messages: added });
      afterSeq = contiguousMessageSeq(db, conversationId);
      if (result.value.length < LIMITS.messagePageMax) return;
    }
  }

  return (conversationId) => {
    let pending = running.get(conversationId);
    if (!pending) {
      pending = fill(conversationId).finally(() => running.delete(conversationId));
      running.set(conversationId, pending);
    }
    return pending;
  };
}
