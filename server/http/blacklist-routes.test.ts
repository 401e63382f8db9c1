/**
 * 黑名单 routes (shared/protocol/rest-blacklist.ts) against the real server, on SQLite and
 * PostgreSQL: a visitor listed while chatting is stopped at once (REST and realtime), nothing they
 * sent is lost; address ranges and phone numbers; expiry; agents only when the company allows it;
 * bad input refused with VALIDATION_FAILED and the field, nothing changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type AuditPage, type BlacklistEntry, type Message } from '../../shared/index.js';
import { call, newVisitor, RealtimeClient } from '../testing/harness.js';
import { createScene, dbFingerprint, goLive, sendText, visitorChat, type Scene } from '../testing/scene.js';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string> } };

describe('blacklist routes', () => {
  let scene: Scene;
  const api = <T>(method: string, path: string, body?: unknown, token = scene.admin.token) => call<T>(scene.server.url, method, path, { token, body });
  const add = (body: Record<string, unknown>, token = scene.admin.token) => api<BlacklistEntry & ErrorBody>('POST', '/api/admin/blacklist', body, token);
  const start = (token: string) => call<ErrorBody & { outcome: string }>(scene.server.url, 'POST', '/api/visitor/conversation', { token });

  beforeEach(async () => {
    scene = await createScene();
  });
  afterEach(() => scene.dispose());

  it('listing a chatting visitor stops them live; what they sent stays; removing lets them start again', async () => {
    await goLive(scene, scene.agent1, 'online');
    const chat = await visitorChat(scene);
    expect((await sendText(scene, chat.token, chat.conversationId, '你们的电话是多少')).status).toBe(200);
    const visitorWs = await RealtimeClient.connect(scene.server.url, chat.token);
    scene.clients.push(visitorWs);

    const added = await add({ kind: 'visitor', value: chat.visitorId, reason: '辱骂客服' });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body).toMatchObject({
      kind: 'visitor',
      value: chat.visitorId,
      label: '访客',
      reason: '辱骂客服',
      expiresAt: null,
      active: true,
      createdByAccount: 'admin',
    });

    // The widget is told at once; the conversation ended, with the visitor's message still in it.
    const frame = await visitorWs.waitFor((f) => f.type === 'error' && f.error.code === 'BLOCKED');
    expect(frame).toMatchObject({ error: { code: 'BLOCKED' } });
    const conversation = await api<{ state: string; endedBy: string }>('GET', `/api/conversations/${chat.conversationId}`);
    expect(conversation.body).toMatchObject({ state: 'ended', endedBy: 'system' });
    const messages = await api<Message[]>('GET', `/api/conversations/${chat.conversationId}/messages`);
    expect(messages.body.map((m) => m.text)).toEqual(['你们的电话是多少', '访客已被加入黑名单，对话已结束']);

    // Every visitor entry point now says BLOCKED, and nothing is written.
    const before = dbFingerprint(scene.server);
    const sent = await sendText(scene, chat.token, chat.conversationId, '还在吗');
    expect(sent.status).toBe(403);
    expect((sent.body as unknown as ErrorBody).error.code).toBe('BLOCKED');
    expect((await start(chat.token)).body.error.code).toBe('BLOCKED');
    const session = await call<ErrorBody>(scene.server.url, 'POST', '/api/visitor/session', { body: { token: chat.token } });
    expect(session.status).toBe(403);
    expect(session.body.error.code).toBe('BLOCKED');
    const leave = await call<ErrorBody>(scene.server.url, 'POST', '/api/visitor/offline-messages', {
      token: chat.token,
      body: { name: 'x', contact: 'y', text: 'z' },
    });
    expect(leave.body.error.code).toBe('BLOCKED');
    const hello = await RealtimeClient.open(scene.server.url);
    hello.send({ type: 'hello', token: chat.token, lastSeq: 0 });
    await hello.waitFor((f) => f.type === 'error' && f.error.code === 'BLOCKED').catch(() => undefined);
    expect(hello.frames).toEqual([{ type: 'error', error: { code: 'BLOCKED', message: expect.any(String) } }]);
    expect(dbFingerprint(scene.server)).toBe(before);

    const listed = await api<BlacklistEntry[]>('GET', '/api/admin/blacklist?kind=visitor');
    expect(listed.body.map((e) => e.id)).toEqual([added.body.id]);

    expect((await api('DELETE', `/api/admin/blacklist/${added.body.id}`)).status).toBe(200);
    expect((await api<BlacklistEntry[]>('GET', '/api/admin/blacklist')).body).toEqual([]);
    const again = await start(chat.token);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('started');

    const audit = await api<AuditPage>('GET', '/api/admin/audit?targetId=' + added.body.id);
    expect(audit.body.entries.map((e) => e.action)).toEqual(['blacklist.remove', 'blacklist.add']);
    expect(audit.body.entries[1]!.after).toMatchObject({ kind: 'visitor', value: chat.visitorId, reason: '辱骂客服' });
  });

  it('an address range blocks new visitors and stops connected ones from it', async () => {
    await goLive(scene, scene.agent1, 'online');
    const chat = await visitorChat(scene);
    const visitorWs = await RealtimeClient.connect(scene.server.url, chat.token);
    scene.clients.push(visitorWs);

    // The tests' sockets come from the loopback address.
    const added = await add({ kind: 'ip', value: '127.0.0.0/8', reason: '刷屏' });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    await visitorWs.waitFor((f) => f.type === 'error' && f.error.code === 'BLOCKED');
    expect((await api<{ state: string }>('GET', `/api/conversations/${chat.conversationId}`)).body.state).toBe('ended');
    const fresh = await call<ErrorBody>(scene.server.url, 'POST', '/api/visitor/session', { body: {} });
    expect(fresh.body.error.code).toBe('BLOCKED');

    await api('DELETE', `/api/admin/blacklist/${added.body.id}`);
    expect((await newVisitor(scene.server.url)).visitorId).toEqual(expect.any(String));
  });

  it('an entry with an expiry stops blocking by itself', async () => {
    const visitor = await newVisitor(scene.server.url);
    const now = scene.server.clock.now;
    const added = await add({ kind: 'visitor', value: visitor.visitorId, reason: '骚扰', expiresAt: now + 600_000 });
    expect(added.body).toMatchObject({ expiresAt: now + 600_000, active: true });
    expect((await start(visitor.token)).body.error.code).toBe('BLOCKED');

    scene.server.clock.advance(600_001);
    await goLive(scene, scene.agent1, 'online');
    expect((await start(visitor.token)).body.outcome).toBe('started');
    expect((await api<BlacklistEntry[]>('GET', '/api/admin/blacklist')).body).toEqual([]);
    const expired = await api<BlacklistEntry[]>('GET', '/api/admin/blacklist?state=expired');
    expect(expired.body).toMatchObject([{ id: added.body.id, active: false }]);
    // Expired, it no longer stands in the way of listing the visitor again.
    expect((await add({ kind: 'visitor', value: visitor.visitorId, reason: '又来了' })).status).toBe(200);
  });

  it('stores addresses and numbers in one spelling; phone checks for the softphone', async () => {
    const v6 = await add({ kind: 'ip', value: '2001:0DB8:0:0::/32', reason: 'r' });
    expect(v6.body.value).toBe('2001:db8::/32');
    const one = await add({ kind: 'ip', value: ' 192.0.2.7 ', reason: 'r' });
    expect(one.body.value).toBe('192.0.2.7');
    const phone = await add({ kind: 'phone', value: '+86 138-0013-8000', reason: '推销电话' });
    expect(phone.body.value).toBe('13800138000');
    const check = (number: string) =>
      api<{ blocked: boolean }>('GET', `/api/blacklist/phone-check?number=${encodeURIComponent(number)}`, undefined, scene.agent1.token);
    expect((await check('13800138000')).body.blocked).toBe(true);
    expect((await check('+8613800138000')).body.blocked).toBe(true);
    expect((await check('13900139000')).body.blocked).toBe(false);
    expect((await api<BlacklistEntry[]>('GET', '/api/admin/blacklist?q=db8')).body.map((e) => e.id)).toEqual([v6.body.id]);
  });

  it('refuses bad entries with the field, and changes nothing', async () => {
    const visitor = await newVisitor(scene.server.url);
    await add({ kind: 'phone', value: '13800138000', reason: 'r' });
    const before = dbFingerprint(scene.server);
    const bad: [Record<string, unknown>, string][] = [
      [{ kind: 'ip', value: '10.0.0.1/8', reason: 'r' }, 'value'],
      [{ kind: 'ip', value: '256.1.1.1', reason: 'r' }, 'value'],
      [{ kind: 'ip', value: '1.2.3', reason: 'r' }, 'value'],
      [{ kind: 'ip', value: '010.1.1.1', reason: 'r' }, 'value'],
      [{ kind: 'ip', value: '10.0.0.0/33', reason: 'r' }, 'value'],
      [{ kind: 'ip', value: '0.0.0.0/0', reason: 'r' }, 'value'],
      [{ kind: 'ip', value: '2001:db8::g', reason: 'r' }, 'value'],
      [{ kind: 'ip', value: '1::2::3', reason: 'r' }, 'value'],
      [{ kind: 'ip', value: 'fe80::1%eth0', reason: 'r' }, 'value'],
      [{ kind: 'phone', value: 'abc', reason: 'r' }, 'value'],
      [{ kind: 'phone', value: '12', reason: 'r' }, 'value'],
      [{ kind: 'phone', value: '138--0013', reason: 'r' }, 'value'],
      [{ kind: 'phone', value: 'sip:spam@example.com', reason: 'r' }, 'value'],
      [{ kind: 'visitor', value: uuidv7(), reason: 'r' }, 'value'],
      [{ kind: 'visitor', value: visitor.visitorId, reason: '' }, 'reason'],
      [{ kind: 'visitor', value: visitor.visitorId, reason: 'r', expiresAt: scene.server.clock.now - 1 }, 'expiresAt'],
      [{ kind: 'visitor', value: visitor.visitorId, reason: 'r', expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ kind: 'email', value: 'a@b.c', reason: 'r' }, 'kind'],
      [{ kind: 'visitor', value: visitor.visitorId, reason: 'r', extra: 1 }, ''],
    ];
    for (const [body, field] of bad) {
      const res = await add(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      if (field) expect(Object.keys(res.body.error.details ?? {}).join(','), JSON.stringify(body)).toContain(field);
    }
    const duplicate = await add({ kind: 'phone', value: '138 0013 8000', reason: 'r' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'CONFLICT', details: { value: 'already listed' } });
    expect((await api<ErrorBody>('DELETE', `/api/admin/blacklist/${uuidv7()}`)).status).toBe(404);
    expect((await api<ErrorBody>('GET', '/api/admin/blacklist?state=gone')).status).toBe(400);
    expect((await api<ErrorBody>('GET', '/api/admin/blacklist?kind=visitor', undefined, scene.agent1.token)).status).toBe(403);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('agents add the visitor of their conversation only when the company allows it', async () => {
    await goLive(scene, scene.agent1, 'online');
    const chat = await visitorChat(scene);
    const body = { conversationId: chat.conversationId, reason: '恶意骚扰' };
    const before = dbFingerprint(scene.server);
    const refused = await api<ErrorBody>('POST', '/api/blacklist/visitors', body, scene.agent1.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect(dbFingerprint(scene.server)).toBe(before);

    expect((await api('PATCH', '/api/admin/settings', { agentsMayBlacklist: true })).status).toBe(200);
    // Only the agent handling the conversation.
    expect((await api<ErrorBody>('POST', '/api/blacklist/visitors', body, scene.agent2.token)).body.error.code).toBe('FORBIDDEN');
    const bad = await api<ErrorBody>('POST', '/api/blacklist/visitors', { ...body, reason: ' ' }, scene.agent1.token);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { 'body.reason': expect.any(String) } });
    const added = await api<BlacklistEntry>('POST', '/api/blacklist/visitors', body, scene.agent1.token);
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ kind: 'visitor', value: chat.visitorId, createdById: scene.agent1.agentId, createdByAccount: 'agent1' });
    expect((await api<{ state: string }>('GET', `/api/conversations/${chat.conversationId}`)).body.state).toBe('ended');
    expect((await start(chat.token)).body.error.code).toBe('BLOCKED');
  });
});
