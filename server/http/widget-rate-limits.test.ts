/**
 * Widget rate limits against the real server: per visitor and per IP, on every widget endpoint,
 * over REST and the realtime socket alike; refusals are 429 RATE_LIMITED envelopes (Retry-After)
 * or nacks that change nothing; staff are not limited; a person's pace never meets the defaults.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7, type ServerFrame } from '../../shared/index.js';
import { call, newVisitor, RealtimeClient, startTestServer, type TestServer } from '../testing/harness.js';
import { createScene, dbFingerprint, goLive, sendText, visitorChat, type Scene } from '../testing/scene.js';
import { resolveWidgetRateLimits, widgetRateLimitsFromEnv, type WidgetRateLimitOptions } from './widget-rate-limit-config.js';

type ErrorBody = { error: { code: string; message: string } };
type Answer = Extract<ServerFrame, { type: 'ack' | 'nack' }>;
const isAnswer = (f: ServerFrame): f is Answer => f.type === 'ack' || f.type === 'nack';

const disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0).reverse()) await dispose();
});

async function scene(widgetRateLimits: WidgetRateLimitOptions, extra: { trustProxy?: boolean } = {}): Promise<Scene> {
  const s = await createScene({ widgetRateLimits, ...extra });
  disposers.push(() => s.dispose());
  await goLive(s, s.agent1, 'online');
  return s;
}

async function server(widgetRateLimits: WidgetRateLimitOptions, extra: { trustProxy?: boolean } = {}): Promise<TestServer> {
  const s = await startTestServer({ widgetRateLimits, ...extra });
  disposers.push(() => s.dispose());
  return s;
}

function expectRateLimited(res: { status: number; body: unknown; headers: Headers }): void {
  expect(res.status).toBe(429);
  expect((res.body as ErrorBody).error.code).toBe('RATE_LIMITED');
  expect((res.body as ErrorBody).error.message).toMatch(/try again in \d+ s/);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
}

const texts = async (s: Scene, token: string, conversationId: string) =>
  (await call<{ text: string }[]>(s.server.url, 'GET', `/api/conversations/${conversationId}/messages`, { token })).body.map((m) => m.text);

describe('widget rate limits', () => {
  it('limits REST messages per visitor with a 429 envelope that stores nothing; other visitors and agents go on', async () => {
    const s = await scene({ limits: { message: { perVisitor: 3, perIp: 100 } } });
    const chat = await visitorChat(s);
    for (const text of ['一', '二', '三']) expect((await sendText(s, chat.token, chat.conversationId, text)).status).toBe(200);
    const before = dbFingerprint(s.server);
    expectRateLimited(await sendText(s, chat.token, chat.conversationId, '四'));
    expect(dbFingerprint(s.server)).toBe(before);
    const other = await visitorChat(s);
    expect((await sendText(s, other.token, other.conversationId, '别人')).status).toBe(200);
    // The agent shares the message route and is never limited by the widget's budgets.
    for (let i = 0; i < 5; i++) expect((await sendText(s, s.agent1.token, chat.conversationId, `客服${i}`)).status).toBe(200);
  });

  it('limits per IP across visitors, and follows X-Forwarded-For only behind a trusted proxy', async () => {
    const limits = { limits: { session: { perVisitor: 100, perIp: 2 } } };
    const direct = await server(limits);
    const open = (s: TestServer, ip: string) => call(s.url, 'POST', '/api/visitor/session', { body: {}, headers: { 'x-forwarded-for': ip } });
    expect((await open(direct, '1.1.1.1')).status).toBe(200);
    expect((await open(direct, '2.2.2.2')).status).toBe(200);
    // Not trusted: the header is the client's own claim; all three share the socket's address.
    expectRateLimited(await open(direct, '3.3.3.3'));

    const proxied = await server(limits, { trustProxy: true });
    for (const ip of ['1.1.1.1', '1.1.1.1', '2.2.2.2', '2.2.2.2']) expect((await open(proxied, ip)).status).toBe(200);
    expectRateLimited(await open(proxied, '1.1.1.1'));
    expect((await open(proxied, '3.3.3.3')).status).toBe(200);
  });

  it('limits every widget endpoint: conversation, upload, page view and leave, 留言', async () => {
    const one = { perVisitor: 1, perIp: 100 };
    const s = await scene({ limits: { conversation: one, upload: one, pageView: one, offlineMessage: one } });
    const chat = await visitorChat(s);
    expectRateLimited(await call(s.server.url, 'POST', '/api/visitor/conversation', { token: chat.token }));

    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const upload = () =>
      call(s.server.url, 'POST', `/api/uploads?conversationId=${chat.conversationId}&name=dot.png`, { token: chat.token, raw: png, contentType: 'image/png' });
    expect((await upload()).status).toBe(200);
    expectRateLimited(await upload());

    const view = await call<{ id: string }>(s.server.url, 'POST', '/api/visitor/page-views', { token: chat.token, body: { url: 'https://shop.example.cn/' } });
    expect(view.status).toBe(200);
    // Reporting a page and leaving it draw on the same budget.
    expectRateLimited(await call(s.server.url, 'POST', `/api/visitor/page-views/${view.body.id}/leave`, { token: chat.token }));

    const leave = () =>
      call(s.server.url, 'POST', '/api/visitor/offline-messages', { token: chat.token, body: { name: '张三', contact: '13800000000', text: '请回电' } });
    expect((await leave()).status).toBe(200);
    expectRateLimited(await leave());
  });

  it('realtime sends share the REST budget; a refused send is nacked, later ones wait behind it, nothing is stored out of order', async () => {
    const s = await scene({ limits: { message: { perVisitor: 3, perIp: 100 } } });
    const chat = await visitorChat(s);
    for (const text of ['一', '二']) expect((await sendText(s, chat.token, chat.conversationId, text)).status).toBe(200);
    const ws = await RealtimeClient.connect(s.server.url, chat.token);
    s.clients.push(ws);
    const [a, b, c] = [uuidv7(), uuidv7(), uuidv7()];
    const frame = (clientId: string, text: string) => ({
      type: 'message.send',
      conversationId: chat.conversationId,
      message: { clientId, kind: 'text', text },
    });
    ws.send(frame(a, 'A'));
    ws.send(frame(b, 'B'));
    ws.send(frame(c, 'C'));
    await ws.waitFor(() => ws.frames.filter(isAnswer).length === 3);
    // Answers are keyed by clientId (an ack waits for the group commit, a refusal does not).
    const answers = new Map(ws.frames.filter(isAnswer).map((f) => [f.clientId, f.type === 'ack' ? 'ack' : f.error.code]));
    expect([answers.get(a), answers.get(b), answers.get(c)]).toEqual(['ack', 'RATE_LIMITED', 'RATE_LIMITED']);
    // C again before B: still waits behind B (the window has not turned over, and order matters).
    ws.send(frame(c, 'C'));
    await ws.waitFor(() => ws.frames.filter(isAnswer).length === 4);
    expect(ws.frames.filter(isAnswer)[3]).toMatchObject({ type: 'nack', clientId: c, error: { code: 'RATE_LIMITED' } });
    expect(ws.closed).toBeNull();
    expect(await texts(s, chat.token, chat.conversationId)).toEqual(['一', '二', 'A']);
  });

  it('after the window turns over, the refused messages go through in their order', async () => {
    const s = await scene({ windowMs: 300, limits: { message: { perVisitor: 1, perIp: 100 } } });
    const chat = await visitorChat(s);
    const ws = await RealtimeClient.connect(s.server.url, chat.token);
    s.clients.push(ws);
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    const frame = (i: number) => ({ type: 'message.send', conversationId: chat.conversationId, message: { clientId: ids[i]!, kind: 'text', text: `m${i}` } });
    // What the widget's outbox does: send everything pending in order; again after a refusal.
    const acked = new Set<string>();
    const deadline = Date.now() + 10_000;
    while (acked.size < ids.length && Date.now() < deadline) {
      const mark = ws.frames.length;
      const pending = ids.flatMap((id, i) => (acked.has(id) ? [] : [i]));
      for (const i of pending) ws.send(frame(i));
      await ws.waitFor(() => ws.frames.slice(mark).filter(isAnswer).length === pending.length);
      for (const f of ws.frames.slice(mark).filter(isAnswer)) if (f.type === 'ack') acked.add(f.clientId);
    }
    expect(acked.size).toBe(3);
    expect(await texts(s, chat.token, chat.conversationId)).toEqual(['m0', 'm1', 'm2']);
  });

  it('never meets a person: a fast burst of 40 messages over REST and over the socket passes the defaults', async () => {
    const s = await scene({});
    const chat = await visitorChat(s);
    for (let i = 0; i < 40; i++) expect((await sendText(s, chat.token, chat.conversationId, `快${i}`)).status).toBe(200);
    const ws = await RealtimeClient.connect(s.server.url, chat.token);
    s.clients.push(ws);
    for (let i = 0; i < 40; i++)
      ws.send({ type: 'message.send', conversationId: chat.conversationId, message: { clientId: uuidv7(), kind: 'text', text: `打${i}` } });
    await ws.waitFor(() => ws.frames.filter(isAnswer).length === 40);
    expect(ws.frames.filter(isAnswer).every((f) => f.type === 'ack')).toBe(true);
    for (let i = 0; i < 10; i++) expect((await newVisitor(s.server.url)).token).toBeTruthy();
  });

  it('off turns them off', async () => {
    const s = await scene({ enabled: false, limits: { message: { perVisitor: 1, perIp: 1 } } });
    const chat = await visitorChat(s);
    for (let i = 0; i < 3; i++) expect((await sendText(s, chat.token, chat.conversationId, `${i}`)).status).toBe(200);
  });
});

describe('KEFU_WIDGET_RATE_LIMITS', () => {
  it('reads off, per-kind budgets and the window; anything else stops the start with a message', () => {
    expect(widgetRateLimitsFromEnv(undefined)).toEqual({});
    expect(widgetRateLimitsFromEnv(' off ')).toEqual({ enabled: false });
    const parsed = resolveWidgetRateLimits(widgetRateLimitsFromEnv('message=240/3000, window=30'));
    expect(parsed.windowMs).toBe(30_000);
    expect(parsed.limits.message).toEqual({ perVisitor: 240, perIp: 3000 });
    expect(parsed.limits.session).toEqual(resolveWidgetRateLimits().limits.session);
    expect(() => widgetRateLimitsFromEnv('mesage=1/2')).toThrow(/unknown kind "mesage"/);
    expect(() => widgetRateLimitsFromEnv('message=10')).toThrow(/PER_VISITOR\/PER_IP/);
    expect(() => widgetRateLimitsFromEnv('message=0/5')).toThrow(/positive whole numbers/);
    expect(() => widgetRateLimitsFromEnv('window=1.5')).toThrow(/whole seconds/);
  });
});
