/**
 * Session lifetime (issue 9): idle and absolute expiry by the injected clock, activity (REST calls,
 * open sockets) written at most once a minute, refresh tokens that rotate, a reused one ending
 * the login, and logout / password change revoking the refresh token as well.
 */
import { withSeparateConnection } from '../testing/separate-connection.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../shared/index.js';
import { call, RealtimeClient } from '../testing/harness.js';
import { createScene, dbFingerprint, type Scene } from '../testing/scene.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string> } };

describe('staff session lifetime and refresh tokens', () => {
  let scene: Scene;
  beforeEach(async () => {
    scene = await createScene();
  });
  afterEach(() => scene.dispose());

  const url = () => scene.server.url;
  const login = async (account = 'agent1', password = 'agent123') => {
    const res = await call<LoginResponse>(url(), 'POST', '/api/auth/login', { body: { account, password } });
    expect(res.status).toBe(200);
    return res.body;
  };
  const refresh = (refreshToken: string) => call<LoginResponse & ErrorBody>(url(), 'POST', '/api/auth/refresh', { body: { refreshToken } });
  const me = (token: string) => call<ErrorBody>(url(), 'GET', '/api/me', { token });
  /** The stored activity time of the account's newest login, read through a separate connection. */
  const lastSeenAt = (account: string): number => {
    const sql =
      'SELECT last_seen_at AS t FROM sessions WHERE agent_id = (SELECT id FROM agents WHERE account = ?) ORDER BY created_at DESC, rowid DESC LIMIT 1';
    return withSeparateConnection(scene.server, (db) => (db.prepare(sql).get(account) as { t: number }).t);
  };

  it('login answers a token pair with the refresh deadline; the token works at once', async () => {
    const pair = await login();
    expect(pair.token).not.toBe(pair.refreshToken);
    expect(pair.refreshExpiresAt).toBe(scene.server.clock.now + 30 * DAY);
    expect((await me(pair.token)).status).toBe(200);
    // The refresh token is not a Bearer token.
    expect((await me(pair.refreshToken)).status).toBe(401);
  });

  it('an idle token expires after sessionIdleMinutes; calls keep it alive, written at most once a minute', async () => {
    const pair = await login();
    const clock = scene.server.clock;
    const loggedInAt = clock.now;
    clock.advance(20 * MINUTE);
    expect((await me(pair.token)).status).toBe(200);
    expect(lastSeenAt('agent1')).toBe(loggedInAt + 20 * MINUTE);
    // Within the minute: no write, the database stays as it was.
    clock.advance(30_000);
    const before = dbFingerprint(scene.server);
    expect((await me(pair.token)).status).toBe(200);
    expect(dbFingerprint(scene.server)).toBe(before);
    // 40 minutes after login but 20 after the last activity written: still alive.
    clock.advance(20 * MINUTE - 30_000);
    expect((await me(pair.token)).status).toBe(200);
    clock.advance(30 * MINUTE + 1);
    const expired = await me(pair.token);
    expect(expired.status).toBe(401);
    expect(expired.body.error).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'expired' } });
    // The login lives on: its refresh token renews it.
    const renewed = await refresh(pair.refreshToken);
    expect(renewed.status).toBe(200);
    expect((await me(renewed.body.token)).status).toBe(200);
  });

  it('an open realtime socket counts as activity; past sessionMaxHours the socket closes with "expired" and REST says so', async () => {
    const pair = await login();
    const ws = await RealtimeClient.connect(url(), pair.token);
    scene.clients.push(ws);
    const clock = scene.server.clock;
    // 11 h 45 min of an open socket and no REST call: the sweep keeps the token from going idle.
    for (let i = 0; i < 47; i++) {
      clock.advance(15 * MINUTE);
      scene.server.sweepSessions();
    }
    expect(ws.closed).toBeNull();
    expect((await me(pair.token)).status).toBe(200);
    clock.advance(15 * MINUTE + 1);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.socket.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })),
    );
    scene.server.sweepSessions();
    expect(await closed).toEqual({ code: 4401, reason: 'expired' });
    expect(ws.frames.at(-1)).toMatchObject({ type: 'error', error: { code: 'UNAUTHENTICATED', reason: 'expired' } });
    expect((await me(pair.token)).body.error).toMatchObject({ details: { reason: 'expired' } });
    // A hello with the aged token is refused with the same reason.
    const again = await RealtimeClient.open(url());
    scene.clients.push(again);
    again.send({ type: 'hello', token: pair.token, lastSeq: 0 });
    expect(await again.waitFor((f) => f.type === 'error')).toMatchObject({ error: { code: 'UNAUTHENTICATED', reason: 'expired' } });
    expect((await refresh(pair.refreshToken)).status).toBe(200);
  });

  it('a frame on a socket whose token aged out is refused at once, without waiting for the sweep', async () => {
    const pair = await login();
    const ws = await RealtimeClient.connect(url(), pair.token);
    scene.clients.push(ws);
    scene.server.clock.advance(12 * HOUR + 1);
    ws.send({ type: 'ping' });
    expect(await ws.waitFor((f) => f.type === 'error' || f.type === 'pong')).toMatchObject({ type: 'error', error: { reason: 'expired' } });
  });

  it('refresh rotates both tokens; the old access token stops working', async () => {
    const first = await login();
    scene.server.clock.advance(MINUTE);
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.agent.account).toBe('agent1');
    expect(second.body.token).not.toBe(first.token);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    // The refresh deadline is the login's: rotating does not extend it.
    expect(second.body.refreshExpiresAt).toBe(first.refreshExpiresAt);
    expect((await me(first.token)).status).toBe(401);
    expect((await me(second.body.token)).status).toBe(200);
    const third = await refresh(second.body.refreshToken);
    expect(third.status).toBe(200);
    expect((await me(third.body.token)).status).toBe(200);
  });

  it('a refresh token used twice ends its login: every token of it is refused with "revoked" and its socket closes', async () => {
    const first = await login();
    const second = (await refresh(first.refreshToken)).body;
    const ws = await RealtimeClient.connect(url(), second.token);
    scene.clients.push(ws);
    const other = await login('agent1');
    const reused = await refresh(first.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body.error).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'revoked' } });
    await expect(ws.waitFor(() => false, 3000)).rejects.toThrow(/closed \(4401\)/);
    expect(ws.frames.at(-1)).toMatchObject({ type: 'error', error: { reason: 'revoked' } });
    expect((await me(second.token)).body.error).toMatchObject({ details: { reason: 'revoked' } });
    expect((await refresh(second.refreshToken)).body.error).toMatchObject({ details: { reason: 'revoked' } });
    // Another login of the same agent is a different session and is not touched.
    expect((await me(other.token)).status).toBe(200);
  });

  it('logout and a password change revoke the refresh token too', async () => {
    const a = await login();
    expect((await call(url(), 'POST', '/api/auth/logout', { token: a.token })).status).toBe(200);
    const afterLogout = await refresh(a.refreshToken);
    expect(afterLogout.status).toBe(401);
    expect(afterLogout.body.error.details).toEqual({ reason: 'logged-out' });

    const b = await login();
    const changed = await call(url(), 'PATCH', `/api/admin/agents/${scene.agent1.agentId}`, { token: scene.admin.token, body: { password: 'fresh-pass-77' } });
    expect(changed.status).toBe(200);
    expect((await refresh(b.refreshToken)).body.error.details).toEqual({ reason: 'password-changed' });
  });

  it('an admin changing their own password keeps the login they did it from and ends their others', async () => {
    const elsewhere = await login('admin', 'admin123');
    const res = await call(url(), 'PATCH', `/api/admin/agents/${scene.admin.agentId}`, { token: scene.admin.token, body: { password: 'admin-new-55' } });
    expect(res.status).toBe(200);
    expect((await me(scene.admin.token)).status).toBe(200);
    expect((await me(elsewhere.token)).body.error.details).toEqual({ reason: 'password-changed' });
  });

  it('the refresh token dies refreshTokenDays after the password login, however often it was rotated', async () => {
    let pair = await login();
    const clock = scene.server.clock;
    for (let day = 0; day < 29; day++) {
      clock.advance(DAY);
      const next = await refresh(pair.refreshToken);
      expect(next.status, `day ${day + 1}`).toBe(200);
      pair = next.body;
    }
    clock.advance(DAY + 1);
    const late = await refresh(pair.refreshToken);
    expect(late.status).toBe(401);
    expect(late.body.error.details).toEqual({ reason: 'expired' });
  });

  it('session lifetimes are company settings; bad values and bad refresh bodies change nothing', async () => {
    const admin = scene.admin.token;
    const settings = await call<Record<string, number>>(url(), 'GET', '/api/settings', { token: admin });
    expect(settings.body).toMatchObject({ sessionIdleMinutes: 30, sessionMaxHours: 12, refreshTokenDays: 30 });
    const before = dbFingerprint(scene.server);
    for (const body of [{ sessionIdleMinutes: 0 }, { sessionMaxHours: 24 * 365 }, { refreshTokenDays: 1.5 }, { sessionIdleMinutes: '30' }]) {
      const res = await call<ErrorBody>(url(), 'PATCH', '/api/admin/settings', { token: admin, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    for (const body of [{}, { refreshToken: '' }, { refreshToken: 'x'.repeat(200) }, { refreshToken: 5 }, { refreshToken: 'a', extra: 1 }]) {
      const res = await call<ErrorBody>(url(), 'POST', '/api/auth/refresh', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const unknown = await refresh('not-a-refresh-token');
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.details).toBeUndefined();
    expect(dbFingerprint(scene.server)).toBe(before);

    const shorter = await call(url(), 'PATCH', '/api/admin/settings', { token: admin, body: { sessionIdleMinutes: 5 } });
    expect(shorter.status).toBe(200);
    const pair = await login();
    scene.server.clock.advance(5 * MINUTE + 1);
    expect((await me(pair.token)).body.error.details).toEqual({ reason: 'expired' });
  });

  it('the sweep forgets sessions a week after they ended; their token then means nothing', async () => {
    const pair = await login();
    expect((await call(url(), 'POST', '/api/auth/logout', { token: pair.token })).status).toBe(200);
    scene.server.clock.advance(7 * DAY - MINUTE);
    scene.server.sweepSessions();
    expect((await me(pair.token)).body.error.details).toEqual({ reason: 'logged-out' });
    scene.server.clock.advance(2 * HOUR);
    scene.server.sweepSessions();
    const forgotten = await me(pair.token);
    expect(forgotten.status).toBe(401);
    expect(forgotten.body.error.details).toBeUndefined();
    // Live logins are kept (the scene's own, made at the start).
    expect((await me(scene.agent2.token)).status).toBe(401);
    expect(scene.server.store.sessions.liveIdsOf(scene.agent2.agentId)).toHaveLength(1);
  });
});
