/**
 * The SIP account in the console's 客服 form (both stores): an admin reads it without its password,
 * sets it, and may leave the password out to keep the current one; every change is audit-logged
 * without the password; bad input changes nothing. Leaders and agents are refused (the console
 * authorization matrix walks these routes too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SipSettings } from '../../shared/phone.js';
import { call } from '../testing/harness.js';
import { createScene, dbFingerprint, type Scene } from '../testing/scene.js';

type ErrorBody = { error: { code: string; details?: Record<string, string> } };
type Entry = { action: string; targetId: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

const SIP: SipSettings = {
  enabled: true,
  wsServer: 'wss://pbx.kefu.test:8089/ws',
  uri: 'sip:1001@kefu.test',
  authUser: '1001',
  password: 'Sip-Mima-1001',
  displayName: '小王',
  iceServers: [],
};
const { password: _password, ...WITHOUT_PASSWORD } = SIP;

describe("an agent's SIP account from the console", () => {
  let scene: Scene;
  const url = () => scene.server.url;
  const path = () => `/api/admin/agents/${scene.agent1.agentId}/sip`;
  const put = (body: unknown) => call<ErrorBody & Record<string, unknown>>(url(), 'PUT', path(), { token: scene.admin.token, body });
  const read = () => call<Record<string, unknown> | null>(url(), 'GET', path(), { token: scene.admin.token });
  const agentReads = async () => (await call<SipSettings | null>(url(), 'GET', '/api/me/sip', { token: scene.agent1.token })).body;

  beforeAll(async () => {
    scene = await createScene();
  });
  afterAll(() => scene.dispose());

  it('reads null before one is set; a new account without its password is refused and nothing changes', async () => {
    expect((await read()).body).toBeNull();
    const before = dbFingerprint(scene.server);
    const refused = await put(WITHOUT_PASSWORD);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { password: 'required' } });
    const bad = await put({ ...SIP, uri: '1001@kefu.test' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toHaveProperty(['body.uri']);
    expect((await put({ ...SIP, extra: true })).status).toBe(400);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('sets it; the admin reads it back without the password, the agent with it; the list shows its URI', async () => {
    expect((await put(SIP)).status).toBe(200);
    expect((await read()).body).toEqual(WITHOUT_PASSWORD);
    expect(await agentReads()).toEqual(SIP);
    const list = await call<{ id: string; sipUri: string | null }[]>(url(), 'GET', '/api/admin/agents?state=all', { token: scene.admin.token });
    expect(list.body.find((a) => a.id === scene.agent1.agentId)?.sipUri).toBe('sip:1001@kefu.test');
    expect(list.body.find((a) => a.id === scene.agent2.agentId)?.sipUri).toBeNull();
  });

  it('an omitted password keeps the current one; a new one replaces it; the audit log never holds it', async () => {
    expect((await put({ ...WITHOUT_PASSWORD, displayName: '小王（总机）' })).status).toBe(200);
    expect(await agentReads()).toEqual({ ...SIP, displayName: '小王（总机）' });
    expect((await put({ ...SIP, password: 'Sip-Xin-2002' })).status).toBe(200);
    expect((await agentReads())?.password).toBe('Sip-Xin-2002');

    const audit = await call<{ entries: Entry[] }>(url(), 'GET', `/api/admin/audit?action=agent.sip&targetId=${scene.agent1.agentId}`, {
      token: scene.admin.token,
    });
    expect(audit.body.entries).toHaveLength(3);
    const [changedPassword, renamed, created] = audit.body.entries;
    expect(created).toMatchObject({ before: null, after: { uri: 'sip:1001@kefu.test' } });
    expect(renamed).toMatchObject({ before: { displayName: '小王' }, after: { displayName: '小王（总机）' } });
    expect(changedPassword).toMatchObject({ before: { passwordReset: false }, after: { passwordReset: true } });
    const text = JSON.stringify(audit.body);
    for (const secret of ['Sip-Mima-1001', 'Sip-Xin-2002']) expect(text).not.toContain(secret);
  });

  it('an unknown agent is 404 on read and write; an agent token is refused', async () => {
    expect((await call<ErrorBody>(url(), 'GET', '/api/admin/agents/no-such-agent/sip', { token: scene.admin.token })).body.error.code).toBe('NOT_FOUND');
    expect((await call<ErrorBody>(url(), 'PUT', '/api/admin/agents/no-such-agent/sip', { token: scene.admin.token, body: SIP })).status).toBe(404);
    expect((await call(url(), 'GET', path(), { token: scene.agent1.token })).status).toBe(403);
  });
});
