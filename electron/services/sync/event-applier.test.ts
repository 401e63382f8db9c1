/**
 * Closed conversations leave the cache, not only the list: a summarised conversation's row, its
 * messages and unread counts go when it closes — in the batch that closes it, through any other
 * writer (the agent's own 小结), and for a cache older versions filled (migration 011) — and
 * messages that arrive for a conversation the cache no longer holds (the 转接 notice the old
 * agent receives after the removal) are not kept. What is listed after a reload equals what the
 * page was told live.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../shared/domain.js';
import type { DurableEvent } from '../../../shared/protocol/realtime.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { getConversation, getUnread, listAgentConversations, upsertConversation } from '../cache/conversations-repo.js';
import { openDatabase, type Db } from '../cache/database.js';
import { insertMessage, listMessages } from '../cache/messages-repo.js';
import { addOutboxEntry, countOutbox } from '../cache/outbox-repo.js';
import { migrations } from '../cache/migrations/index.js';
import { applyDurableEvents, type SeqEvent } from './event-applier.js';
import { sampleConversation } from '../../../shared/testing/sample-conversation.js';

afterEach(removeTempDirs);

const AGENT = 'a1';
const SUMMARY = { topicId: 't', topicName: '咨询', note: '', agentId: AGENT, at: 9 };

const conversation = (id: string, patch: Partial<Conversation> = {}): Conversation =>
  sampleConversation({
    id,
    roomNo: `访客${id}`,
    visitorId: `v-${id}`,
    visitorName: '访客',
    agentId: AGENT,
    agentName: null,
    createdAt: 1,
    assignedAt: 1,
    ...patch,
  });

let nextId = 0;
const message = (conversationId: string, seq: number): Message => ({
  id: `m${++nextId}`,
  conversationId,
  seq,
  clientId: `client-${nextId}`,
  sender: 'visitor',
  senderId: null,
  senderName: '访客',
  kind: 'text',
  text: `m${seq}`,
  attachment: null,
  createdAt: seq,
});

let seq = 0;
const events = (...list: DurableEvent[]): SeqEvent[] => list.map((event) => ({ seq: ++seq, event }));
const created = (m: Message): DurableEvent => ({ type: 'message.created', message: m });
const updated = (c: Conversation): DurableEvent => ({ type: 'conversation.updated', conversation: c });
const apply = (db: Db, batch: SeqEvent[]) => applyDurableEvents(db, batch, { agentId: AGENT, alerts: false });

const messageCount = (db: Db, conversationId: string) =>
  (db.prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?').get(conversationId) as { n: number }).n;
const unreadRows = (db: Db, conversationId: string) =>
  (db.prepare('SELECT COUNT(*) AS n FROM unread WHERE conversation_id = ?').get(conversationId) as { n: number }).n;

function withTwoConversations(): Db {
  const db = openDatabase(tempDir());
  apply(db, events(updated(conversation('open')), updated(conversation('closing'))));
  apply(db, events(created(message('open', 1)), created(message('closing', 1)), created(message('closing', 2))));
  expect(getUnread(db, AGENT, 'closing')).toBe(2);
  return db;
}

describe('closed conversations leave the cache', () => {
  it('a batch that closes a conversation takes its row, messages and unread count with it, and tells the page it left', () => {
    const db = withTwoConversations();
    const ended = conversation('closing', { state: 'ended', endedAt: 8, summary: SUMMARY });
    // A last message in the same batch as the closing: gone with the rest, not counted as unread.
    const changes = apply(db, events(created(message('closing', 3)), updated(ended)));

    expect(changes.removed).toEqual(['closing']);
    expect(changes.messages).toEqual([]);
    expect(getConversation(db, 'closing')).toBeNull();
    expect(messageCount(db, 'closing')).toBe(0);
    expect(unreadRows(db, 'closing')).toBe(0);
    // The other conversation is untouched; the reloaded list is what the page kept live.
    expect(listMessages(db, 'open')).toHaveLength(1);
    expect(listAgentConversations(db, AGENT).map((c) => c.id)).toEqual(['open']);
    db.close();
  });

  it('messages arriving after the conversation left (the 转接 notice after a transfer away) are not kept', () => {
    const db = withTwoConversations();
    apply(db, events({ type: 'conversation.removed', conversationId: 'closing', reason: 'transferred' } as DurableEvent));
    expect(messageCount(db, 'closing')).toBe(0);

    const changes = apply(db, events(created({ ...message('closing', 3), sender: 'system', text: '对话已转接' })));
    expect(changes.messages).toEqual([]);
    expect(messageCount(db, 'closing')).toBe(0);
    expect(getConversation(db, 'closing')).toBeNull();
    db.close();
  });

  it("closing through another writer (the agent's own 小结) prunes the same way, and leaves the outbox alone", () => {
    const db = withTwoConversations();
    addOutboxEntry(db, {
      clientId: 'unsent',
      agentId: AGENT,
      conversationId: 'closing',
      kind: 'text',
      text: '还没发出',
      fileName: null,
      fileBytes: null,
      createdAt: 5,
    });
    upsertConversation(db, conversation('closing', { state: 'ended', endedAt: 8, summary: SUMMARY }));
    expect(getConversation(db, 'closing')).toBeNull();
    expect(messageCount(db, 'closing')).toBe(0);
    expect(countOutbox(db, AGENT)).toBe(1);
    db.close();
  });

  it('an ended conversation still waiting for its summary stays, with its messages', () => {
    const db = withTwoConversations();
    apply(db, events(updated(conversation('closing', { state: 'ended', endedAt: 8 }))));
    expect(getConversation(db, 'closing')?.state).toBe('ended');
    expect(messageCount(db, 'closing')).toBe(2);
    expect(listAgentConversations(db, AGENT).map((c) => c.id)).toContain('closing');
    db.close();
  });

  it('migration 011 drops what older versions kept: closed conversations and messages of conversations not cached', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    apply(db, events(updated(conversation('open'))));
    // As an older version left it: the closed row and its messages still there, and a stray message.
    db.prepare('INSERT INTO conversations (id, agent_id, state, last_message_at, data) VALUES (?, ?, ?, ?, ?)').run(
      'old',
      AGENT,
      'ended',
      null,
      JSON.stringify(conversation('old', { state: 'ended', summary: SUMMARY })),
    );
    insertMessage(db, message('old', 1));
    insertMessage(db, message('stray', 1));
    insertMessage(db, message('open', 1));
    const prune = migrations.find((m) => m.name === 'prune-closed')!;
    db.exec(prune.sql);

    expect(getConversation(db, 'old')).toBeNull();
    expect(messageCount(db, 'old') + messageCount(db, 'stray')).toBe(0);
    expect(messageCount(db, 'open')).toBe(1);
    db.close();
  });
});
