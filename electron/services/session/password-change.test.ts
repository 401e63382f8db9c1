/**
 * 修改密码 before the workstation opens, against a real server: an account an administrator created
 * logs in held (PASSWORD_CHANGE_REQUIRED, nothing started), a wrong current password changes
 * nothing, the change starts the session (realtime online) and 记住密码 keeps the new password.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDesk, startStack, type Stack } from '../test-support/agent-harness.js';
import { removeTempDirs } from '../test-support/temp-dir.js';
import { waitFor } from '../test-support/wait-for.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  removeTempDirs();
});

async function post(stack: Stack, path: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(stack.proxy.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** An agent made in the console: its first login must change the password. */
async function consoleAgent(stack: Stack, account: string, password: string): Promise<void> {
  const admin = await post(stack, '/api/auth/login', { account: 'admin', password: 'admin123' });
  const created = await post(stack, '/api/admin/agents', { account, password, nickname: account }, admin.body.token as string);
  expect(created.status).toBe(200);
}

describe('修改密码 at the first login', () => {
  it('holds the login, refuses a wrong current password, then starts the session with the new one and remembers it', async () => {
    const stack = await startStack();
    cleanups.push(() => stack.close());
    await consoleAgent(stack, 'xin.ren', 'Chushi-2026!');
    const desk = openDesk(stack.deskDir, stack.proxy.url);
    cleanups.push(() => desk.workstation.close());

    const login = await desk.invoke('session:login', {
      account: 'xin.ren',
      password: 'Chushi-2026!',
      rememberPassword: true,
      autoLogin: false,
      autoStart: false,
    });
    expect(login.ok ? null : login.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const held = await desk.invoke('session:get-snapshot', undefined);
    expect(held.ok && held.value.agent).toBeNull();
    expect((await desk.connection()).state).toBe('offline');

    const wrong = await desk.invoke('session:change-password', { currentPassword: 'Not-it-2026', newPassword: 'Ziji-Xuan-88' });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { currentPassword: 'wrong password' } });
    const weak = await desk.invoke('session:change-password', { currentPassword: 'Chushi-2026!', newPassword: 'short' });
    expect(weak.ok ? null : weak.error.code).toBe('VALIDATION_FAILED');
    expect((await desk.invoke('session:get-snapshot', undefined)).ok && (await desk.connection()).state).toBe('offline');

    const changed = await desk.invoke('session:change-password', { currentPassword: 'Chushi-2026!', newPassword: 'Ziji-Xuan-88' });
    expect(changed.ok && changed.value.account).toBe('xin.ren');
    await waitFor('realtime online', async () => (await desk.connection()).state === 'online');
    const started = await desk.invoke('session:get-snapshot', undefined);
    expect(started.ok && started.value.agent?.account).toBe('xin.ren');
    expect((await desk.invoke('agent:set-status', { status: 'online' })).ok).toBe(true);

    // 记住密码 now holds the new password: logging in without typing it works.
    await desk.invoke('session:logout', undefined);
    const again = await desk.invoke('session:login', { account: 'xin.ren', rememberPassword: true, autoLogin: false, autoStart: false });
    expect(again.ok).toBe(true);
  });

  it('退出 a held login forgets it: nothing was started and no password change can follow', async () => {
    const stack = await startStack();
    cleanups.push(() => stack.close());
    await consoleAgent(stack, 'xin.ren2', 'Chushi-2026!');
    const desk = openDesk(stack.deskDir, stack.proxy.url);
    cleanups.push(() => desk.workstation.close());
    await desk.invoke('session:login', { account: 'xin.ren2', password: 'Chushi-2026!', rememberPassword: false, autoLogin: false, autoStart: false });
    expect((await desk.invoke('session:logout', undefined)).ok).toBe(true);
    const after = await desk.invoke('session:change-password', { currentPassword: 'Chushi-2026!', newPassword: 'Ziji-Xuan-88' });
    expect(after.ok ? null : after.error.code).toBe('UNAUTHENTICATED');
  });
});
