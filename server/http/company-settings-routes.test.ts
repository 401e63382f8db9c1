/**
 * 公司设置 beyond the numbers, against the real server (both stores): 小结 required or not, the
 * rating options, the file limits and the company auto-reply — bad values refused naming the
 * field with nothing changed; each rule enforced where it applies; every change audit-logged and
 * announced to staff sockets (`settings.changed`), never to visitors.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerFrame, ServerSettings } from '../../shared/index.js';
import type { CompanyAutoReply } from '../../shared/phrases.js';
import { call, RealtimeClient } from '../testing/harness.js';
import { createScene, dbFingerprint, goLive, sendText, visitorChat, type Scene } from '../testing/scene.js';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string> } };
interface Conv {
  id: string;
  state: string;
  summary: { topicId: string | null; topicName: string | null; note: string } | null;
  evaluationPushed: boolean;
  evaluation: { rating: number; comment: string } | null;
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const MB = 1024 * 1024;
const settingsChanged = (f: ServerFrame) => f.type === 'event' && f.event.type === 'settings.changed';

describe('company settings: summary, rating, files, auto-reply', () => {
  let scene: Scene;
  const api = <T>(method: string, path: string, body?: unknown, token = scene.admin.token) => call<T>(scene.server.url, method, path, { token, body });
  const setSettings = async (patch: Partial<ServerSettings>) => {
    const res = await api<ServerSettings>('PATCH', '/api/admin/settings', patch);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const upload = (token: string, conversationId: string, name: string, bytes: Buffer) =>
    call<{ id: string } & ErrorBody>(scene.server.url, 'POST', `/api/uploads?conversationId=${conversationId}&name=${encodeURIComponent(name)}`, {
      token,
      raw: bytes,
      contentType: 'application/octet-stream',
    });

  beforeEach(async () => {
    scene = await createScene();
    await goLive(scene, scene.agent1, 'online');
  });
  afterEach(() => scene.dispose());

  it('refuses bad settings with VALIDATION_FAILED naming the field, and changes nothing', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ summaryRequired: 'no' }, 'body.summaryRequired'],
      [{ evaluationLabels: ['a', 'b', 'c', 'd'] }, 'body.evaluationLabels'],
      [{ evaluationLabels: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'body.evaluationLabels'],
      [{ evaluationLabels: ['a', 'b', 'x'.repeat(21), 'd', 'e'] }, 'body.evaluationLabels.2'],
      [{ evaluationLabels: ['a', 'b', 'c', 'd', 'bad\u0000'] }, 'body.evaluationLabels.4'],
      [{ evaluationLabels: 'a,b,c,d,e' }, 'body.evaluationLabels'],
      [{ evaluationCommentEnabled: 1 }, 'body.evaluationCommentEnabled'],
      [{ evaluationAutoAsk: null }, 'body.evaluationAutoAsk'],
      [{ visitorUploadsEnabled: 'true' }, 'body.visitorUploadsEnabled'],
      [{ visitorUploadMaxMb: 0 }, 'body.visitorUploadMaxMb'],
      [{ visitorUploadMaxMb: 21 }, 'body.visitorUploadMaxMb'],
      [{ visitorUploadMaxMb: 1.5 }, 'body.visitorUploadMaxMb'],
      [{ agentUploadMaxMb: 100 }, 'body.agentUploadMaxMb'],
      [{ agentUploadMaxMb: '5' }, 'body.agentUploadMaxMb'],
      // One bad field spoils the change: the good one is not applied either.
      [{ summaryRequired: false, agentUploadMaxMb: -1 }, 'body.agentUploadMaxMb'],
    ];
    for (const [body, field] of bad) {
      const before = dbFingerprint(scene.server);
      const res = await api<ErrorBody>('PATCH', '/api/admin/settings', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.error.details ?? {}), JSON.stringify(body)).toContain(field);
      expect(dbFingerprint(scene.server)).toBe(before);
    }
    // An agent may not change them at all.
    const before = dbFingerprint(scene.server);
    const agent = await api<ErrorBody>('PATCH', '/api/admin/settings', { summaryRequired: false }, scene.agent1.token);
    expect(agent.status).toBe(403);
    expect(dbFingerprint(scene.server)).toBe(before);
    // Today's behaviour until an admin changes it.
    expect((await api<ServerSettings>('GET', '/api/settings')).body).toMatchObject({
      summaryRequired: true,
      evaluationLabels: ['', '', '', '', ''],
      evaluationCommentEnabled: true,
      evaluationAutoAsk: false,
      visitorUploadsEnabled: true,
      visitorUploadMaxMb: 20,
      agentUploadMaxMb: 20,
    });
  });

  it('refuses a bad company auto-reply naming the field, and changes nothing', async () => {
    const good: CompanyAutoReply = { greetingEnabled: true, greeting: '您好', busyEnabled: false, busyReply: '请稍候', notRespondingSeconds: 0 };
    const bad: [Record<string, unknown>, string][] = [
      [{ ...good, notRespondingSeconds: 5 }, 'body.notRespondingSeconds'],
      [{ ...good, notRespondingSeconds: 3601 }, 'body.notRespondingSeconds'],
      [{ ...good, notRespondingSeconds: -1 }, 'body.notRespondingSeconds'],
      [{ ...good, notRespondingSeconds: 30.5 }, 'body.notRespondingSeconds'],
      [{ ...good, greeting: 'x'.repeat(501) }, 'body.greeting'],
      [{ ...good, busyEnabled: 'yes' }, 'body.busyEnabled'],
      [{ ...good, extra: 1 }, 'body'],
      [{ greetingEnabled: true, greeting: '您好', busyEnabled: false, busyReply: '请稍候' }, 'body.notRespondingSeconds'],
    ];
    for (const [body, field] of bad) {
      const before = dbFingerprint(scene.server);
      const res = await api<ErrorBody>('PUT', '/api/admin/auto-reply', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.error.details ?? {}).join(' '), JSON.stringify(body)).toContain(field);
      expect(dbFingerprint(scene.server)).toBe(before);
    }
    const before = dbFingerprint(scene.server);
    expect((await api<ErrorBody>('PUT', '/api/admin/auto-reply', good, scene.agent1.token)).status).toBe(403);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('a change of settings or of the auto-reply is audit-logged and told to staff sockets, not to visitors', async () => {
    const agentSocket = scene.agent1.ws!;
    const visitor = await visitorChat(scene);
    const widget = await RealtimeClient.connect(scene.server.url, visitor.token);
    scene.clients.push(widget);
    const from = agentSocket.frames.length;

    await setSettings({ summaryRequired: false });
    await agentSocket.waitFor(settingsChanged, 20_000, from);
    const afterSettings = agentSocket.frames.length;
    const autoReply: CompanyAutoReply = {
      greetingEnabled: true,
      greeting: '您好，我是{客服昵称}',
      busyEnabled: true,
      busyReply: '稍等',
      notRespondingSeconds: 60,
    };
    const saved = await api<CompanyAutoReply>('PUT', '/api/admin/auto-reply', autoReply);
    expect(saved.body).toEqual(autoReply);
    await agentSocket.waitFor(settingsChanged, 20_000, afterSettings);
    // The agent reads what changed through the routes it already has.
    expect((await api<{ company: CompanyAutoReply }>('GET', '/api/me/auto-reply', undefined, scene.agent1.token)).body.company).toEqual(autoReply);

    const audit = await api<{ entries: { action: string; targetId: string | null; before: unknown; after: unknown }[] }>('GET', '/api/admin/audit');
    const [autoReplyEntry, settingsEntry] = audit.body.entries;
    expect(autoReplyEntry).toMatchObject({ action: 'settings.update', targetId: 'auto-reply', after: { greetingEnabled: true, notRespondingSeconds: 60 } });
    expect(settingsEntry).toMatchObject({ action: 'settings.update', targetId: null, before: { summaryRequired: true }, after: { summaryRequired: false } });
    // Visitors never read staff hints.
    await sendText(scene, scene.agent1.token, visitor.conversationId, '在的');
    await widget.waitFor((f) => f.type === 'event' && f.event.type === 'message.created');
    expect(widget.frames.some(settingsChanged)).toBe(false);
  });

  it('小结 required (default): no topic is refused with SUMMARY_REQUIRED and nothing changes; off: closed without one, in records and exports', async () => {
    const chat = await visitorChat(scene);
    await sendText(scene, chat.token, chat.conversationId, '我要退货');
    const url = `/api/conversations/${chat.conversationId}/close`;
    const before = dbFingerprint(scene.server);
    const refused = await api<ErrorBody>('POST', url, { note: '' }, scene.agent1.token);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'SUMMARY_REQUIRED', details: { topicId: 'required' } });
    expect(dbFingerprint(scene.server)).toBe(before);

    await setSettings({ summaryRequired: false });
    // A topic given must still be one in use.
    const unknown = await api<ErrorBody>('POST', url, { topicId: 'nope', note: '' }, scene.agent1.token);
    expect(unknown.body.error.code).toBe('SUMMARY_REQUIRED');
    const closed = await api<Conv>('POST', url, { note: '' }, scene.agent1.token);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'ended', summary: { topicId: null, topicName: null, note: '' } });

    const records = await api<{ items: Conv[] }>('GET', '/api/records', undefined, scene.agent1.token);
    expect(records.body.items.find((c) => c.id === chat.conversationId)?.summary).toMatchObject({ topicId: null, topicName: null });
    const csv = await call<string>(scene.server.url, 'GET', '/api/records/export?format=csv', { token: scene.admin.token });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).not.toContain('null');
  });

  it('评价: asked by itself at the end when the company says so; a comment refused where none is offered; the level is stored', async () => {
    await setSettings({ evaluationAutoAsk: true, evaluationCommentEnabled: false, evaluationLabels: ['很差', '差', '一般', '好', '很好'] });
    const chat = await visitorChat(scene);
    const widget = await RealtimeClient.connect(scene.server.url, chat.token);
    scene.clients.push(widget);
    await sendText(scene, chat.token, chat.conversationId, '你好');
    const topicId = (await api<{ id: string }[]>('GET', '/api/topics', undefined, scene.agent1.token)).body[0]!.id;
    const closed = await api<Conv>('POST', `/api/conversations/${chat.conversationId}/close`, { topicId, note: '' }, scene.agent1.token);
    expect(closed.body.evaluationPushed).toBe(true);
    await widget.waitFor((f) => f.type === 'event' && f.event.type === 'evaluation.requested');

    const before = dbFingerprint(scene.server);
    const withComment = await call<ErrorBody>(scene.server.url, 'POST', '/api/visitor/evaluation', { token: chat.token, body: { rating: 2, comment: '太慢' } });
    expect(withComment.status).toBe(400);
    expect(withComment.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { comment: 'comments are off' } });
    expect(dbFingerprint(scene.server)).toBe(before);
    const rated = await call<Conv>(scene.server.url, 'POST', '/api/visitor/evaluation', { token: chat.token, body: { rating: 2 } });
    expect(rated.body.evaluation).toMatchObject({ rating: 2, comment: '' });

    // Off (the default): nobody is asked unless the agent pushes it.
    await setSettings({ evaluationAutoAsk: false });
    const quiet = await visitorChat(scene);
    const ended = await call<Conv>(scene.server.url, 'POST', '/api/visitor/conversation/end', { token: quiet.token });
    expect(ended.body.evaluationPushed).toBe(false);
  });

  it('文件: visitors may be kept from sending; each side has its own size; refused before a byte is stored', async () => {
    const chat = await visitorChat(scene);
    await setSettings({ visitorUploadsEnabled: false });
    let before = dbFingerprint(scene.server);
    const off = await upload(chat.token, chat.conversationId, 'a.png', PNG);
    expect(off.status).toBe(403);
    expect(off.body.error).toMatchObject({ code: 'FORBIDDEN', details: { upload: 'disabled' } });
    expect(dbFingerprint(scene.server)).toBe(before);
    // Agents still may.
    expect((await upload(scene.agent1.token, chat.conversationId, 'a.png', PNG)).status).toBe(200);

    await setSettings({ visitorUploadsEnabled: true, visitorUploadMaxMb: 1, agentUploadMaxMb: 2 });
    before = dbFingerprint(scene.server);
    const big = await upload(chat.token, chat.conversationId, 'big.bin', Buffer.alloc(MB + 1, 1));
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { maxBytes: String(MB) } });
    const bigImage = await upload(chat.token, chat.conversationId, 'big.png', Buffer.concat([PNG, Buffer.alloc(MB, 1)]));
    expect(bigImage.status).toBe(413);
    const agentTooBig = await upload(scene.agent1.token, chat.conversationId, 'big.bin', Buffer.alloc(2 * MB + 1, 1));
    expect(agentTooBig.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(dbFingerprint(scene.server)).toBe(before);
    expect((await upload(chat.token, chat.conversationId, 'ok.bin', Buffer.alloc(MB, 1))).status).toBe(200);
    expect((await upload(scene.agent1.token, chat.conversationId, 'ok.bin', Buffer.alloc(2 * MB, 1))).status).toBe(200);
  });
});
