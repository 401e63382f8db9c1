/**
 * NUL and lone surrogates are refused in every string of every realtime frame (issue 9, text
 * hardening), the same as in REST: an error frame, nothing stored, nothing forwarded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type ServerFrame } from '../../shared/index.js';
import { RealtimeClient } from '../testing/harness.js';
import { dbFingerprint, liveChatScene, type Scene, type VisitorChat } from '../testing/scene.js';

type ErrorFrame = Extract<ServerFrame, { type: 'error' }>;

describe('realtime frames with unsafe text', () => {
  let scene: Scene;
  let chat: VisitorChat;
  beforeAll(async () => {
    ({ scene, chat } = await liveChatScene());
  });
  afterAll(() => scene.dispose());

  it('answers each with VALIDATION_FAILED naming the field, stores and forwards nothing, keeps the socket', async () => {
    const visitor = await RealtimeClient.connect(scene.server.url, chat.token);
    scene.clients.push(visitor);
    const agent = scene.agent1.ws!;
    const agentMark = agent.frames.length;
    const before = dbFingerprint(scene.server);
    const mark = visitor.frames.length;
    const frames: [Record<string, unknown>, string][] = [
      [{ type: 'message.send', conversationId: chat.conversationId, message: { clientId: uuidv7(), kind: 'text', text: 'hi\u0000there' } }, 'message.text'],
      [{ type: 'message.send', conversationId: chat.conversationId, message: { clientId: uuidv7(), kind: 'text', text: 'broken \uD83D' } }, 'message.text'],
      [{ type: 'message.send', conversationId: chat.conversationId, message: { clientId: uuidv7(), kind: 'text', text: '\uDE00 low' } }, 'message.text'],
      [{ type: 'draft', conversationId: chat.conversationId, text: 'draft\u0000' }, 'text'],
      [{ type: 'draft', conversationId: `${chat.conversationId}\uD800`, text: 'draft' }, 'conversationId'],
      [{ type: 'typing', conversationId: `\u0000${chat.conversationId}`, typing: true }, 'conversationId'],
    ];
    for (const [frame] of frames) visitor.send(frame);
    await visitor.waitFor(() => visitor.frames.slice(mark).filter((f) => f.type === 'error').length >= frames.length);
    const errors = visitor.frames.slice(mark).filter((f): f is ErrorFrame => f.type === 'error');
    expect(errors.map((e) => e.error.code)).toEqual(frames.map(() => 'VALIDATION_FAILED'));
    errors.forEach((e, i) => expect(e.error.message).toContain(frames[i]![1]));
    expect(visitor.frames.slice(mark).filter((f) => f.type === 'ack' || f.type === 'event')).toEqual([]);
    expect(dbFingerprint(scene.server)).toBe(before);

    // A good frame after them goes through: the socket is still usable, and nothing bad came before it.
    const clientId = uuidv7();
    visitor.send({ type: 'message.send', conversationId: chat.conversationId, message: { clientId, kind: 'text', text: '你好' } });
    await visitor.waitFor((f) => f.type === 'ack');
    await agent.waitFor((f) => f.type === 'event' && f.event.type === 'message.created', 5000, agentMark);
    const seenByAgent = agent.frames.slice(agentMark).filter((f) => f.type === 'draft' || (f.type === 'event' && f.event.type === 'message.created'));
    expect(seenByAgent).toHaveLength(1);
    expect(visitor.closed).toBeNull();
  });
});
