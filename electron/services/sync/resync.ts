/**
 * Rebuilds the cache from the server's REST routes after a `resync` frame: the stored lastSeq was
 * beyond the server's log (cache restored from a backup, server restored from an older one, another
 * server), so the event stream cannot say what changed. The server's answer replaces what the
 * cache shows; the outbox is not touched, so nothing unsent is lost; and only once the rebuild is
 * stored does lastSeq go to the server's head, so a failed rebuild is simply tried again on the
 * next connection (which gets `resync` again).
 */
import { listedFor } from '../../../shared/agent-conversations.js';
import type { Conversation } from '../../../shared/domain.js';
import type { RestClient } from '../api/rest-client.js';
import { deleteConversation, listAgentConversations, toLocalConversation, upsertConversation } from '../cache/conversations-repo.js';
import type { Db } from '../cache/database.js';
import { resetLastSeq } from '../cache/sync-state-repo.js';
import type { InternalBus } from '../base/internal-bus.js';
import type { WorkstationEvents } from '../workstation-events.js';

export interface ResyncDeps {
  db: Db;
  rest: RestClient;
  events: WorkstationEvents;
  /** The services' own signals: phrases re-read after a rebuild. */
  internal: InternalBus;
  agentId: () => string | null;
  /** Fetches a conversation's messages the cache lacks (the same path opening a conversation uses). */
  backfillMessages(conversationId: string): Promise<void>;
}

/** Rejects when the server could not be asked; the caller reconnects and the server says resync again. */
export async function rebuildFromServer(deps: ResyncDeps, headSeq: number): Promise<void> {
  const { db, rest, events } = deps;
  const agentId = deps.agentId();
  if (!agentId) throw new Error('no agent logged in');
  const open = await rest.call('listConversations', { query: { state: 'open' } });
  if (!open.ok) throw new Error(`listing conversations failed: ${open.error.message}`);
  const fresh = new Map<string, Conversation>(open.value.map((c) => [c.id, c]));
  const gone: string[] = [];
  // What the cache shows but the server did not list: ended since, transferred away, or unknown
  // to this server. Ask for each (they are few) instead of guessing.
  for (const cached of listAgentConversations(db, agentId)) {
    if (fresh.has(cached.id)) continue;
    const one = await rest.call('getConversation', { params: { id: cached.id } });
    if (one.ok && one.value.agentId === agentId) fresh.set(one.value.id, one.value);
    else if (one.ok || one.error.code === 'NOT_FOUND' || one.error.code === 'FORBIDDEN') gone.push(cached.id);
    else throw new Error(`reading conversation ${cached.id} failed: ${one.error.message}`);
  }
  // A logout (or another agent's login) while we waited: this rebuild is not theirs to write.
  if (deps.agentId() !== agentId) throw new Error('the agent changed during the rebuild');

  db.transaction(() => {
    for (const conversation of fresh.values()) {
      upsertConversation(db, conversation);
      // Messages the server does not have (its log went back in time) must not sit among its own.
      db.prepare('DELETE FROM messages WHERE conversation_id = ? AND seq > ?').run(conversation.id, conversation.lastMessageSeq);
    }
    for (const id of gone) deleteConversation(db, id);
  })();
  const listed = [...fresh.values()].filter((conversation) => listedFor(conversation, agentId));
  events.emit('conversations:synced', {
    conversations: listed.map((conversation) => toLocalConversation(db, conversation, agentId)),
    removed: [...gone, ...[...fresh.values()].filter((conversation) => !listedFor(conversation, agentId)).map((c) => c.id)],
    messages: [],
  });

  for (const conversation of fresh.values()) {
    if (conversation.agentId === agentId) await deps.backfillMessages(conversation.id);
  }
  // phrases.changed events below the head were never seen either: re-read the lists.
  deps.internal.emit('phrases:outdated', { ownerId: null });
  deps.internal.emit('phrases:outdated', { ownerId: agentId });
  if (deps.agentId() !== agentId) throw new Error('the agent changed during the rebuild');
  resetLastSeq(db, agentId, headSeq);
}
