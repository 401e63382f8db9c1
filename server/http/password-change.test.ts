/**
 * 下次登录须修改密码 on a real server (both stores): an account created or reset in the console
 * logs in flagged, may only change its password, read `me` and log out until it has; the change
 * (PUT /api/me/password) clears the flag and ends the agent's other logins. Every bad change is
 * refused with a code and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, RealtimeClient } from '../testing/harness.js';
import { createScene, dbFingerprint, type Scene } from '../testing/scene.js';
import { withSeparateConnection } from '../testing/separate-connection.js';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string> } };
type LoginBody = { token: string; agent: { id: string }; mustChangePassword?: boolean };

const FIRST = 'Chushi-2026!';
const CHOSEN = 'Ziji-Xuan-88';

describe('must change the password at the next login', () => {
  let scene: Scene;
  const url = () => scene.server.url;
  let created: { id: string };

  const login = (account: string, password: string) => call<LoginBody & ErrorBody>(url(), 'POST', '/api/auth/login', { body: { account, password } });
  const change = (token: string, body: unknown) => call<ErrorBody & { id: string }>(url(), 'PUT', '/api/me/password', { token, body });
  /** The account's stored password hash and flag, read through a connection of its own. */
  const stored = (id: string) =>
    withSeparateConnection(
      scene.server,
      (db) => db.prepare('SELECT password_hash, must_change_password FROM agents WHERE id = ?').get(id) as Record<string, unknown>,
    );
  const agentsTable = () => withSeparateConnection(scene.server, (db) => JSON.stringify(db.prepare('SELECT * FROM agents ORDER BY id').all()));

  beforeAll(async () => {
    scene = await createScene();
    const res = await call<{ id: string }>(url(), 'POST', '/api/admin/agents', {
      token: scene.admin.token,
      body: { account: 'zhao.min', password: FIRST, nickname: '赵敏' },
    });
    expect(res.status).toBe(200);
    created = res.body;
  });
  afterAll(() => scene.dispose());

  it('a seeded account logs in unflagged; one created in the console logs in flagged', async () => {
    expect((await login('agent1', 'agent123')).body.mustChangePassword).toBe(false);
    const res = await login('zhao.min', FIRST);
    expect(res.status).toBe(200);
    expect(res.body.mustChangePassword).toBe(true);
  });

  it('a flagged login may read me and nothing else: REST answers 403 PASSWORD_CHANGE_REQUIRED, realtime refuses the hello', async () => {
    const { token } = (await login('zhao.min', FIRST)).body;
    expect((await call(url(), 'GET', '/api/me', { token })).status).toBe(200);
    for (const [method, path, body] of [
      ['PUT', '/api/me/status', { status: 'online' }],
      ['GET', '/api/agents', undefined],
      ['GET', '/api/settings', undefined],
      ['GET', '/api/queue', undefined],
      ['GET', '/api/me/sip', undefined],
    ] as const) {
      const res = await call<ErrorBody>(url(), method, path, { token, body });
      expect(res.status, path).toBe(403);
      expect(res.body.error.code, path).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    const ws = await RealtimeClient.open(url());
    ws.send({ type: 'hello', token, lastSeq: 0 });
    const refused = await ws.waitFor((f) => f.type === 'error');
    expect(refused).toMatchObject({ type: 'error', error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect(ws.frames.some((f) => f.type === 'welcome')).toBe(false);
  });

  it.each([
    ['a missing current password', { newPassword: CHOSEN }, 'body.currentPassword'],
    ['a missing new password', { currentPassword: FIRST }, 'body.newPassword'],
    ['an unknown field', { currentPassword: FIRST, newPassword: CHOSEN, account: 'admin' }, 'body'],
    ['a too short new password', { currentPassword: FIRST, newPassword: 'abc1234' }, 'body.newPassword'],
    ['a most common new password', { currentPassword: FIRST, newPassword: 'Password1' }, 'body.newPassword'],
    ['the account name as the new password', { currentPassword: FIRST, newPassword: 'Zhao.Min' }, 'password'],
    ['the current password again', { currentPassword: FIRST, newPassword: FIRST }, 'newPassword'],
  ])('refuses %s with VALIDATION_FAILED and changes nothing', async (_, body, field) => {
    const { token } = (await login('zhao.min', FIRST)).body;
    const before = dbFingerprint(scene.server);
    const res = await change(token, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.error.details ?? {}).some((key) => key === field || key.startsWith(`${field}.`) || field === 'body')).toBe(true);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('refuses a wrong current password (400, detail currentPassword) without touching the account, and counts it as a failed login', async () => {
    const { token } = (await login('zhao.min', FIRST)).body;
    const before = agentsTable();
    const res = await change(token, { currentPassword: 'Not-the-one-1', newPassword: CHOSEN });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { currentPassword: 'wrong password' } });
    expect(agentsTable()).toBe(before);
    const counted = withSeparateConnection(scene.server, (db) => db.prepare('SELECT failures FROM login_guard WHERE account = ?').get('zhao.min')) as
      { failures: number } | undefined;
    expect(Number(counted?.failures)).toBe(1);
  });

  it('the change clears the flag, keeps this login and ends the other ones; the old password is gone', async () => {
    const other = (await login('zhao.min', FIRST)).body.token;
    const mine = (await login('zhao.min', FIRST)).body.token;
    const res = await change(mine, { currentPassword: FIRST, newPassword: CHOSEN });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(created.id);
    expect(Number(stored(created.id).must_change_password)).toBe(0);
    expect((await call(url(), 'PUT', '/api/me/status', { token: mine, body: { status: 'busy' } })).status).toBe(200);
    const ended = await call<ErrorBody>(url(), 'GET', '/api/me', { token: other });
    expect(ended.status).toBe(401);
    expect(ended.body.error.details?.reason).toBe('password-changed');
    expect((await login('zhao.min', FIRST)).status).toBe(401);
    const fresh = await login('zhao.min', CHOSEN);
    expect(fresh.status).toBe(200);
    expect(fresh.body.mustChangePassword).toBe(false);
    // The failed attempt of the test before was wiped by the right current password.
    expect(withSeparateConnection(scene.server, (db) => db.prepare('SELECT failures FROM login_guard WHERE account = ?').get('zhao.min'))).toBeUndefined();
  });

  it('an unflagged agent may change their own password too, and is not flagged by it', async () => {
    const { token } = (await login('agent2', 'agent123')).body;
    expect((await change(token, { currentPassword: 'agent123', newPassword: CHOSEN })).status).toBe(200);
    expect((await login('agent2', CHOSEN)).body.mustChangePassword).toBe(false);
  });

  it("an admin's 重置密码 flags the account (audit-logged as a reset); a nickname change does not; the admin's own new password does not", async () => {
    const nickname = await call(url(), 'PATCH', `/api/admin/agents/${created.id}`, { token: scene.admin.token, body: { nickname: '赵敏敏' } });
    expect(nickname.status).toBe(200);
    expect((await login('zhao.min', CHOSEN)).body.mustChangePassword).toBe(false);

    const reset = await call(url(), 'PATCH', `/api/admin/agents/${created.id}`, { token: scene.admin.token, body: { password: 'Chongzhi-2026' } });
    expect(reset.status).toBe(200);
    const flagged = await login('zhao.min', 'Chongzhi-2026');
    expect(flagged.body.mustChangePassword).toBe(true);
    const audit = await call<{ entries: { action: string; after: Record<string, unknown> | null }[] }>(
      url(),
      'GET',
      `/api/admin/audit?targetId=${created.id}`,
      {
        token: scene.admin.token,
      },
    );
    expect(audit.status).toBe(200);
    expect(audit.body.entries.find((e) => e.action === 'agent.update' && e.after?.passwordReset === true)).toBeTruthy();

    const own = await call(url(), 'PATCH', `/api/admin/agents/${scene.admin.agentId}`, { token: scene.admin.token, body: { password: 'Guanli-2026!' } });
    expect(own.status).toBe(200);
    expect((await login('admin', 'Guanli-2026!')).body.mustChangePassword).toBe(false);
  });

  it('a flagged login may log out', async () => {
    const { token } = (await login('zhao.min', 'Chongzhi-2026')).body;
    expect((await call(url(), 'POST', '/api/auth/logout', { token })).status).toBe(200);
    expect((await call(url(), 'GET', '/api/me', { token })).status).toBe(401);
  });
});
