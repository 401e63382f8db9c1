import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/index.js';
import { call } from '../testing/harness.js';
import { createScene, dbFingerprint, goLive, sendText, visitorChat, type Scene } from '../testing/scene.js';

type ErrorBody = { error: { code: string } };
interface Conv {
  id: string;
  state: string;
  endedBy: string | null;
  valid: boolean | null;
  summary: { topicName: string; note: string } | null;
  evaluationPushed: boolean;
  evaluation: { rating: number; comment: string } | null;
  lastMessageSeq: number;
}

describe('conversation lifecycle', () => {
  let scene: Scene;
  let topicId: string;
  beforeAll(async () => {
    scene = await createScene({ settings: { autoCloseMinutes: 6 } });
    await goLive(scene, scene.agent1, 'online');
    topicId = (await call<{ id: string; name: string }[]>(scene.server.url, 'GET', '/api/topics', { token: scene.agent1.token })).body[0]!.id;
  });
  afterAll(() => scene.dispose());

  it('sends idempotently on clientId: same clientId, same stored message, no duplicate', async () => {
    const chat = await visitorChat(scene);
    const clientId = uuidv7();
    const first = await sendText(scene, chat.token, chat.conversationId, '你好', clientId);
    const again = await sendText(scene, chat.token, chat.conversationId, '你好', clientId);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const messages = (
      await call<{ clientId: string; seq: number }[]>(scene.server.url, 'GET', `/api/conversations/${chat.conversationId}/messages`, { token: chat.token })
    ).body;
    expect(messages.filter((m) => m.clientId === clientId)).toHaveLength(1);
    const next = await sendText(scene, scene.agent1.token, chat.conversationId, '您好');
    expect(next.body.seq).toBe(first.body.seq + 1);
  });

  it('close requires a valid topic, then ends (客服关闭) and stores the summary once', async () => {
    const chat = await visitorChat(scene);
    await sendText(scene, chat.token, chat.conversationId, '我要退货');
    const url = `/api/conversations/${chat.conversationId}/close`;
    const before = dbFingerprint(scene.server);
    // 小结 is required unless the company turned it off (company-settings-routes.test.ts).
    const noTopic = await call<ErrorBody>(scene.server.url, 'POST', url, { token: scene.agent1.token, body: { note: 'x' } });
    expect(noTopic.status).toBe(422);
    expect(noTopic.body.error.code).toBe('SUMMARY_REQUIRED');
    const emptyTopic = await call<ErrorBody>(scene.server.url, 'POST', url, { token: scene.agent1.token, body: { topicId: '', note: 'x' } });
    expect(emptyTopic.body.error.code).toBe('VALIDATION_FAILED');
    const badTopic = await call<ErrorBody>(scene.server.url, 'POST', url, { token: scene.agent1.token, body: { topicId: 'nope', note: 'x' } });
    expect(badTopic.status).toBe(422);
    expect(badTopic.body.error.code).toBe('SUMMARY_REQUIRED');
    expect(dbFingerprint(scene.server)).toBe(before);
    const closed = await call<Conv>(scene.server.url, 'POST', url, { token: scene.agent1.token, body: { topicId, note: '已处理' } });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'ended', endedBy: 'agent', valid: true, summary: { note: '已处理' } });
    const twice = await call<ErrorBody>(scene.server.url, 'POST', url, { token: scene.agent1.token, body: { topicId, note: 'again' } });
    expect(twice.body.error.code).toBe('INVALID_STATE');
  });

  it('a disabled topic cannot be used', async () => {
    const created = await call<{ id: string }>(scene.server.url, 'POST', '/api/admin/topics', { token: scene.admin.token, body: { name: '停用主题' } });
    await call(scene.server.url, 'PATCH', `/api/admin/topics/${created.body.id}`, { token: scene.admin.token, body: { enabled: false } });
    const chat = await visitorChat(scene);
    const res = await call<ErrorBody>(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/close`, {
      token: scene.agent1.token,
      body: { topicId: created.body.id, note: '' },
    });
    expect(res.body.error.code).toBe('SUMMARY_REQUIRED');
  });

  it('visitor ends (访客结束): invalid without visitor messages; the summary can follow', async () => {
    const chat = await visitorChat(scene);
    const ended = await call<Conv>(scene.server.url, 'POST', '/api/visitor/conversation/end', { token: chat.token });
    expect(ended.body).toMatchObject({ state: 'ended', endedBy: 'visitor', valid: false });
    const send = await sendText(scene, chat.token, chat.conversationId, 'late');
    expect(send.status).toBe(409);
    const summary = await call<Conv>(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/close`, {
      token: scene.agent1.token,
      body: { topicId, note: '访客离开' },
    });
    expect(summary.body).toMatchObject({ state: 'ended', endedBy: 'visitor', summary: { note: '访客离开' } });
  });

  it('the system closes after autoCloseMinutes of visitor silence following the agent (系统关闭)', async () => {
    const chat = await visitorChat(scene);
    const quiet = await visitorChat(scene);
    await sendText(scene, chat.token, chat.conversationId, '在吗');
    await sendText(scene, scene.agent1.token, chat.conversationId, '在的，请问有什么可以帮您？');
    await sendText(scene, quiet.token, quiet.conversationId, '只有访客说话');
    scene.server.clock.advance(5 * 60_000);
    expect(scene.server.runAutoClose()).toEqual([]);
    scene.server.clock.advance(61_000);
    const closed = scene.server.runAutoClose();
    expect(closed).toContain(chat.conversationId);
    expect(closed).not.toContain(quiet.conversationId);
    const row = (await call<Conv>(scene.server.url, 'GET', `/api/conversations/${chat.conversationId}`, { token: scene.agent1.token })).body;
    expect(row).toMatchObject({ state: 'ended', endedBy: 'system', valid: true });
    const other = (await call<Conv>(scene.server.url, 'GET', `/api/conversations/${quiet.conversationId}`, { token: scene.agent1.token })).body;
    expect(other.state).toBe('active');
  });

  it('pushes the evaluation once; the visitor rates once', async () => {
    const chat = await visitorChat(scene);
    const visitorWs = await (await import('../testing/harness.js')).RealtimeClient.connect(scene.server.url, chat.token);
    scene.clients.push(visitorWs);
    const early = await call<ErrorBody>(scene.server.url, 'POST', '/api/visitor/evaluation', { token: chat.token, body: { rating: 5 } });
    expect(early.body.error.code).toBe('INVALID_STATE');
    const push = await call<Conv>(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/push-evaluation`, { token: scene.agent1.token });
    expect(push.body.evaluationPushed).toBe(true);
    await visitorWs.waitFor((f) => f.type === 'event' && f.event.type === 'evaluation.requested');
    const second = await call<ErrorBody>(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/push-evaluation`, { token: scene.agent1.token });
    expect(second.body.error.code).toBe('ALREADY_EVALUATED');
    const badRating = await call<ErrorBody>(scene.server.url, 'POST', '/api/visitor/evaluation', { token: chat.token, body: { rating: 6 } });
    expect(badRating.status).toBe(400);
    const rated = await call<Conv>(scene.server.url, 'POST', '/api/visitor/evaluation', { token: chat.token, body: { rating: 4, comment: '不错' } });
    expect(rated.body.evaluation).toMatchObject({ rating: 4, comment: '不错' });
    const again = await call<ErrorBody>(scene.server.url, 'POST', '/api/visitor/evaluation', { token: chat.token, body: { rating: 1 } });
    expect(again.body.error.code).toBe('ALREADY_EVALUATED');
  });

  it('an offline message and its reply reach the visitor on their next session', async () => {
    const session = await call<{ token: string }>(scene.server.url, 'POST', '/api/visitor/session', { body: {} });
    const token = session.body.token;
    const left = await call<{ id: string; status: string }>(scene.server.url, 'POST', '/api/visitor/offline-messages', {
      token,
      body: { name: '王先生', contact: '13800000000', text: '请回电' },
    });
    expect(left.body.status).toBe('unreplied');
    const unreplied = (await call<{ id: string }[]>(scene.server.url, 'GET', '/api/offline-messages?status=unreplied', { token: scene.agent1.token })).body;
    expect(unreplied.map((m) => m.id)).toContain(left.body.id);
    const reply = await call<{ status: string; reply: string }>(scene.server.url, 'POST', `/api/offline-messages/${left.body.id}/reply`, {
      token: scene.agent1.token,
      body: { text: '已回电' },
    });
    expect(reply.body).toMatchObject({ status: 'replied', reply: '已回电' });
    const replied = (await call<{ id: string }[]>(scene.server.url, 'GET', '/api/offline-messages?status=replied', { token: scene.agent1.token })).body;
    expect(replied.map((m) => m.id)).toContain(left.body.id);
    const next = await call<{ offlineMessages: { id: string; reply: string | null }[] }>(scene.server.url, 'POST', '/api/visitor/session', { body: { token } });
    expect(next.body.offlineMessages).toEqual([expect.objectContaining({ id: left.body.id, reply: '已回电' })]);
    const stranger = await call<{ offlineMessages: unknown[] }>(scene.server.url, 'POST', '/api/visitor/session', { body: {} });
    expect(stranger.body.offlineMessages).toEqual([]);
  });
});
