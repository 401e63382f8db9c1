import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type ServerFrame } from '../../shared/index.js';
import { call, RealtimeClient } from '../testing/harness.js';
import { createScene, goLive, visitorChat, type Scene } from '../testing/scene.js';

type Answer = Extract<ServerFrame, { type: 'ack' | 'nack' }>;
const isAnswer = (f: ServerFrame): f is Answer => f.type === 'ack' || f.type === 'nack';

describe('realtime message.send group commit', () => {
  let scene: Scene;
  beforeAll(async () => {
    scene = await createScene();
    await goLive(scene, scene.agent1, 'online');
  });
  afterAll(() => scene.dispose());

  it('a burst in one batch: repeats are idempotent, a refused message is nacked alone, the rest stored in order and delivered after their ack', async () => {
    const chat = await visitorChat(scene);
    const ws = await RealtimeClient.connect(scene.server.url, chat.token);
    scene.clients.push(ws);
    const agentWs = scene.agent1.ws!;
    const mark = agentWs.frames.length;
    // Record the size of each group commit, to know the burst really shared transactions.
    const store = scene.server.store;
    const original = store.transactionEach.bind(store);
    const batchSizes: number[] = [];
    store.transactionEach = (units, options) => {
      batchSizes.push(units.length);
      return original(units, options);
    };
    const [a, refused, b, conflict] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const text = (clientId: string, t: string, conversationId = chat.conversationId) => ({
      type: 'message.send',
      conversationId,
      message: { clientId, kind: 'text', text: t },
    });
    // Sent back to back, these arrive in the same event-loop turn and share one transaction.
    ws.send(text(a, 'A'));
    ws.send(text(refused, 'not mine', uuidv7()));
    ws.send(text(a, 'A'));
    ws.send(text(b, 'B'));
    ws.send(text(conflict, 'C'));
    ws.send(text(conflict, 'C', uuidv7()));
    await ws.waitFor(() => ws.frames.filter(isAnswer).length === 6);
    const answers = ws.frames.filter(isAnswer);
    expect(answers.map((f) => [f.type, f.clientId])).toEqual([
      ['ack', a],
      ['nack', refused],
      ['ack', a],
      ['ack', b],
      ['ack', conflict],
      ['nack', conflict],
    ]);
    expect(batchSizes.reduce((n, size) => n + size, 0)).toBe(6);
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    expect(answers[0]).toEqual(answers[2]);
    expect(answers[1]).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const stored = await call<{ clientId: string; text: string; seq: number }[]>(
      scene.server.url,
      'GET',
      `/api/conversations/${chat.conversationId}/messages`,
      { token: chat.token },
    );
    expect(stored.body.map((m) => m.text)).toEqual(['A', 'B', 'C']);
    expect(stored.body.map((m) => m.seq)).toEqual([1, 2, 3]);
    await agentWs.waitFor((f) => f.type === 'event' && f.event.type === 'message.created' && f.event.message.text === 'C', 3000, mark);
    const delivered = agentWs.frames.slice(mark).flatMap((f) => (f.type === 'event' && f.event.type === 'message.created' ? [f.event.message.text] : []));
    expect(delivered).toEqual(['A', 'B', 'C']);
  });
});
