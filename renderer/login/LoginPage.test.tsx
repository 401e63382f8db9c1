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

function setup(api: FakeKefu, snap = snapshot()) {
  provideKefu(api);
  useSessionStore.setState({ snapshot: snap });
  return renderWithApp(<LoginPage snapshot={snap} />);
}

describe('LoginPage', () => {
  it('refuses an empty form without calling the services', async () => {
    const api = new FakeKefu();
    setup(api);
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('请输入账号')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
    expect(api.callsTo('session:login')).toHaveLength(0);
  });

  it('sends account, password and the three flags as chosen', async () => {
    const api = new FakeKefu({ 'session:login': () => ok(agent()) });
    setup(api, snapshot({ settings: settings({ lastAccount: 'agent1' }) }));
    expect((screen.getByLabelText('账号') as HTMLInputElement).value).toBe('agent1');
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'secret-1' } });
    fireEvent.click(screen.getByLabelText('记住密码'));
    fireEvent.click(screen.getByLabelText('开机自动启动'));
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(api.callsTo('session:login')).toHaveLength(1));
    expect(api.callsTo('session:login')[0]).toEqual({
      account: 'agent1',
      password: 'secret-1',
      rememberPassword: true,
      autoLogin: false,
      autoStart: true,
    });
    await waitFor(() => expect(useSessionStore.getState().snapshot?.agent?.id).toBe('a1'));
  });

  it('shows the error message from the Result', async () => {
    const api = new FakeKefu({ 'session:login': () => fail('UNAUTHENTICATED', '账号或密码错误') });
    setup(api);
    fireEvent.change(screen.getByLabelText('账号'), { target: { value: 'agent1' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'wrong-pass' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect((await screen.findByRole('alert')).textContent).toContain('账号或密码错误');
    expect(useSessionStore.getState().snapshot?.agent).toBeNull();
  });

  it('logs in with the remembered password when the field is left empty', async () => {
    const api = new FakeKefu({ 'session:login': () => ok(agent()) });
    setup(api, snapshot({ hasRememberedPassword: true, settings: settings({ lastAccount: 'agent1', rememberPassword: true }) }));
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(api.callsTo('session:login')).toHaveLength(1));
    expect(api.callsTo('session:login')[0]).not.toHaveProperty('password');
  });

  it('重置 clears the form', async () => {
    const api = new FakeKefu();
    setup(api, snapshot({ settings: settings({ lastAccount: 'agent1', autoStart: true }) }));
    fireEvent.click(screen.getByRole('button', { name: '重置' }));
    await waitFor(() => expect((screen.getByLabelText('账号') as HTMLInputElement).value).toBe(''));
    expect((screen.getByLabelText('开机自动启动') as HTMLInputElement).checked).toBe(false);
  });
});
