import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { agent, settings, snapshot } from '../testing/sampleSettings.js';
import { provideKefu } from '../app/kefu.js';
import { useSessionStore } from './sessionStore.js';
import { LoginPage } from './LoginPage.js';
import { fail, ok } from '../../shared/errors.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
});

const held = () => fail('PASSWORD_CHANGE_REQUIRED', 'An administrator set this password: change it before you start');

async function logInHeld(api: FakeKefu) {
  provideKefu(api);
  const snap = snapshot({ settings: settings({ lastAccount: 'xinren2026' }) });
  useSessionStore.setState({ snapshot: snap });
  renderWithApp(<LoginPage snapshot={snap} />);
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'Chushi-2026!' } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
  await screen.findByRole('heading', { name: /修改密码/ });
}

function fill(current: string, next: string, confirm: string) {
  fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('新密码'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('确认新密码'), { target: { value: confirm } });
  fireEvent.click(screen.getByRole('button', { name: '修改密码并进入' }));
}

describe('修改密码 before the workstation opens', () => {
  it('a held login shows the form with the rules; the change opens the workstation with the agent', async () => {
    const api = new FakeKefu({ 'session:login': held, 'session:change-password': () => ok(agent({ account: 'xinren2026' })) });
    await logInHeld(api);
    expect(screen.getByText('至少 8 个字符')).toBeTruthy();
    expect(useSessionStore.getState().snapshot?.agent).toBeNull();
    fill('Chushi-2026!', 'Ziji-Xuan-88', 'Ziji-Xuan-88');
    await waitFor(() => expect(useSessionStore.getState().snapshot?.agent?.account).toBe('xinren2026'));
    expect(api.callsTo('session:change-password')).toEqual([{ currentPassword: 'Chushi-2026!', newPassword: 'Ziji-Xuan-88' }]);
  });

  it.each([
    ['the two new passwords differ', 'Ziji-Xuan-88', 'Ziji-Xuan-89', '两次输入的新密码不一致'],
    ['the new one is the current one', 'Chushi-2026!', 'Chushi-2026!', '新密码不能与当前密码相同'],
    ['the new one is too short', 'abc1234', 'abc1234', '至少 8 个字符'],
    ['the new one is the account', 'XinRen2026', 'XinRen2026', '不能与账号相同'],
  ])('sends nothing when %s', async (_, next, confirm, message) => {
    const api = new FakeKefu({ 'session:login': held, 'session:change-password': () => ok(agent()) });
    await logInHeld(api);
    fill('Chushi-2026!', next, confirm);
    await waitFor(() => expect(screen.getAllByText(message).some((node) => node.closest('.ant-form-item-explain'))).toBe(true));
    expect(api.callsTo('session:change-password')).toHaveLength(0);
  });

  it('a wrong current password is said beside it, and the workstation stays closed', async () => {
    const api = new FakeKefu({
      'session:login': held,
      'session:change-password': () => fail('VALIDATION_FAILED', 'The current password is wrong', { currentPassword: 'wrong password' }),
    });
    await logInHeld(api);
    fill('Wrong-one-11', 'Ziji-Xuan-88', 'Ziji-Xuan-88');
    expect((await screen.findByRole('alert')).textContent).toContain('修改失败：The current password is wrong');
    expect(await screen.findByText('当前密码不正确')).toBeTruthy();
    expect(useSessionStore.getState().snapshot?.agent).toBeNull();
  });

  it('返回登录 drops the held login and shows the login form', async () => {
    const api = new FakeKefu({ 'session:login': held, 'session:logout': () => ok(null) });
    await logInHeld(api);
    fireEvent.click(screen.getByRole('button', { name: '返回登录' }));
    await screen.findByRole('button', { name: '登录' });
    expect(api.callsTo('session:logout')).toHaveLength(1);
  });
});
