import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord, CustomerCard, SipSettings, StoredCall, WrapUpCode } from '../../shared/phone.js';
import { sampleCallRecord } from '../testing/call-record.js';
import { call } from '../testing/harness.js';
import { createScene, dbFingerprint, goLive, visitorChat, type Scene } from '../testing/scene.js';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string> } };

const sip = (over: Partial<SipSettings> = {}): SipSettings => ({
  enabled: true,
  wsServer: 'ws://127.0.0.1:8088',
  uri: 'sip:1001@kefu.test',
  authUser: '1001',
  password: 'pw-Geheim-1001',
  displayName: '小王',
  iceServers: [],
  ...over,
});

let clockAt = 0;
const record = (over: Partial<CallRecord> = {}): CallRecord => sampleCallRecord(Date.UTC(2026, 10, 25, 9, 0, 0) + (clockAt += 60_000), over);

describe('softphone routes', () => {
  let scene: Scene;
  let url: string;
  beforeAll(async () => {
    scene = await createScene();
    url = scene.server.url;
  });
  afterAll(() => scene.dispose());

  describe('SIP settings', () => {
    it('an admin sets them (no password back); only the agent reads them, with the password', async () => {
      const before = await call<SipSettings | null>(url, 'GET', '/api/me/sip', { token: scene.agent1.token });
      expect(before.status).toBe(200);
      expect(before.body).toBeNull();
      const put = await call<Record<string, unknown>>(url, 'PUT', `/api/admin/agents/${scene.agent1.agentId}/sip`, { token: scene.admin.token, body: sip() });
      expect(put.status).toBe(200);
      expect(put.body).not.toHaveProperty('password');
      expect(JSON.stringify(put.body)).not.toContain('pw-Geheim-1001');
      expect(put.body.uri).toBe('sip:1001@kefu.test');
      const mine = await call<SipSettings>(url, 'GET', '/api/me/sip', { token: scene.agent1.token });
      expect(mine.body).toEqual(sip());
      const other = await call<SipSettings | null>(url, 'GET', '/api/me/sip', { token: scene.agent2.token });
      expect(other.body).toBeNull();
    });

    it('a second PUT replaces the account', async () => {
      const next = sip({ uri: 'sip:2001@kefu.test', authUser: '2001', iceServers: [{ urls: 'stun:127.0.0.1:3478' }] });
      expect((await call(url, 'PUT', `/api/admin/agents/${scene.agent2.agentId}/sip`, { token: scene.admin.token, body: sip() })).status).toBe(200);
      expect((await call(url, 'PUT', `/api/admin/agents/${scene.agent2.agentId}/sip`, { token: scene.admin.token, body: next })).status).toBe(200);
      expect((await call<SipSettings>(url, 'GET', '/api/me/sip', { token: scene.agent2.token })).body).toEqual(next);
    });

    it('refuses bad settings, unknown agents and agents setting them; the password is not echoed in errors', async () => {
      const before = dbFingerprint(scene.server);
      const bad = await call<ErrorBody>(url, 'PUT', `/api/admin/agents/${scene.agent1.agentId}/sip`, {
        token: scene.admin.token,
        body: sip({ wsServer: 'http://x', password: 'leak-me-please' }),
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details).toHaveProperty(['body.wsServer']);
      expect(JSON.stringify(bad.body)).not.toContain('leak-me-please');
      const long = await call<ErrorBody>(url, 'PUT', `/api/admin/agents/${scene.agent1.agentId}/sip`, {
        token: scene.admin.token,
        body: sip({ password: 'x'.repeat(129) }),
      });
      expect(long.status).toBe(400);
      const unknown = await call<ErrorBody>(url, 'PUT', '/api/admin/agents/no-such-agent/sip', { token: scene.admin.token, body: sip() });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('NOT_FOUND');
      const agent = await call<ErrorBody>(url, 'PUT', `/api/admin/agents/${scene.agent1.agentId}/sip`, { token: scene.agent1.token, body: sip() });
      expect(agent.status).toBe(403);
      expect(dbFingerprint(scene.server)).toBe(before);
    });
  });

  describe('wrap-up codes (话后处理)', () => {
    it('are seeded, and admins add more; duplicates are refused', async () => {
      const list = await call<WrapUpCode[]>(url, 'GET', '/api/wrap-up-codes', { token: scene.agent1.token });
      expect(list.body.map((c) => c.name)).toEqual(['咨询完成', '需回访', '投诉处理', '其他']);
      const created = await call<WrapUpCode>(url, 'POST', '/api/admin/wrap-up-codes', { token: scene.admin.token, body: { name: '  转技术  ' } });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ name: '转技术', enabled: true });
      const again = await call<ErrorBody>(url, 'POST', '/api/admin/wrap-up-codes', { token: scene.admin.token, body: { name: '转技术' } });
      expect(again.status).toBe(409);
      const names = (await call<WrapUpCode[]>(url, 'GET', '/api/wrap-up-codes', { token: scene.agent2.token })).body.map((c) => c.name);
      expect(names.filter((n) => n === '转技术')).toHaveLength(1);
      expect((await call(url, 'POST', '/api/admin/wrap-up-codes', { token: scene.admin.token, body: { name: '   ' } })).status).toBe(400);
    });
  });

  describe('call log (通话记录)', () => {
    it('stores a record once per id; a re-sync after wrap-up updates the same row', async () => {
      const first = record({ remoteNumber: '13900001111' });
      const stored = await call<StoredCall>(url, 'POST', '/api/calls', { token: scene.agent1.token, body: first });
      expect(stored.status).toBe(200);
      expect(stored.body).toEqual({ ...first, agentId: scene.agent1.agentId, agentName: '小王' });
      const again = await call<StoredCall>(url, 'POST', '/api/calls', { token: scene.agent1.token, body: first });
      expect(again.body).toEqual(stored.body);
      const wrapped = await call<StoredCall>(url, 'POST', '/api/calls', {
        token: scene.agent1.token,
        body: { ...first, wrapUpCodeId: 'wrap-callback', note: '明天回电' },
      });
      expect(wrapped.body).toMatchObject({ id: first.id, wrapUpCodeId: 'wrap-callback', note: '明天回电' });
      const mine = await call<StoredCall[]>(url, 'GET', '/api/calls?number=13900001111', { token: scene.agent1.token });
      expect(mine.body.filter((c) => c.id === first.id)).toHaveLength(1);
      expect(mine.body[0]?.note).toBe('明天回电');
    });

    it('the same id from another agent is a conflict and changes nothing', async () => {
      const first = record();
      expect((await call(url, 'POST', '/api/calls', { token: scene.agent1.token, body: first })).status).toBe(200);
      const before = dbFingerprint(scene.server);
      const stolen = await call<ErrorBody>(url, 'POST', '/api/calls', { token: scene.agent2.token, body: { ...first, note: 'mine now' } });
      expect(stolen.status).toBe(409);
      expect(stolen.body.error.code).toBe('CONFLICT');
      expect(dbFingerprint(scene.server)).toBe(before);
    });

    it('agents list their own calls, admins all; missed=true gives inbound missed calls; newest first', async () => {
      const missed = record({ result: 'missed', answeredAt: null, durationSeconds: 0, remoteNumber: '+8613700002222' });
      const outbound = record({ direction: 'outbound', result: 'missed', answeredAt: null, durationSeconds: 0 });
      const agent2Call = record({ remoteNumber: '13600003333' });
      for (const body of [missed, outbound]) expect((await call(url, 'POST', '/api/calls', { token: scene.agent1.token, body })).status).toBe(200);
      expect((await call(url, 'POST', '/api/calls', { token: scene.agent2.token, body: agent2Call })).status).toBe(200);

      const own = (await call<StoredCall[]>(url, 'GET', '/api/calls', { token: scene.agent1.token })).body;
      expect(own.every((c) => c.agentId === scene.agent1.agentId)).toBe(true);
      expect(own.map((c) => c.id)).not.toContain(agent2Call.id);
      const starts = own.map((c) => c.startedAt);
      expect(starts).toEqual([...starts].sort((a, b) => b - a));

      const all = (await call<StoredCall[]>(url, 'GET', '/api/calls', { token: scene.admin.token })).body.map((c) => c.id);
      expect(all).toEqual(expect.arrayContaining([missed.id, outbound.id, agent2Call.id]));

      const missedOnly = (await call<StoredCall[]>(url, 'GET', '/api/calls?missed=true', { token: scene.agent1.token })).body;
      expect(missedOnly.map((c) => c.id)).toEqual([missed.id]);
      // The number filter compares normalised numbers: +86 137… is 137….
      const byNumber = (await call<StoredCall[]>(url, 'GET', '/api/calls?number=13700002222', { token: scene.admin.token })).body;
      expect(byNumber.map((c) => c.id)).toEqual([missed.id]);
      expect((await call<StoredCall[]>(url, 'GET', '/api/calls?limit=1', { token: scene.admin.token })).body).toHaveLength(1);
    });

    it('refuses inconsistent records, unknown codes and bad queries; nothing is stored', async () => {
      const before = dbFingerprint(scene.server);
      const base = record();
      for (const body of [
        { ...base, endedAt: base.startedAt - 1 },
        { ...base, answeredAt: base.endedAt + 1 },
        { ...base, wrapUpCodeId: 'no-such-code' },
        { ...base, customerId: 'no-such-customer' },
        { ...base, id: 'not-a-uuid' },
        { ...base, durationSeconds: -1 },
        { ...base, result: 'exploded' },
      ]) {
        const res = await call<ErrorBody>(url, 'POST', '/api/calls', { token: scene.agent1.token, body });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
      }
      for (const query of ['missed=maybe', 'limit=0', 'limit=501', 'evil=1']) {
        expect((await call(url, 'GET', `/api/calls?${query}`, { token: scene.agent1.token })).status, query).toBe(400);
      }
      expect(dbFingerprint(scene.server)).toBe(before);
    });
  });

  describe('customers and the screen pop card', () => {
    it('creates a customer; the same number in another spelling is a conflict', async () => {
      const created = await call<{ id: string; phone: string; name: string }>(url, 'POST', '/api/customers', {
        token: scene.agent1.token,
        body: { name: '张三', phone: '+8613800138000' },
      });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ name: '张三', phone: '+8613800138000', email: '', note: '' });
      const before = dbFingerprint(scene.server);
      const dup = await call<ErrorBody>(url, 'POST', '/api/customers', { token: scene.agent2.token, body: { name: '李四', phone: '13800138000' } });
      expect(dup.status).toBe(409);
      expect(dup.body.error.code).toBe('CONFLICT');
      expect(dbFingerprint(scene.server)).toBe(before);
      const got = await call(url, 'GET', `/api/customers/${created.body.id}`, { token: scene.agent2.token });
      expect(got.body).toEqual(created.body);
    });

    it('refuses bad customers and unknown ids', async () => {
      const before = dbFingerprint(scene.server);
      for (const body of [
        { name: '', phone: '123' },
        { name: '王五', phone: 'call me' },
        { name: '王五', phone: '123', email: 'not-an-email' },
        { name: 'x'.repeat(65), phone: '123' },
      ]) {
        expect((await call(url, 'POST', '/api/customers', { token: scene.agent1.token, body })).status, JSON.stringify(body)).toBe(400);
      }
      const missing = await call<ErrorBody>(url, 'GET', '/api/customers/nobody', { token: scene.agent1.token });
      expect(missing.status).toBe(404);
      expect((await call(url, 'GET', '/api/customers/lookup', { token: scene.agent1.token })).status).toBe(400);
      expect((await call(url, 'GET', '/api/customers/lookup?number=drop%20table', { token: scene.agent1.token })).status).toBe(400);
      expect(dbFingerprint(scene.server)).toBe(before);
    });

    it('lookup finds the customer by a normalised number, their calls and the chats of visitors who left that number', async () => {
      const number = '13500135000';
      const customer = await call<{ id: string }>(url, 'POST', '/api/customers', {
        token: scene.agent1.token,
        body: { name: '王老板', phone: number, email: 'wang@example.com' },
      });
      const made = record({ remoteNumber: `+86${number}`, customerId: customer.body.id });
      expect((await call(url, 'POST', '/api/calls', { token: scene.agent2.token, body: made })).status).toBe(200);
      await goLive(scene, scene.agent1, 'online');
      const chat = await visitorChat(scene, { name: '王先生' });
      const left = await call(url, 'POST', '/api/visitor/offline-messages', {
        token: chat.token,
        body: { name: '王先生', contact: '135-0013 5000', text: '请回电' },
      });
      expect(left.status).toBe(200);

      const card = await call<CustomerCard>(url, 'GET', `/api/customers/lookup?number=%2B86${number}`, { token: scene.agent1.token });
      expect(card.status).toBe(200);
      expect(card.body.customer?.name).toBe('王老板');
      expect(card.body.number).toBe(`+86${number}`);
      expect(card.body.recentCalls.map((c) => c.id)).toEqual([made.id]);
      expect(card.body.recentConversations.map((c) => c.id)).toEqual([chat.conversationId]);

      const unknown = await call<CustomerCard>(url, 'GET', '/api/customers/lookup?number=10086', { token: scene.agent1.token });
      expect(unknown.body).toEqual({ customer: null, number: '10086', recentCalls: [], recentConversations: [] });
    });
  });
});
