/**
 * The widget after a `resync` frame: no hello with the old seq, the conversation and its messages
 * rebuilt from REST answers, the seq set to the server's head, and events counted from there.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Conversation, Message, OfflineMessage } from '../../../shared/domain.js';
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { RouteName } from '../../../shared/protocol/rest.js';
import type { WidgetApi } from './api.js';
import { ChatState } from './chat-state.js';
import { FakeSocket } from './fake-socket.js';
import { RealtimeClient } from './realtime.js';
import { readChatSnapshot } from './resync.js';
import { WidgetStore } from './storage.js';
import { conversationFixture, messageFixture } from './test-fixtures.js';

/** Answers REST calls from a table, as the server would after its log went back in time. */
function serverAnswers(answers: Partial<Record<RouteName, (options: unknown) => Result<unknown>>>): Pick<WidgetApi, 'call'> {
  return {
    call: (async (name: RouteName, options: unknown) => answers[name]?.(options) ?? fail('NOT_FOUND', `no ${name}`)) as WidgetApi['call'],
  };
}

const sessionAnswer =
  (conversation: Conversation | null, offlineMessages: OfflineMessage[] = []) =>
  () =>
    ok({
      token: 'tok',
      visitor: { id: 'visitor-1', name: '访客' },
      conversation,
      agentsAvailable: true,
      offlineMessages,
      settings: { autoCloseMinutes: 6, queueTimeoutSeconds: 120 },
    });

describe('widget resync', () => {
  it('the realtime client stops, waits for the rebuild, then says hello from the head', async () => {
    const sockets: FakeSocket[] = [];
    let seq = 1_000_000;
    let finishRebuild!: () => void;
    const rebuilds: number[] = [];
    const client = new RealtimeClient({
      token: 'tok',
      url: 'ws://test/api/realtime',
      lastSeq: () => seq,
      onFrame: () => undefined,
      onState: () => undefined,
      createSocket: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
      resync: (headSeq) => {
        rebuilds.push(headSeq);
        return new Promise<void>((resolve) => {
          finishRebuild = () => {
            seq = headSeq;
            resolve();
          };
        });
      },
    });
    client.start();
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([{ type: 'hello', token: 'tok', lastSeq: 1_000_000 }]);
    sockets[0]!.receive({ type: 'welcome', role: 'visitor', headSeq: 42 });
    sockets[0]!.receive({ type: 'resync', headSeq: 42 });
    expect(rebuilds).toEqual([42]);
    expect(sockets[0]!.closed).toBe(true);
    // Neither the close nor the browser coming back online may say hello with the old seq.
    client.reconnectNow();
    expect(sockets).toHaveLength(1);
    finishRebuild();
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    sockets[1]!.open();
    expect(sockets[1]!.sent).toEqual([{ type: 'hello', token: 'tok', lastSeq: 42 }]);
    client.stop();
  });

  it('rebuilds the conversation and its messages from REST and counts events from the head', async () => {
    const state = new ChatState(1_000_000);
    const conversation = conversationFixture({ lastMessageSeq: 3 });
    state.setConversation(conversation);
    const kept = messageFixture({ seq: 1, text: '服务器上有' });
    const unknownToServer = messageFixture({ seq: 3, text: '备份里才有' });
    state.addMessage(kept);
    state.addMessage(unknownToServer);
    const newer = messageFixture({ seq: 2, text: '断线时客服说' });
    const api = serverAnswers({
      visitorSession: sessionAnswer({ ...conversation, lastMessageSeq: 2 }),
      listMessages: () => ok([kept, newer]),
    });
    const snapshot = await readChatSnapshot(api, { token: 'tok' }, state.conversation);
    expect(snapshot.ok).toBe(true);
    if (!snapshot.ok) return;
    state.rebuild(snapshot.value, 42);
    expect(state.messages().map((m) => m.text)).toEqual(['服务器上有', '断线时客服说']);
    expect(state.lastSeq).toBe(42);
    // Events above the head apply again (before the rebuild they were below our seq: skipped for good).
    const live: Message = messageFixture({ seq: 3, text: '之后' });
    const effects = state.applyFrame({ type: 'event', seq: 43, event: { type: 'message.created', message: live } });
    expect(effects.seq).toBe(43);
    expect(state.messages().map((m) => m.text)).toEqual(['服务器上有', '断线时客服说', '之后']);
  });

  it('shows the conversation as ended when the server has no open one, or drops it when the server never had it', async () => {
    const current = conversationFixture();
    const ended = await readChatSnapshot(serverAnswers({ visitorSession: sessionAnswer(null), listMessages: () => ok([messageFixture()]) }), {}, current);
    expect(ended.ok && [ended.value.conversation?.id, ended.value.conversation?.state, ended.value.messages.length]).toEqual([current.id, 'ended', 1]);
    const unknown = await readChatSnapshot(serverAnswers({ visitorSession: sessionAnswer(null) }), {}, current);
    expect(unknown.ok && unknown.value.conversation).toBeNull();
    const unreachable = await readChatSnapshot(serverAnswers({ visitorSession: () => fail('NETWORK', 'offline') }), {}, current);
    expect(unreachable.ok).toBe(false);
  });

  it('the stored seq can go down to the head after a resync, and only then', () => {
    const store = new WidgetStore(localStorage);
    store.setLastSeq(1_000_000);
    store.setLastSeq(42);
    expect(store.lastSeq).toBe(1_000_000);
    store.resetLastSeq(42);
    expect(store.lastSeq).toBe(42);
  });
});
