import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../shared/domain.js';
import { uuidv7 } from '../../../shared/ids.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { clearUnread, getUnread, incrementUnread, listAgentConversations, upsertConversation } from './conversations-repo.js';
import { openDatabase, schemaVersion } from './database.js';
import { getMessageByClientId, insertMessage, listMessages, maxMessageSeq } from './messages-repo.js';
import { migrations } from './migrations/index.js';
import { addOutboxEntry, countOutbox, deleteOutboxEntry, markOutboxFailed, pendingOutbox, requeueOutboxEntry } from './outbox-repo.js';
import { getSettings, saveSettings } from './settings-repo.js';
import { getLastSeq, setLastSeq } from './sync-state-repo.js';
import { sampleConversation } from '../../../shared/testing/sample-conversation.js';

afterEach(removeTempDirs);

const conversation = (id: string, agentId: string | null, patch: Partial<Conversation> = {}): Conversation =>
  sampleConversation({
    id,
    roomNo: '访客123456',
    visitorId: `v-${id}`,
    visitorName: '访客',
    agentId: agentId,
    agentName: null,
    createdAt: 1,
    assignedAt: 1,
    ...patch,
  });

const message = (id: string, seq: number, clientId = uuidv7()): Message => ({
  id,
  conversationId: 'c1',
  seq,
  clientId,
  sender: 'visitor',
  senderId: null,
  senderName: '访客',
  kind: 'text',
  text: `m${seq}`,
  attachment: null,
  createdAt: seq,
});

describe('workstation cache', () => {
  it('applies numbered migrations once and keeps data across reopen', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    setLastSeq(db, 'a1', 7);
    db.close();
    const again = openDatabase(dir);
    expect(schemaVersion(again)).toBe(migrations.at(-1)!.version);
    expect(getLastSeq(again, 'a1')).toBe(7);
    again.close();
  });

  it('settings: defaults, saved values, and a corrupt stored value falls back to its default', () => {
    const db = openDatabase(tempDir());
    expect(getSettings(db, 'http://127.0.0.1:1')).toMatchObject({ language: 'zh-CN', sendKey: 'enter', serverUrl: 'http://127.0.0.1:1', autoLogin: false });
    saveSettings(db, { sendKey: 'ctrl-enter', language: 'en' });
    db.prepare("INSERT INTO settings (key, value) VALUES ('soundEnabled', '\"loud\"')").run();
    const settings = getSettings(db, 'http://127.0.0.1:1');
    expect(settings.sendKey).toBe('ctrl-enter');
    expect(settings.language).toBe('en');
    expect(settings.soundEnabled).toBe(true);
    db.close();
  });

  it('sync state only moves forward', () => {
    const db = openDatabase(tempDir());
    setLastSeq(db, 'a1', 10);
    setLastSeq(db, 'a1', 4);
    expect(getLastSeq(db, 'a1')).toBe(10);
    expect(getLastSeq(db, 'a2')).toBe(0);
    db.close();
  });

  it('messages are unique by id and by client id, listed in seq order', () => {
    const db = openDatabase(tempDir());
    const first = message('m1', 2);
    expect(insertMessage(db, first)).toBe(true);
    expect(insertMessage(db, first)).toBe(false);
    expect(insertMessage(db, { ...message('m-other', 3), clientId: first.clientId })).toBe(false);
    expect(insertMessage(db, message('m0', 1))).toBe(true);
    expect(listMessages(db, 'c1').map((m) => m.id)).toEqual(['m0', 'm1']);
    expect(maxMessageSeq(db, 'c1')).toBe(2);
    expect(getMessageByClientId(db, first.clientId)?.id).toBe('m1');
    db.close();
  });

  it('conversations: unread counted per agent; ended ones with a summary leave the list', () => {
    const db = openDatabase(tempDir());
    upsertConversation(db, conversation('c1', 'a1', { lastMessageAt: 5 }));
    upsertConversation(db, conversation('c2', 'a1', { lastMessageAt: 9 }));
    upsertConversation(db, conversation('c3', 'a2'));
    upsertConversation(db, conversation('c4', 'a1', { state: 'ended', summary: { topicId: 't', topicName: 'T', note: '', agentId: 'a1', at: 1 } }));
    incrementUnread(db, 'a1', 'c1');
    incrementUnread(db, 'a1', 'c1');
    incrementUnread(db, 'a2', 'c1');
    expect(listAgentConversations(db, 'a1').map((c) => [c.id, c.unread])).toEqual([
      ['c2', 0],
      ['c1', 2],
    ]);
    expect(getUnread(db, 'a2', 'c1')).toBe(1);
    clearUnread(db, 'a1', 'c1');
    expect(getUnread(db, 'a1', 'c1')).toBe(0);
    expect(getUnread(db, 'a2', 'c1')).toBe(1);
    db.close();
  });

  it('outbox keeps creation order; a retried entry goes to the end; delete removes it', () => {
    const db = openDatabase(tempDir());
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    for (const clientId of ids) {
      addOutboxEntry(db, { clientId, agentId: 'a1', conversationId: 'c1', kind: 'text', text: clientId, fileName: null, fileBytes: null, createdAt: 1 });
    }
    expect(pendingOutbox(db, 'a1').map((e) => e.clientId)).toEqual(ids);
    markOutboxFailed(db, ids[0]!, 'VALIDATION_FAILED: no');
    expect(pendingOutbox(db, 'a1').map((e) => e.clientId)).toEqual([ids[1], ids[2]]);
    expect(countOutbox(db, 'a1')).toBe(3);
    requeueOutboxEntry(db, ids[0]!);
    expect(pendingOutbox(db, 'a1').map((e) => e.clientId)).toEqual([ids[1], ids[2], ids[0]]);
    expect(deleteOutboxEntry(db, ids[1]!)).toBe(true);
    expect(deleteOutboxEntry(db, ids[1]!)).toBe(false);
    expect(countOutbox(db, 'a1')).toBe(2);
    db.close();
  });
});
