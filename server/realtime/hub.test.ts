import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, uuidv7, type ServerFrame } from '../../shared/index.js';
import { call, RealtimeClient } from '../testing/harness.js';
import { dbFingerprint, liveChatScene, type Scene, sendText, visitorChat, type VisitorChat } from '../testing/scene.js';

type EventFrame = Extract<ServerFrame, { type: 'event' }>;
const isMessage = (f: ServerFrame): f is EventFrame => f.type === 'event' && f.event.type === 'message.created';

describe('realtime hub', () => {
  let scene: Scene;
  let chat: VisitorChat;
  beforeAll(async () => {
    ({ scene, chat } = await liveChatScene());
  });
  afterAll(() => scene.dispose());

  it('refuses a connection whose first frame is not a valid hello', async () => {
    const noHello = await RealtimeClient.open(scene.server.url);
    noHello.send({ type: 'ping' });
    const err = await noHello.waitFor((f) => f.type === 'error');
    expect(err).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    await expect(noHello.waitFor(() => false, 2000)).rejects.toThrow(/closed/);
    const badToken = await RealtimeClient.open(scene.server.url);
    badToken.send({ type: 'hello', token: 'nope', lastSeq: 0 });
    expect(await badToken.waitFor((f) => f.type === 'error')).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers bad frames with an error frame and changes nothing', async () => {
    const ws = await RealtimeClient.connect(scene.server.url, chat.token);
    scene.clients.push(ws);
    const before = dbFingerprint(scene.server);
    const mark = ws.frames.length;
    ws.sendRaw('{not json');
    ws.send({ type: 'message.send', conversationId: chat.conversationId, message: { clientId: 'not-a-uuid', kind: 'text', text: 'x' } });
    ws.send({ type: 'message.send', conversationId: chat.conversationId, message: { clientId: uuidv7(), kind: 'text', text: 'x', extra: 1 } });
    ws.send({ type: 'teleport' });
    ws.sendRaw(JSON.stringify({ type: 'draft', conversationId: chat.conversationId, text: 'x'.repeat(LIMITS.frameBytesMax + 10) }));
    ws.send({ type: 'typing', conversationId: chat.conversationId, typing: true });
    await ws.waitFor(() => ws.frames.slice(mark).filter((f) => f.type === 'error').length >= 6);
    const codes = ws.frames
      .slice(mark)
      .filter((f) => f.type === 'error')
      .map((f) => (f as { error: { code: string } }).error.code);
    expect(codes).toEqual(['VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'FORBIDDEN']);
    expect(ws.closed).toBeNull();
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('message.send uses the same idempotent service: ack twice with one stored message; nack on refusal', async () => {
    const ws = await RealtimeClient.connect(scene.server.url, chat.token);
    scene.clients.push(ws);
    const clientId = uuidv7();
    ws.send({ type: 'message.send', conversationId: chat.conversationId, message: { clientId, kind: 'text', text: '实时你好' } });
    ws.send({ type: 'message.send', conversationId: chat.conversationId, message: { clientId, kind: 'text', text: '实时你好' } });
    await ws.waitFor(() => ws.frames.filter((f) => f.type === 'ack').length === 2);
    const acks = ws.frames.filter((f): f is Extract<ServerFrame, { type: 'ack' }> => f.type === 'ack');
    expect(acks[0]!.message).toEqual(acks[1]!.message);
    const rest = await call<{ clientId: string }[]>(scene.server.url, 'GET', `/api/conversations/${chat.conversationId}/messages`, { token: chat.token });
    expect(rest.body.filter((m) => m.clientId === clientId)).toHaveLength(1);
    ws.send({ type: 'message.send', conversationId: 'someone-elses', message: { clientId: uuidv7(), kind: 'text', text: 'x' } });
    expect(await ws.waitFor((f) => f.type === 'nack')).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('resumes after a reconnect: events after lastSeq arrive exactly once and in order', async () => {
    const agentWs = await RealtimeClient.connect(scene.server.url, scene.agent1.token);
    await sendText(scene, chat.token, chat.conversationId, 'before drop');
    const seen = await agentWs.waitFor<EventFrame>((f) => isMessage(f) && f.event.type === 'message.created' && f.event.message.text === 'before drop');
    await agentWs.close();
    const texts = Array.from({ length: 12 }, (_, i) => `while offline ${i}`);
    for (const text of texts) await sendText(scene, chat.token, chat.conversationId, text);
    const back = await RealtimeClient.connect(scene.server.url, scene.agent1.token, seen.seq);
    scene.clients.push(back);
    await sendText(scene, chat.token, chat.conversationId, 'after reconnect');
    await back.waitFor((f) => isMessage(f) && f.event.type === 'message.created' && f.event.message.text === 'after reconnect');
    const events = back.events();
    const seqs = events.map((e) => e.seq);
    expect(seqs.every((s) => s > seen.seq)).toBe(true);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    const got = events.filter(isMessage).map((e) => (e.event.type === 'message.created' ? e.event.message.text : ''));
    expect(got).toEqual([...texts, 'after reconnect']);
    const done = back.frames.find((f) => f.type === 'replay.done');
    expect(done).toBeDefined();
    expect(back.frames.some((f) => f.type === 'replay.progress')).toBe(true);
  });

  it('never replays another visitor’s events to a visitor', async () => {
    const other = await visitorChat(scene);
    await sendText(scene, other.token, other.conversationId, '秘密');
    const ws = await RealtimeClient.connect(scene.server.url, chat.token, 0);
    scene.clients.push(ws);
    const foreign = ws.events().filter((e) => JSON.stringify(e.event).includes(other.conversationId));
    expect(foreign).toEqual([]);
  });

  it('throttles drafts to the agent, keeps the latest, and sends typing and presence', async () => {
    const agentWs = await RealtimeClient.connect(scene.server.url, scene.agent1.token);
    scene.clients.push(agentWs);
    const fresh = await visitorChat(scene);
    const visitorWs = await RealtimeClient.connect(scene.server.url, fresh.token);
    scene.clients.push(visitorWs);
    await agentWs.waitFor((f) => f.type === 'presence' && f.conversationId === fresh.conversationId && f.visitorOnline);
    const mark = agentWs.frames.length;
    for (let i = 1; i <= 10; i++) visitorWs.send({ type: 'draft', conversationId: fresh.conversationId, text: '我想'.repeat(i) });
    await agentWs.waitFor((f) => f.type === 'draft' && f.text === '我想'.repeat(10), 3000, mark);
    const drafts = agentWs.frames.slice(mark).filter((f) => f.type === 'draft');
    expect(drafts.length).toBeLessThanOrEqual(2);
    agentWs.send({ type: 'typing', conversationId: fresh.conversationId, typing: true });
    expect(await visitorWs.waitFor((f) => f.type === 'typing')).toMatchObject({ typing: true, conversationId: fresh.conversationId });
    // Another agent sees no draft of a conversation that is not theirs.
    const otherWs = await RealtimeClient.connect(scene.server.url, scene.agent2.token);
    scene.clients.push(otherWs);
    visitorWs.send({ type: 'draft', conversationId: fresh.conversationId, text: 'private' });
    await agentWs.waitFor((f) => f.type === 'draft' && f.text === 'private');
    expect(otherWs.frames.some((f) => f.type === 'draft')).toBe(false);
    await visitorWs.close();
    await agentWs.waitFor((f) => f.type === 'presence' && f.conversationId === fresh.conversationId && !f.visitorOnline);
  });

  it('sends the queue snapshot to staff on connect and when it changes', async () => {
    const adminWs = await RealtimeClient.connect(scene.server.url, scene.admin.token);
    scene.clients.push(adminWs);
    expect(adminWs.frames.some((f) => f.type === 'queue')).toBe(true);
    await call(scene.server.url, 'PUT', '/api/me/status', { token: scene.agent1.token, body: { status: 'busy' } });
    const queued = await visitorChat(scene);
    expect(queued.state).toBe('queued');
    await adminWs.waitFor((f) => f.type === 'queue' && f.entries.some((e) => e.conversationId === queued.conversationId));
    await adminWs.waitFor((f) => f.type === 'agent' && f.agent.id === scene.agent1.agentId && f.agent.status === 'busy');
  });
});
