/**
 * The workstation against a real server process (issue 9): an expired token is renewed with the
 * refresh token without the agent noticing (while running and at the next start), the spent
 * refresh token is never kept, and a session the server ends shows why on the login page.
 * The server's clock cannot be moved from here, so a test ages a login in the server's own
 * database, exactly as twelve hours passing would.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionSnapshot } from '../../../shared/ipc/contract.js';
import { CACHE_FILE } from '../cache/database.js';
import { FAST_TIMING, startStack, type Stack } from '../test-support/agent-harness.js';
import { createMemorySecretStore } from '../test-support/memory-secret-store.js';
import { removeTempDirs } from '../test-support/temp-dir.js';
import { waitFor } from '../test-support/wait-for.js';
import { createWorkstation, type Workstation } from '../workstation.js';
import type { SecretStore } from './secret-store.js';

const HOUR = 3_600_000;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  removeTempDirs();
});

async function api<T>(stack: Stack, method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(new URL(path, stack.server.url), {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** Moves every live login of the account 13 hours into the past: its token is past sessionMaxHours (12). */
function ageLogins(stack: Stack, account: string): void {
  const db = new Database(join(stack.serverDir, 'kefu.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const changed = db
      .prepare(
        'UPDATE sessions SET token_issued_at = token_issued_at - ?, last_seen_at = last_seen_at - ? WHERE ended_at IS NULL AND agent_id = (SELECT id FROM agents WHERE account = ?)',
      )
      .run(13 * HOUR, 13 * HOUR, account).changes;
    expect(changed).toBeGreaterThan(0);
  } finally {
    db.close();
  }
}

/** The session row of the workstation's cache, read through a separate connection. */
function cachedTokens(deskDir: string): { token: string; refresh_token: string | null } | undefined {
  const db = new Database(join(deskDir, CACHE_FILE), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT token, refresh_token FROM session WHERE id = 1').get() as { token: string; refresh_token: string | null } | undefined;
  } finally {
    db.close();
  }
}

function open(stack: Stack, secretStore: SecretStore): Workstation {
  const workstation = createWorkstation({ dataDir: stack.deskDir, serverUrl: stack.proxy.url, secretStore, timing: FAST_TIMING });
  cleanups.push(() => workstation.close());
  return workstation;
}

async function snapshotOf(workstation: Workstation): Promise<SessionSnapshot> {
  const result = await workstation.handlers['session:get-snapshot'](undefined);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const online = (workstation: Workstation) =>
  waitFor('realtime online', async () => {
    const state = await workstation.handlers['connection:get-state'](undefined);
    return state.ok && state.value.state === 'online';
  });

async function loginAgent1(workstation: Workstation, rememberPassword: boolean, autoLogin = false): Promise<string> {
  const login = await workstation.handlers['session:login']({ account: 'agent1', password: 'agent123', rememberPassword, autoLogin, autoStart: false });
  if (!login.ok) throw new Error(login.error.message);
  await online(workstation);
  return login.value.id;
}

describe('session lifetime on the workstation', () => {
  it('an expired token is renewed while running: the socket comes back, REST works, and the spent refresh token ends the login if it shows up again', async () => {
    const stack = await startStack();
    cleanups.push(() => stack.close());
    const workstation = open(stack, createMemorySecretStore());
    await loginAgent1(workstation, false);
    const before = cachedTokens(stack.deskDir)!;
    expect(before.refresh_token).toBeTruthy();

    ageLogins(stack, 'agent1');
    // The next ping finds the token too old: the server closes the socket ('expired'), the
    // workstation trades its refresh token and reconnects with the new token.
    const after = await waitFor('renewed tokens in the cache', () => {
      const now = cachedTokens(stack.deskDir);
      return now && now.token !== before.token ? now : null;
    });
    expect(after.refresh_token).toBeTruthy();
    expect(after.refresh_token).not.toBe(before.refresh_token);
    await online(workstation);
    expect(await workstation.handlers['agent:set-status']({ status: 'busy' })).toMatchObject({ ok: true, value: { status: 'busy' } });
    expect(await snapshotOf(workstation)).toMatchObject({ agent: { account: 'agent1' }, endReason: null });

    // A copy of the old refresh token is presented: the server ends the login, the workstation says why.
    const reuse = await api<{ error: { details?: Record<string, string> } }>(stack, 'POST', '/api/auth/refresh', null, { refreshToken: before.refresh_token });
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.details).toEqual({ reason: 'revoked' });
    const ended = await waitFor('logged out', async () => {
      const snapshot = await snapshotOf(workstation);
      return snapshot.agent ? null : snapshot;
    });
    expect(ended.endReason).toBe('revoked');
    expect(cachedTokens(stack.deskDir)).toBeUndefined();
  });

  it('at the next start an expired token is renewed from the refresh token kept in the SecretStore (记住密码), without the password', async () => {
    const stack = await startStack();
    cleanups.push(() => stack.close());
    const secrets = createMemorySecretStore();
    const first = open(stack, secrets);
    const agentId = await loginAgent1(first, true);
    // 记住密码: the refresh token is in the SecretStore, not beside the access token.
    const kept = secrets.get(`refresh-token:${agentId}`);
    expect(kept).toBeTruthy();
    expect(cachedTokens(stack.deskDir)).toMatchObject({ refresh_token: null });
    // Awaited: a workstation still shutting down could renew with the same refresh token as the next one.
    await first.close();

    ageLogins(stack, 'agent1');
    // The password is gone too: only the refresh token can bring the session back (自动登录 is off anyway).
    secrets.delete('password:agent1');
    const second = open(stack, secrets);
    await second.ready;
    expect(await snapshotOf(second)).toMatchObject({ agent: { id: agentId }, endReason: null });
    await online(second);
    const rotated = secrets.get(`refresh-token:${agentId}`);
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(kept);

    // Logging out here tells the server (the refresh token dies with the login) and shows no reason.
    expect((await second.handlers['session:logout'](undefined)).ok).toBe(true);
    expect(await snapshotOf(second)).toMatchObject({ agent: null, endReason: null });
    expect(secrets.get(`refresh-token:${agentId}`)).toBeNull();
    const late = await api<{ error: { details?: Record<string, string> } }>(stack, 'POST', '/api/auth/refresh', null, { refreshToken: rotated });
    expect(late.body.error.details).toEqual({ reason: 'logged-out' });
  });

  it('a password changed by an admin ends the session at once, forgets the remembered password and says why', async () => {
    const stack = await startStack();
    cleanups.push(() => stack.close());
    const secrets = createMemorySecretStore();
    const workstation = open(stack, secrets);
    const agentId = await loginAgent1(workstation, true, true);
    expect((await snapshotOf(workstation)).hasRememberedPassword).toBe(true);

    const admin = await api<{ token: string }>(stack, 'POST', '/api/auth/login', null, { account: 'admin', password: 'admin123' });
    expect((await api(stack, 'PATCH', `/api/admin/agents/${agentId}`, admin.body.token, { password: 'brand-new-77' })).status).toBe(200);

    const ended = await waitFor('logged out', async () => {
      const snapshot = await snapshotOf(workstation);
      return snapshot.agent ? null : snapshot;
    });
    expect(ended.endReason).toBe('password-changed');
    // The old password would only fail (and count towards a lock) at the next 自动登录.
    expect(ended.hasRememberedPassword).toBe(false);
    expect(secrets.get(`refresh-token:${agentId}`)).toBeNull();
    expect(cachedTokens(stack.deskDir)).toBeUndefined();
    await waitFor('realtime stopped', async () => {
      const state = await workstation.handlers['connection:get-state'](undefined);
      return state.ok && state.value.state === 'offline';
    });
  });
});
