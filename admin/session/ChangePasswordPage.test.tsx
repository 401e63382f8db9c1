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

const leader = agent({ id: 'l1', account: 'zhouqi2026', role: 'leader' });
const flaggedLogin = () => ok({ token: 'token-new', refreshToken: 'r', refreshExpiresAt: 0, agent: leader, mustChangePassword: true });

async function logInFlagged(api: FakeApi) {
  renderAdmin(<LoginPage />, api);
  fireEvent.change(screen.getByLabelText('账号'), { target: { value: 'zhouqi2026' } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'Chushi-2026!' } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
  await screen.findByRole('heading', { name: '修改密码' });
}

function fill(current: string, next: string, confirm: string) {
  fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('新密码'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('确认新密码'), { target: { value: confirm } });
  fireEvent.click(screen.getByRole('button', { name: '修改密码并进入' }));
}

describe('修改密码 at the first console login', () => {
  it('a flagged login gets the form, not the console; the change sends the login token, then the console opens', async () => {
    const api = new FakeApi({ login: flaggedLogin, changeMyPassword: () => ok(leader) });
    await logInFlagged(api);
    expect(useSessionStore.getState().token).toBeNull();
    expect(screen.getByText('至少 8 个字符')).toBeTruthy();
    fill('Chushi-2026!', 'Ziji-Xuan-88', 'Ziji-Xuan-88');
    await waitFor(() => expect(useSessionStore.getState().admin?.account).toBe('zhouqi2026'));
    expect(api.callsOf('changeMyPassword')).toEqual([
      { name: 'changeMyPassword', options: { token: 'token-new', body: { currentPassword: 'Chushi-2026!', newPassword: 'Ziji-Xuan-88' } } },
    ]);
    expect(useSessionStore.getState().token).toBe('token-new');
  });

  it.each([
    ['the two new passwords differ', 'Chushi-2026!', 'Ziji-Xuan-88', 'Ziji-Xuan-89', '两次输入的新密码不一致'],
    ['the new one is the current one', 'Chushi-2026!', 'Chushi-2026!', 'Chushi-2026!', '新密码不能与当前密码相同'],
    ['the new one is too short', 'Chushi-2026!', 'abc1234', 'abc1234', '至少 8 个字符'],
    ['the new one is the account', 'Chushi-2026!', 'ZhouQi2026', 'ZhouQi2026', '不能与账号相同'],
  ])('sends nothing when %s', async (_, current, next, confirm, message) => {
    const api = new FakeApi({ login: flaggedLogin, changeMyPassword: () => ok(leader) });
    await logInFlagged(api);
    fill(current, next, confirm);
    await waitFor(() => expect(screen.getAllByText(message).some((node) => node.closest('.ant-form-item-explain'))).toBe(true));
    expect(api.callsOf('changeMyPassword')).toHaveLength(0);
    expect(useSessionStore.getState().token).toBeNull();
  });

  it("shows the server's refusal of a wrong current password beside it, and stays", async () => {
    const api = new FakeApi({
      login: flaggedLogin,
      changeMyPassword: () => fail('VALIDATION_FAILED', 'The current password is wrong', { currentPassword: 'wrong password' }),
    });
    await logInFlagged(api);
    fill('Wrong-one-11', 'Ziji-Xuan-88', 'Ziji-Xuan-88');
    expect((await screen.findByRole('alert')).textContent).toBe('修改失败：The current password is wrong');
    expect(await screen.findByText('当前密码不正确')).toBeTruthy();
    expect(useSessionStore.getState().token).toBeNull();
  });

  it('返回登录 ends that login on the server and shows the login form again', async () => {
    const api = new FakeApi({ login: flaggedLogin, logout: () => ok({ ok: true as const }) });
    await logInFlagged(api);
    fireEvent.click(screen.getByRole('button', { name: '返回登录' }));
    await screen.findByRole('button', { name: '登录' });
    expect(api.callsOf('logout')).toEqual([{ name: 'logout', options: { token: 'token-new' } }]);
  });
});
