import '../testing/setupDom.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeKefu } from '../testing/fakeKefu.js';
import { conversation, message } from '../testing/fixtures.js';
import { subscribeEvents } from './subscribeEvents.js';
import { provideKefu } from './kefu.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { useMessagesStore } from '../dialog/messagesStore.js';
import { useConnectionStore } from '../connection/connectionStore.js';
import { useAlertStore } from '../alerts/alertStore.js';
import { ok } from '../../shared/errors.js';
import { transportChanged } from '../platform/transport-status.js';

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
    api.emit('connection:changed', { state: 'online', progress: null, outbox: 2 });
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

  it('a conversation ended with its summary leaves the list, its transcript and its alerts, as after a reload', () => {
    const closed = conversation({ id: 'c4', unread: 1 });
    api.emit('conversation:updated', closed);
    api.emit('message:upserted', message({ conversationId: 'c4' }));
    api.emit('alert:raised', { kind: 'message-received', conversationId: 'c4', title: '新消息', body: '谢谢' });
    api.emit('conversation:updated', { ...closed, state: 'ended', summary: { topicId: 't', topicName: '售后', note: '', agentId: 'a1', at: 9 } });
    expect(useConversationsStore.getState().conversations).toEqual([]);
    expect(useMessagesStore.getState().byConversation.c4).toBeUndefined();
    expect(useAlertStore.getState().pending).toEqual({});
    // Ended without a summary yet: it stays until the agent writes one.
    const waiting = conversation({ id: 'c5' });
    api.emit('conversation:updated', { ...waiting, state: 'ended' });
    expect(useConversationsStore.getState().conversations.map((c) => c.id)).toEqual(['c5']);
  });

  it('catch-up summaries arriving together are applied together: one store update, what left the list dropped', () => {
    vi.useFakeTimers();
    try {
      const kept = conversation({ id: 'k1' });
      const gone = conversation({ id: 'g1' });
      api.emit('conversations:synced', { conversations: [kept, gone], removed: [], messages: [message({ conversationId: 'g1', seq: 1 })] });
      vi.advanceTimersByTime(100);
      expect(useConversationsStore.getState().conversations.map((c) => c.id)).toEqual(['k1', 'g1']);
      let updates = 0;
      const off = useMessagesStore.subscribe(() => updates++);
      const progress: number[] = [];
      const offProgress = useConnectionStore.subscribe((s) => progress.push(s.connection.progress?.done ?? -1));
      for (let i = 0; i < 10; i++) {
        const batch = Array.from({ length: 50 }, (_, j) => message({ conversationId: j % 2 ? 'k1' : 'g1', seq: 10 + i * 50 + j }));
        api.emit('conversations:synced', { conversations: [{ ...kept, unread: (i + 1) * 25 }], removed: i === 9 ? ['g1'] : [], messages: batch });
        api.emit('connection:changed', { state: 'syncing', progress: { done: (i + 1) * 50, total: 500 }, outbox: 0 });
      }
      expect(updates).toBe(0);
      vi.advanceTimersByTime(100);
      off();
      offProgress();
      expect(updates).toBe(2); // the messages of all ten, then g1's transcript dropped
      expect(progress).toEqual([500]);
      expect(useConversationsStore.getState().conversations.map((c) => [c.id, c.unread])).toEqual([['k1', 250]]);
      expect(Object.keys(useMessagesStore.getState().byConversation)).toEqual(['k1']);
      expect(useMessagesStore.getState().byConversation.k1).toHaveLength(250);
      // New conversations had their history asked for, once each.
      expect(api.callsTo('conversations:get-messages')).toEqual([{ conversationId: 'k1' }, { conversationId: 'g1' }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a live event never overtakes a summary that arrived before it', () => {
    const c = conversation({ id: 'o1', unread: 1 });
    api.emit('conversations:synced', { conversations: [c], removed: [], messages: [] });
    api.emit('conversation:updated', { ...c, unread: 2 });
    expect(useConversationsStore.getState().conversations.map((x) => x.unread)).toEqual([2]);
    api.emit('conversations:synced', { conversations: [{ ...c, unread: 3 }], removed: [], messages: [] });
    api.emit('connection:changed', { state: 'online', progress: null, outbox: 0 });
    expect(useConversationsStore.getState().conversations.map((x) => x.unread)).toEqual([3]);
  });

  it('the browser shell going away shows as lost; coming back reads everything again', async () => {
    transportChanged('lost');
    expect(useConnectionStore.getState().servicesReachable).toBe(false);
    api.calls.length = 0;
    transportChanged('restored');
    expect(useConnectionStore.getState().servicesReachable).toBe(true);
    await vi.waitFor(() => expect(api.callsTo('session:get-snapshot')).toHaveLength(1));
    expect(api.callsTo('connection:get-state')).toHaveLength(1);
  });
});
