/** Cached conversations and, per agent, how many visitor messages the agent has not read. */
import { awaitsAgent } from '../../../shared/agent-conversations.js';
import { ConversationSchema, type Conversation } from '../../../shared/domain.js';
import type { LocalConversation } from '../../../shared/ipc/contract.js';
import type { Db } from './database.js';
import { statement } from './statements.js';

/**
 * Stores the conversation's latest state. One that is closed (ended with its summary) is done
 * for the workstation: it left the list, and what it said is the records view's to read from
 * the server, so it goes from the cache instead, with its messages (deleteConversation).
 */
export function upsertConversation(db: Db, conversation: Conversation): void {
  if (!awaitsAgent(conversation)) return deleteConversation(db, conversation.id);
  statement(
    db,
    `INSERT INTO conversations (id, agent_id, state, last_message_at, data) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET agent_id = excluded.agent_id, state = excluded.state,
       last_message_at = excluded.last_message_at, data = excluded.data`,
  ).run(conversation.id, conversation.agentId, conversation.state, conversation.lastMessageAt, JSON.stringify(conversation));
}

export function getConversation(db: Db, id: string): Conversation | null {
  const row = statement(db, 'SELECT data FROM conversations WHERE id = ?').get(id) as { data: string } | undefined;
  return row ? parse(row.data) : null;
}

/**
 * The conversation goes from the cache with everything of it: its row, unread counts and the
 * messages the server stored (never the outbox: what the agent wrote and the server has not
 * acknowledged stays until it is). If it is ever listed here again, its history is fetched anew.
 */
export function deleteConversation(db: Db, id: string): void {
  db.transaction(() => {
    statement(db, 'DELETE FROM conversations WHERE id = ?').run(id);
    statement(db, 'DELETE FROM unread WHERE conversation_id = ?').run(id);
    statement(db, 'DELETE FROM messages WHERE conversation_id = ?').run(id);
  })();
}

/**
 * The agent's own conversations that still need them: open ones, and ended ones still waiting
 * for a summary (小结) — the agent cannot close those without one.
 */
export function listAgentConversations(db: Db, agentId: string): LocalConversation[] {
  const rows = db
    .prepare(
      `SELECT c.data, COALESCE(u.count, 0) AS unread FROM conversations c
       LEFT JOIN unread u ON u.conversation_id = c.id AND u.agent_id = ?
       WHERE c.agent_id = ? ORDER BY COALESCE(c.last_message_at, 0) DESC, c.id`,
    )
    .all(agentId, agentId) as { data: string; unread: number }[];
  return rows.map((row) => ({ ...parse(row.data), unread: row.unread })).filter(awaitsAgent);
}

export function toLocalConversation(db: Db, conversation: Conversation, agentId: string): LocalConversation {
  return { ...conversation, unread: getUnread(db, agentId, conversation.id) };
}

export function getUnread(db: Db, agentId: string, conversationId: string): number {
  const row = statement(db, 'SELECT count FROM unread WHERE agent_id = ? AND conversation_id = ?').get(agentId, conversationId) as
    { count: number } | undefined;
  return row?.count ?? 0;
}

export function incrementUnread(db: Db, agentId: string, conversationId: string): void {
  db.prepare(
    `INSERT INTO unread (agent_id, conversation_id, count) VALUES (?, ?, 1)
     ON CONFLICT (agent_id, conversation_id) DO UPDATE SET count = count + 1`,
  ).run(agentId, conversationId);
}

/** Adds several unread messages at once (a catch-up batch counts them first). */
export function addUnread(db: Db, agentId: string, conversationId: string, count: number): void {
  if (count <= 0) return;
  statement(
    db,
    `INSERT INTO unread (agent_id, conversation_id, count) VALUES (?, ?, ?)
     ON CONFLICT (agent_id, conversation_id) DO UPDATE SET count = count + excluded.count`,
  ).run(agentId, conversationId, count);
}

export function clearUnread(db: Db, agentId: string, conversationId: string): void {
  statement(db, 'DELETE FROM unread WHERE agent_id = ? AND conversation_id = ?').run(agentId, conversationId);
}

function parse(data: string): Conversation {
  return ConversationSchema.parse(JSON.parse(data));
}
