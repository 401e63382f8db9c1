/**
 * Per-address limit on failed logins on a real server: failures across many accounts from one
 * address end in 429 RATE_LIMITED (in the error envelope, with Retry-After) for every account,
 * successes never count, and a parallel burst cannot get more guesses checked than the limit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from '../testing/harness.js';
import { dbFingerprint } from '../testing/scene.js';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string> } };

const MAX = 3;

describe('login guard: per-address limit', () => {
  let server: TestServer;
  afterEach(() => server.dispose());

  const start = async (): Promise<void> => {
    server = await startTestServer({ loginGuard: { address: { maxFailures: MAX, windowMs: 600_000 } } });
  };
  const login = (account: string, password: string) => call<ErrorBody>(server.url, 'POST', '/api/auth/login', { body: { account, password } });

  it('failures across many accounts from one address → 429 RATE_LIMITED for any account, changing nothing', async () => {
    await start();
    // One failure per account: no account comes near its own lock.
    for (const account of ['agent1', 'agent2', 'nobody']) expect((await login(account, 'wrong-password')).status).toBe(401);
    const before = dbFingerprint(server);
    const refused = await login('admin', 'admin123');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/Too many failed logins from this address/),
        details: { retryAfterSeconds: expect.any(String) },
      },
    });
    // The plugin's store runs on the real clock: the wait is what is left of the 10-minute window.
    const wait = Number(refused.body.error.details?.retryAfterSeconds);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(600);
    expect(refused.headers.get('retry-after')).toBe(String(wait));
    expect(dbFingerprint(server)).toBe(before);
  });

  it('successful logins do not count (an office behind one address logs in freely)', async () => {
    await start();
    for (let i = 0; i < MAX * 3; i++) expect((await login(i % 2 ? 'agent1' : 'agent2', 'agent123')).status).toBe(200);
    for (let i = 0; i < MAX - 1; i++) expect((await login(`typo${i}`, 'wrong-password')).status).toBe(401);
    expect((await login('admin', 'admin123')).status).toBe(200);
  });

  it('a parallel burst gets no more guesses checked than the limit', async () => {
    await start();
    const results = await Promise.all(Array.from({ length: MAX * 4 }, (_, i) => login(`spray${i}`, 'wrong-password')));
    const codes = results.map((r) => r.body.error.code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(MAX);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(MAX * 3);
  });
});
