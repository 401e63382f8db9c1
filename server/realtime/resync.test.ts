/**
 * A hello whose lastSeq is beyond the head of the event log (a client restored from a backup, a
 * server restored from an older one, a client pointed at another server) must not be accepted:
 * echoing the client's own seq would make it skip every event up to that number for good.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../shared/index.js';
import { RealtimeClient } from '../testing/harness.js';
import { liveChatScene, type Scene, sendText, type VisitorChat } from '../testing/scene.js';

describe('hello ahead of the event log', () => {
  let scene: Scene;
  let chat: VisitorChat;
  beforeAll(async () => {
    ({ scene, chat } = await liveChatScene());
    await sendText(scene, chat.token, chat.conversationId, '你好');
  });
  afterAll(() => scene.dispose());

  async function helloAhead(token: string, lastSeq: number): Promise<RealtimeClient> {
    const ws = await RealtimeClient.open(scene.server.url);
    scene.clients.push(ws);
    ws.send({ type: 'hello', token, lastSeq });
    return ws;
  }

  it.each([
    ['an agent', () => scene.agent1.token],
    ['a visitor', () => chat.token],
  ])('tells %s to resync with the head seq instead of echoing its own', async (_who, token) => {
    const head = scene.server.store.events.head();
    expect(head).toBeGreaterThan(0);
    const ws = await helloAhead(token(), 1_000_000_000_000);
    const resync = await ws.waitFor<Extract<ServerFrame, { type: 'resync' }>>((f) => f.type === 'resync');
    expect(resync.headSeq).toBe(head);
    // The connection ends there: the client rebuilds from REST and says hello again from the head.
    await new Promise<void>((resolve) => (ws.closed ? resolve() : ws.socket.once('close', () => resolve())));
    expect(ws.closed?.code).toBe(4409);
    expect(ws.frames.map((f) => f.type)).toEqual(['welcome', 'resync']);
    expect(ws.frames.some((f) => f.type === 'replay.done')).toBe(false);
  });

  it('a hello from the head itself is an ordinary resume, and live events follow', async () => {
    const head = scene.server.store.events.head();
    const ws = await RealtimeClient.connect(scene.server.url, scene.agent1.token, head);
    scene.clients.push(ws);
    expect(ws.frames.find((f) => f.type === 'replay.done')).toEqual({ type: 'replay.done', headSeq: head });
    expect(ws.frames.some((f) => f.type === 'resync')).toBe(false);
    await sendText(scene, chat.token, chat.conversationId, '还在吗');
    const event = await ws.waitFor<Extract<ServerFrame, { type: 'event' }>>((f) => f.type === 'event' && f.event.type === 'message.created');
    expect(event.seq).toBe(head + 1);
  });
});
