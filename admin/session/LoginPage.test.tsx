import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { agent } from '../testing/fixtures.js';
import { useSessionStore } from './sessionStore.js';
import { LoginPage } from './LoginPage.js';
import { fail, ok } from '../../shared/errors.js';

afterEach(() => {
  cleanup();
  useSessionStore.getState().signedOut(null);
});

function logIn(api: FakeApi) {
  renderAdmin(<LoginPage />, api);
  fireEvent.change(screen.getByLabelText('账号'), { target: { value: 'agent1' } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'agent123' } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

const loginAs = (role: 'admin' | 'agent') => () => ok({ token: `token-${role}`, refreshToken: 'r', refreshExpiresAt: 0, agent: agent({ role }) });

describe('LoginPage', () => {
  it('refuses an agent: says it has no console access and ends that login on the server', async () => {
    const api = new FakeApi({ login: loginAs('agent'), logout: () => ok({ ok: true as const }) });
    logIn(api);
    expect((await screen.findByRole('alert')).textContent).toBe('此账号没有管理中心权限');
    expect(api.callsOf('logout')).toEqual([{ name: 'logout', options: { token: 'token-agent' } }]);
    expect(useSessionStore.getState()).toMatchObject({ token: null, admin: null });
    expect(sessionStorage.getItem('kefu-admin-token')).toBeNull();
  });

  it('lets an admin in and keeps the token for this tab', async () => {
    const api = new FakeApi({ login: loginAs('admin') });
    logIn(api);
    await waitFor(() => expect(useSessionStore.getState().admin?.role).toBe('admin'));
    expect(sessionStorage.getItem('kefu-admin-token')).toBe('token-admin');
    expect(api.callsOf('logout')).toHaveLength(0);
  });

  it("shows the server's words for a wrong password", async () => {
    const api = new FakeApi({ login: () => fail('UNAUTHENTICATED', '账号或密码错误') });
    logIn(api);
    expect((await screen.findByRole('alert')).textContent).toBe('登录失败：账号或密码错误');
  });

  it('says why a session ended', () => {
    useSessionStore.getState().signedOut('登录已过期，请重新登录。');
    renderAdmin(<LoginPage />, new FakeApi());
    expect(screen.getByRole('alert').textContent).toBe('登录已过期，请重新登录。');
  });
});
