/**
 * The password policy on every route that sets a password, on a real server: each broken rule is
 * refused with VALIDATION_FAILED, a detail naming the field and the rule, and nothing changed —
 * no agent created, no password replaced (the old one still logs in).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_RULES } from '../../shared/index.js';
import { call } from '../testing/harness.js';
import { createScene, dbFingerprint, type Scene } from '../testing/scene.js';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string> } };

const BROKEN: [string, string, string][] = [
  ['too short', 'abc1234', PASSWORD_RULES.minLength],
  ['only whitespace', '          ', PASSWORD_RULES.blank],
  ['a most common password', 'Password1', PASSWORD_RULES.common],
];

describe('password policy on create and update', () => {
  let scene: Scene;
  /** An agent whose account is long enough to be tried as a password. */
  let wang: { id: string };
  beforeAll(async () => {
    scene = await createScene();
    const res = await call<{ id: string }>(scene.server.url, 'POST', '/api/admin/agents', {
      token: scene.admin.token,
      body: { account: 'wangfang88', password: 'Kefu-2026!', nickname: '王芳' },
    });
    wang = res.body;
  });
  afterAll(() => scene.dispose());

  const createAgent = (account: string, password: string) =>
    call<ErrorBody & { id: string }>(scene.server.url, 'POST', '/api/admin/agents', {
      token: scene.admin.token,
      body: { account, password, nickname: '新客服' },
    });
  const updatePassword = (id: string, password: string) =>
    call<ErrorBody>(scene.server.url, 'PATCH', `/api/admin/agents/${id}`, { token: scene.admin.token, body: { password } });

  it.each([...BROKEN, ['the account name', 'Xiaozhang01', PASSWORD_RULES.sameAsAccount]])('create refuses a password that is %s', async (_, password, rule) => {
    const before = dbFingerprint(scene.server);
    const res = await createAgent('xiaozhang01', password);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toEqual({ 'body.password': rule });
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it.each([...BROKEN, ['the account name', 'WangFang88', PASSWORD_RULES.sameAsAccount]])(
    'update refuses a password that is %s; the old one still works',
    async (_, password, rule) => {
      const before = dbFingerprint(scene.server);
      const res = await updatePassword(wang.id, password);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      const [field, detail] = Object.entries(res.body.error.details ?? {})[0] ?? [];
      expect(field).toMatch(/(^|\.)password$/);
      expect(detail).toBe(rule);
      expect(dbFingerprint(scene.server)).toBe(before);
      expect((await call(scene.server.url, 'POST', '/api/auth/login', { body: { account: 'wangfang88', password: 'Kefu-2026!' } })).status).toBe(200);
    },
  );

  it('accepts passwords that keep the policy, including the seeded demo ones', async () => {
    const created = await createAgent('xiaozhang02', 'Kefu-2026!');
    expect(created.status).toBe(200);
    expect((await updatePassword(created.body.id, 'agent123')).status).toBe(200);
    expect((await call(scene.server.url, 'POST', '/api/auth/login', { body: { account: 'xiaozhang02', password: 'agent123' } })).status).toBe(200);
  });
});
