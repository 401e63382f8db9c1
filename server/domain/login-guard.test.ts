/**
 * Per-account brute-force lock on a real server: locked after the failures, refused even with the
 * right password, lifted by the clock or by an admin, reset by a success, kept across a restart,
 * identical for names that are no account, and not bypassed by a burst of parallel guesses.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer } from '../testing/harness.js';
import { createScene, dbFingerprint, type Scene } from '../testing/scene.js';
import { DEFAULT_ACCOUNT_LOCK } from './login-guard.js';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string> } };
type Lockout = { agentId: string; account: string; nickname: string; failures: number; lockedUntil: number };

const { maxFailures, windowMs, lockMs } = DEFAULT_ACCOUNT_LOCK;
const PASSWORD = 'Right-Pass-2026';

describe('login guard: per-account lock', () => {
  let scene: Scene;
  let serial = 0;

  beforeAll(async () => {
    // All these logins come from 127.0.0.1: lift the per-address limit out of the way (it has its own tests).
    scene = await createScene({ loginGuard: { address: { maxFailures: 10_000 } } });
  });
  afterAll(() => scene.dispose());

  const url = (): string => scene.server.url;
  const login = (account: string, password: string) => call<ErrorBody & { token: string }>(url(), 'POST', '/api/auth/login', { body: { account, password } });
  const lockouts = async (): Promise<Lockout[]> => (await call<Lockout[]>(url(), 'GET', '/api/admin/lockouts', { token: scene.admin.token })).body;

  /** A fresh agent per test, so no test sees another's counts. */
  async function newAgent(): Promise<{ id: string; account: string }> {
    const account = `guard${++serial}`;
    const res = await call<{ id: string }>(url(), 'POST', '/api/admin/agents', {
      token: scene.admin.token,
      body: { account, password: PASSWORD, nickname: `锁定${serial}` },
    });
    expect(res.status).toBe(200);
    return { id: res.body.id, account };
  }

  async function fail(account: string, times: number): Promise<void> {
    for (let i = 0; i < times; i++) expect((await login(account, 'wrong-password')).status).toBe(401);
  }

  it('locks after the failures: the right password is refused too, with when to retry', async () => {
    const agent = await newAgent();
    await fail(agent.account, maxFailures);
    const refused = await login(agent.account, PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(refused.body.error.details).toEqual({ retryAfterSeconds: String(lockMs / 1000) });
    expect(refused.headers.get('retry-after')).toBe(String(lockMs / 1000));
    expect(refused.body.error.message).toContain(new Date(scene.server.clock.now + lockMs).toISOString());
    expect(refused.body).not.toHaveProperty('token');
  });

  it('the lock ends by itself once its time has passed', async () => {
    const agent = await newAgent();
    await fail(agent.account, maxFailures);
    scene.server.clock.advance(lockMs - 1000);
    const almost = await login(agent.account, PASSWORD);
    expect(almost.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(almost.body.error.details?.retryAfterSeconds).toBe('1');
    scene.server.clock.advance(1000);
    expect((await login(agent.account, PASSWORD)).status).toBe(200);
    // And the count started over: the next failures are counted from one again.
    await fail(agent.account, maxFailures - 1);
    expect((await login(agent.account, PASSWORD)).status).toBe(200);
  });

  it('a successful login resets the count', async () => {
    const agent = await newAgent();
    await fail(agent.account, maxFailures - 1);
    expect((await login(agent.account, PASSWORD)).status).toBe(200);
    await fail(agent.account, maxFailures - 1);
    expect((await login(agent.account, PASSWORD)).status).toBe(200);
  });

  it('failures only add up within the window', async () => {
    const agent = await newAgent();
    await fail(agent.account, maxFailures - 1);
    scene.server.clock.advance(windowMs);
    await fail(agent.account, maxFailures - 1);
    expect((await login(agent.account, PASSWORD)).status).toBe(200);
  });

  it('an admin sees the lock and lifts it', async () => {
    const agent = await newAgent();
    await fail(agent.account, maxFailures);
    const listed = (await lockouts()).find((l) => l.agentId === agent.id);
    expect(listed).toEqual({
      agentId: agent.id,
      account: agent.account,
      nickname: expect.any(String),
      failures: maxFailures,
      lockedUntil: scene.server.clock.now + lockMs,
    });

    const lift = await call(url(), 'DELETE', `/api/admin/agents/${agent.id}/lockout`, { token: scene.admin.token });
    expect(lift.status).toBe(200);
    expect(lift.body).toEqual({ ok: true });
    expect((await lockouts()).map((l) => l.agentId)).not.toContain(agent.id);
    expect((await login(agent.account, PASSWORD)).status).toBe(200);
  });

  it('lifting an unknown agent is 404 and changes nothing', async () => {
    const before = dbFingerprint(scene.server);
    const res = await call<ErrorBody>(url(), 'DELETE', '/api/admin/agents/no-such-agent/lockout', { token: scene.admin.token });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('a name that is no account is counted and refused exactly like a real one, and not listed', async () => {
    const agent = await newAgent();
    await fail(agent.account, maxFailures);
    await fail('nobody-here', maxFailures);
    const real = await login(agent.account, PASSWORD);
    const ghost = await login('nobody-here', PASSWORD);
    expect(ghost.status).toBe(real.status);
    expect(ghost.body).toEqual(real.body);
    expect((await lockouts()).map((l) => l.account)).not.toContain('nobody-here');
  });

  it('a refusal while locked changes nothing (the lock is not extended)', async () => {
    const agent = await newAgent();
    await fail(agent.account, maxFailures);
    const before = dbFingerprint(scene.server);
    expect((await login(agent.account, 'wrong-password')).body.error.code).toBe('ACCOUNT_LOCKED');
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('counts whose window and lock have passed are pruned: made-up names cannot grow the table for ever', async () => {
    await fail('made-up-1', 1);
    await fail('made-up-2', maxFailures);
    const guard = scene.server.store.loginGuard;
    expect(guard.byAccount('made-up-1')).toBeDefined();
    scene.server.clock.advance(Math.max(windowMs, lockMs));
    await login('someone-else', 'wrong-password');
    expect(guard.byAccount('made-up-1')).toBeUndefined();
    expect(guard.byAccount('made-up-2')).toBeUndefined();
  });

  it('a burst of parallel guesses gets exactly the allowed number checked', async () => {
    const agent = await newAgent();
    const results = await Promise.all(Array.from({ length: maxFailures * 3 }, () => login(agent.account, 'wrong-password')));
    const codes = results.map((r) => r.body.error.code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(maxFailures);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(maxFailures * 2);
  });
});

describe('login guard: the lock is stored', () => {
  it('survives a restart of the server', async () => {
    const first = await startTestServer();
    const dataDir = first.dataDir;
    for (let i = 0; i < maxFailures; i++) {
      expect((await call(first.url, 'POST', '/api/auth/login', { body: { account: 'agent1', password: 'wrong-password' } })).status).toBe(401);
    }
    await first.close();
    const second = await startTestServer({ dataDir });
    try {
      const refused = await call<ErrorBody>(second.url, 'POST', '/api/auth/login', { body: { account: 'agent1', password: 'agent123' } });
      expect(refused.body.error.code).toBe('ACCOUNT_LOCKED');
      expect((await call(second.url, 'POST', '/api/auth/login', { body: { account: 'agent2', password: 'agent123' } })).status).toBe(200);
    } finally {
      await second.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
