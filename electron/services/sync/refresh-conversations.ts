/**
 * The agent's open conversations, fresh from the server after a login or resume (the replay
 * brings what changed while away): cached in one transaction and told to the renderer at once.
 */
import { listedFor } from '../../../shared/agent-conversations.js';
import type { RestClient } from '../api/rest-client.js';
import { toLocalConversation, upsertConversation } from '../cache/conversations-repo.js';
import type { Db } from '../cache/database.js';
import type { WorkstationEvents } from '../workstation-events.js';

export interface RefreshDeps {
  db: Db;
  rest: RestClient;
  events: WorkstationEvents;
  agentId: () => string | null;
}

export async function refreshOpenConversations(deps: RefreshDeps): Promise<void> {
  const result = await deps.rest.call('listConversations', { query: { state: 'open' } });
  const agentId = deps.agentId();
  if (!result.ok || !agentId) return;
  const { db } = deps;
  db.transaction(() => result.value.forEach((conversation) => upsertConversation(db, conversation)))();
  const listed = result.value.filter((conversation) => listedFor(conversation, agentId));
  if (listed.length === 0) return;
  deps.events.emit('conversations:synced', {
    conversations: listed.map((conversation) => toLocalConversation(db, conversation, agentId)),
    removed: [],
    messages: [],
  });
}
