import '../testing/setupDom.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeKefu } from '../testing/fakeKefu.js';
import { conversation, message } from '../testing/fixtures.js';
import { subscribeEvents } from './subscribeEvents.js';
import { provideKefu } from './kefu.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { useMessagesStore } from '../dialog/messagesStore.js';
import { useConnectionStore } from '../connection/connectionStore.js';
import { useAlertStore } from '../alerts/alertStore.js';
import { ok } from '../../shared/errors.js';

let off: () => void = () => undefined;
let api: FakeKefu;

beforeEach(() => {
  api = new FakeKefu({ 'conversations:get-messages': () => ok([]), 'conversations:mark-read': () => ok(null) });
  provideKefu(api);
  useConversationsStore.setState({ conversations: [], queue: [], selectedId: null });
  useMessagesStore.setState({ byConversation: {}, drafts: {} });
  useAlertStore.setState({ pending: {} });
  off = subscribeEvents(api);
});
afterEach(() => {
  off();
  provideKefu(null);
});

describe('contract events drive the stores', () => {
  it('a message going sending → sent stays one message', () => {
    const pending = message({ conversationId: 'c1', clientId: 'k', seq: 0, sender: 'agent', delivery: 'sending' });
    api.emit('message:upserted', pending);
    api.emit('message:upserted', { ...pending, id: 'srv', seq: 4, delivery: 'sent' });
    const list = useMessagesStore.getState().byConversation.c1 ?? [];
    expect(list.map((m) => [m.clientId, m.delivery, m.seq])).toEqual([['k', 'sent', 4]]);
  });

  it('conversations, queue, drafts and connection follow their events', () => {
    const c = conversation({ id: 'c2', unread: 2 });
    api.emit('conversation:updated', c);
    expect(useConversationsStore.getState().conversations.map((x) => x.id)).toEqual(['c2']);
    // A conversation first seen through an event gets its history fetched.
    expect(api.callsTo('conversations:get-messages')).toEqual([{ conversationId: 'c2' }]);
    api.emit('draft:changed', { conversationId: 'c2', text: '我想问一下' });
    expect(useMessagesStore.getState().drafts.c2).toBe('我想问一下');
    api.emit('queue:changed', [{ conversationId: 'q1', roomNo: '访客000001', visitorName: 'v', groupId: null, position: 1, waitingSince: 1 }]);
    expect(useConversationsStore.getState().queue).toHaveLength(1);
    api.emit('connection:changed', { state: 'syncing', progress: { done: 3, total: 10 }, outbox: 2 });
    expect(useConnectionStore.getState().connection.outbox).toBe(2);
    api.emit('conversation:removed', { conversationId: 'c2' });
    expect(useConversationsStore.getState().conversations).toHaveLength(0);
  });

  it('an alert stays until the agent opens that conversation, which marks it read', () => {
    api.emit('conversation:updated', conversation({ id: 'c3', unread: 1 }));
    api.emit('alert:raised', { kind: 'message-received', conversationId: 'c3', title: '新消息', body: '在吗' });
    expect(Object.keys(useAlertStore.getState().pending)).toEqual(['message-received:c3']);
    useConversationsStore.getState().select('c3');
    expect(useAlertStore.getState().pending).toEqual({});
    expect(api.callsTo('conversations:mark-read')).toEqual([{ conversationId: 'c3' }]);
    expect(useConversationsStore.getState().conversations[0]?.unread).toBe(0);
  });

  it('removes every listener on unsubscribe', () => {
    off();
    api.emit('draft:changed', { conversationId: 'c9', text: 'x' });
    expect(useMessagesStore.getState().drafts.c9).toBeUndefined();
  });
});
