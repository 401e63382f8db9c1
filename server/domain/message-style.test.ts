import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type Message } from '../../shared/index.js';
import { DEFAULT_MESSAGE_STYLE, type MessageStyle } from '../../shared/message-style.js';
import { call } from '../testing/harness.js';
import { createScene, dbFingerprint, goLive, visitorChat, type Scene, type VisitorChat } from '../testing/scene.js';

type ErrorBody = { error: { code: string; details?: Record<string, string> } };
const style: MessageStyle = { ...DEFAULT_MESSAGE_STYLE, fontFace: 'KaiTi', fontSize: 18, bold: true, color: '#c41d7f' };

/** 字体设置 carried on the agent's text messages: stored, returned, and nothing but the closed object accepted. */
describe('message style (字体设置)', () => {
  let scene: Scene;
  let chat: VisitorChat;
  const post = (token: string, body: unknown) =>
    call<Message & ErrorBody>(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/messages`, { token, body });

  beforeAll(async () => {
    scene = await createScene();
    await goLive(scene, scene.agent1);
    chat = await visitorChat(scene, { name: '样式访客', agentId: scene.agent1.agentId });
  });
  afterAll(() => scene.dispose());

  it("stores an agent's style and returns it to the visitor and in the history", async () => {
    const sent = await post(scene.agent1.token, { clientId: uuidv7(), kind: 'text', text: '您好', style });
    expect(sent.status).toBe(200);
    expect(sent.body.style).toEqual(style);
    const history = await call<Message[]>(scene.server.url, 'GET', `/api/conversations/${chat.conversationId}/messages?afterSeq=0`, { token: chat.token });
    expect(history.body.find((m) => m.id === sent.body.id)?.style).toEqual(style);
    // Without a style the message has none (not a default object).
    const plain = await post(scene.agent1.token, { clientId: uuidv7(), kind: 'text', text: '请稍等' });
    expect(plain.status).toBe(200);
    expect(plain.body).not.toHaveProperty('style');
  });

  it('goes out with the realtime message.created event', async () => {
    scene.agent1.ws!.send({ type: 'message.send', conversationId: chat.conversationId, message: { clientId: uuidv7(), kind: 'text', text: '实时', style } });
    const ack = await scene.agent1.ws!.waitFor((f) => f.type === 'ack' && f.message.text === '实时');
    expect(ack.type === 'ack' && ack.message.style).toEqual(style);
  });

  it('refuses a malicious or unknown style with VALIDATION_FAILED and stores nothing', async () => {
    const before = dbFingerprint(scene.server);
    const bad: unknown[] = [
      { ...style, color: 'red;background:url(https://evil.example/x)' },
      { ...style, color: '#12345' },
      { ...style, fontFace: 'Comic Sans"; } body { display:none' },
      { ...style, fontSize: 200 },
      { ...style, fontSize: 14.5 },
      { ...style, css: 'position:fixed' },
      '<span style="color:red">',
    ];
    for (const badStyle of bad) {
      const res = await post(scene.agent1.token, { clientId: uuidv7(), kind: 'text', text: '坏样式', style: badStyle });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    scene.agent1.ws!.send({
      type: 'message.send',
      conversationId: chat.conversationId,
      message: { clientId: uuidv7(), kind: 'text', text: '坏样式', style: bad[0] },
    });
    const nack = await scene.agent1.ws!.waitFor((f) => f.type === 'nack' || f.type === 'error');
    expect(JSON.stringify(nack)).toContain('VALIDATION_FAILED');
    // A style on an image message is an unknown field there.
    const image = await post(scene.agent1.token, { clientId: uuidv7(), kind: 'image', attachmentId: 'x', style });
    expect(image.status).toBe(400);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it("refuses a style from a visitor (it is the agent's font) and stores nothing", async () => {
    const before = dbFingerprint(scene.server);
    const res = await post(chat.token, { clientId: uuidv7(), kind: 'text', text: '我也要字体', style });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(dbFingerprint(scene.server)).toBe(before);
  });
});
