/**
 * 悄悄话 never reaches the visitor: not over the widget's REST reads, not on the visitor's live
 * socket, not in the visitor's replay after a reconnect — and it leaves no gap in the message seq
 * the widget checks. The agent and the supervisor both get it, and the agent's answer, live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type Message, type ServerFrame, type Whisper } from '../../../shared/index.js';
import { call, RealtimeClient } from '../../testing/harness.js';
import { liveChatScene, sendText, type Scene, type VisitorChat } from '../../testing/scene.js';

const SECRET = '悄悄话：先核实订单号 S-8841';
const ANSWER = '收到，正在核实 R-5520';

type EventFrame = Extract<ServerFrame, { type: 'event' }>;
const messageSeqs = (frames: ServerFrame[]) =>
  frames.filter((f): f is EventFrame => f.type === 'event' && f.event.type === 'message.created').map((f) => (f.event as { message: Message }).message.seq);

describe('whispers stay with the staff', () => {
  let scene: Scene;
  let chat: VisitorChat;
  let visitorWs: RealtimeClient;
  let supervisorWs: RealtimeClient;
  const whisperPath = () => `/api/admin/supervision/conversations/${chat.conversationId}/whispers`;

  beforeAll(async () => {
    ({ scene, chat } = await liveChatScene());
    visitorWs = await RealtimeClient.connect(scene.server.url, chat.token);
    scene.clients.push(visitorWs);
    supervisorWs = await RealtimeClient.open(scene.server.url);
    scene.clients.push(supervisorWs);
    supervisorWs.send({ type: 'hello', token: scene.admin.token, lastSeq: 0, supervise: true });
    await supervisorWs.waitFor((f) => f.type === 'replay.done');
  });
  afterAll(() => scene.dispose());

  it('reaches the agent and the supervisor live, and the agent may answer', async () => {
    expect((await sendText(scene, chat.token, chat.conversationId, '你好，我的订单没到')).status).toBe(200);
    expect((await sendText(scene, scene.agent1.token, chat.conversationId, '您好，我来查一下')).status).toBe(200);

    const whisper = await call<Whisper>(scene.server.url, 'POST', whisperPath(), { token: scene.admin.token, body: { clientId: uuidv7(), text: SECRET } });
    expect(whisper.status).toBe(200);
    expect(whisper.body).toMatchObject({ from: 'supervisor', text: SECRET, conversationId: chat.conversationId });
    const isWhisper = (text: string) => (f: ServerFrame) => f.type === 'event' && f.event.type === 'whisper.created' && f.event.whisper.text === text;
    await scene.agent1.ws!.waitFor(isWhisper(SECRET));
    await supervisorWs.waitFor(isWhisper(SECRET));

    const answer = await call<Whisper>(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/whispers`, {
      token: scene.agent1.token,
      body: { clientId: uuidv7(), text: ANSWER },
    });
    expect(answer.body).toMatchObject({ from: 'agent', text: ANSWER });
    await supervisorWs.waitFor(isWhisper(ANSWER));
    const listed = await call<Whisper[]>(scene.server.url, 'GET', `/api/conversations/${chat.conversationId}/whispers`, { token: scene.agent1.token });
    expect(listed.body.map((w) => w.text)).toEqual([SECRET, ANSWER]);

    // The next message takes the seq right after the last one: the whispers took none.
    const after = await sendText(scene, scene.agent1.token, chat.conversationId, '订单已找到');
    expect(after.body.seq).toBe(3);
  });

  it('never reaches the visitor’s socket, and the visitor’s message seqs have no gap', async () => {
    await visitorWs.waitFor((f) => f.type === 'event' && f.event.type === 'message.created' && f.event.message.text === '订单已找到');
    const text = JSON.stringify(visitorWs.frames);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(ANSWER);
    expect(text).not.toContain('whisper');
    expect(messageSeqs(visitorWs.frames)).toEqual([1, 2, 3]);
  });

  it('never comes back in the visitor’s REST reads or conversation', async () => {
    const messages = await call<Message[]>(scene.server.url, 'GET', `/api/conversations/${chat.conversationId}/messages?afterSeq=0`, { token: chat.token });
    expect(messages.status).toBe(200);
    expect(messages.body.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(JSON.stringify(messages.body)).not.toContain(SECRET);
    // The visitor cannot read the whisper routes either.
    expect((await call(scene.server.url, 'GET', `/api/conversations/${chat.conversationId}/whispers`, { token: chat.token })).status).toBe(403);
    const start = await call<{ conversation: { lastMessageSeq: number } }>(scene.server.url, 'POST', '/api/visitor/conversation', { token: chat.token });
    expect(start.body.conversation?.lastMessageSeq).toBe(3);
  });

  it('never comes back in the visitor’s replay after a reconnect', async () => {
    await visitorWs.close();
    const again = await RealtimeClient.connect(scene.server.url, chat.token, 0);
    scene.clients.push(again);
    const text = JSON.stringify(again.frames);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(ANSWER);
    expect(messageSeqs(again.frames)).toEqual([1, 2, 3]);
  });

  it('a supervising socket does not make the admin connected for routing', async () => {
    const agents = await call<{ id: string; connected: boolean }[]>(scene.server.url, 'GET', '/api/agents', { token: scene.admin.token });
    expect(agents.body.find((a) => a.id === scene.admin.agentId)?.connected).toBe(false);
  });

  it('an agent may not open a supervising socket', async () => {
    const ws = await RealtimeClient.open(scene.server.url);
    scene.clients.push(ws);
    ws.send({ type: 'hello', token: scene.agent2.token, lastSeq: 0, supervise: true });
    const refused = await ws.waitFor<Extract<ServerFrame, { type: 'error' }>>((f) => f.type === 'error');
    expect(refused.error.code).toBe('FORBIDDEN');
  });
});
