import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { snapshot } from '../testing/sampleSettings.js';
import { provideKefu } from '../app/kefu.js';
import { i18n } from '../i18n/index.js';
import { fail, ok } from '../../shared/errors.js';
import type { ServerAddressState } from '../../shared/ipc/server-address.js';
import { useSessionStore } from './sessionStore.js';
import { LoginPage } from './LoginPage.js';

/** The machines here are shared and slow under a full test run: give the first render time. */
const deployed: ServerAddressState = {
  url: 'https://kefu.example.com',
  source: 'deployment',
  defaultUrl: 'https://kefu.example.com',
  deploymentProblem: null,
  heldFor: null,
};

afterEach(async () => {
  cleanup();
  provideKefu(null);
  await i18n.changeLanguage('zh-CN');
});

function setup(api: FakeKefu) {
  provideKefu(api);
  const snap = snapshot();
  useSessionStore.setState({ snapshot: snap });
  renderWithApp(<LoginPage snapshot={snap} />);
}

async function typeAddress(url: string) {
  fireEvent.click(await screen.findByRole('button', { name: '修改服务器地址' }));
  const input = screen.getByLabelText('新的服务器地址');
  fireEvent.change(input, { target: { value: url } });
  fireEvent.click(screen.getByRole('button', { name: '保存并切换' }));
}

describe('服务器地址 on the login page', () => {
  it('shows the server in use and where it came from', async () => {
    setup(new FakeKefu({ 'server:get-address': () => ok(deployed) }));
    expect(await screen.findByText('服务器地址：https://kefu.example.com（安装配置）')).toBeTruthy();
  });

  it('refuses a malformed address at once, in Chinese, without asking the services', async () => {
    const api = new FakeKefu({ 'server:get-address': () => ok(deployed) });
    setup(api);
    await typeAddress('kefu.example.com');
    expect((await screen.findByRole('alert')).textContent).toBe('服务器地址须以 http:// 或 https:// 开头。');
    expect(screen.getByLabelText('新的服务器地址').getAttribute('aria-invalid')).toBe('true');
    await typeAddressAgain('https://kefu.example.com/kefu');
    expect((await screen.findByRole('alert')).textContent).toContain('不要路径');
    expect(api.callsTo('server:set-address')).toEqual([]);
  });

  it('says when nobody answers there, or it is not a Kefu server', async () => {
    let answer = fail('NETWORK', 'cannot reach https://new.example.com: ECONNREFUSED', { reason: 'unreachable' });
    const api = new FakeKefu({ 'server:get-address': () => ok(deployed), 'server:set-address': () => answer });
    setup(api);
    await typeAddress('https://NEW.example.com/');
    expect((await screen.findByRole('alert')).textContent).toBe('无法连接到 https://new.example.com：请检查地址、网络或防火墙。');
    expect(api.callsTo('server:set-address')).toEqual([{ url: 'https://new.example.com', discardUnsent: false }]);
    answer = fail('VALIDATION_FAILED', 'not a Kefu Desk server', { reason: 'not-kefu' });
    fireEvent.click(screen.getByRole('button', { name: '保存并切换' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('https://new.example.com 有响应，但不是客服工作台服务器，请核对地址。'));
  });

  it('switches, says so, and shows the new address as this computer’s choice', async () => {
    const chosen: ServerAddressState = { ...deployed, url: 'https://new.example.com', source: 'chosen' };
    const api = new FakeKefu({ 'server:get-address': () => ok(deployed), 'server:set-address': () => ok(chosen) });
    setup(api);
    await typeAddress('https://new.example.com');
    expect((await screen.findByRole('status')).textContent).toBe('已切换到 https://new.example.com，请重新登录。');
    expect(screen.getByText('服务器地址：https://new.example.com（本机设置）')).toBeTruthy();
  });

  it('unsent messages: asks before dropping them, and only then switches with discardUnsent', async () => {
    const chosen: ServerAddressState = { ...deployed, url: 'https://new.example.com', source: 'chosen' };
    const api = new FakeKefu({
      'server:get-address': () => ok(deployed),
      'server:set-address': (request) => (request.discardUnsent ? ok(chosen) : fail('CONFLICT', '2 unsent', { reason: 'unsent', unsent: '2' })),
    });
    setup(api);
    await typeAddress('https://new.example.com');
    expect(await screen.findByText('有 2 条消息尚未发送到当前服务器（https://kefu.example.com）。切换后这些消息将被丢弃，无法恢复。')).toBeTruthy();
    expect(api.callsTo('server:set-address')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: '丢弃并切换' }));
    await waitFor(() =>
      expect(api.callsTo('server:set-address')).toEqual([
        { url: 'https://new.example.com', discardUnsent: false },
        { url: 'https://new.example.com', discardUnsent: true },
      ]),
    );
    expect(await screen.findByText('服务器地址：https://new.example.com（本机设置）')).toBeTruthy();
  });

  it('a broken deployment config and a held switch are explained; 恢复默认 asks for the default', async () => {
    const state: ServerAddressState = {
      url: 'https://old.example.com',
      source: 'chosen',
      defaultUrl: 'http://127.0.0.1:3710',
      deploymentProblem: 'C:\\Users\\a\\AppData\\Roaming\\kefu-desk\\kefu-desk.json is not valid JSON',
      heldFor: { url: 'https://new.example.com', unsent: 3 },
    };
    const api = new FakeKefu({
      'server:get-address': () => ok(state),
      'server:set-address': () => ok({ ...state, url: state.defaultUrl, source: 'built-in', heldFor: null }),
    });
    setup(api);
    expect(await screen.findByText(/安装配置中的服务器地址无效.*kefu-desk\.json is not valid JSON/)).toBeTruthy();
    expect(screen.getByText('安装配置已改为 https://new.example.com，但还有 3 条消息等待发送到当前服务器；发送完成并重新启动后自动切换。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '修改服务器地址' }));
    fireEvent.click(screen.getByRole('button', { name: '恢复默认' }));
    await waitFor(() => expect(api.callsTo('server:set-address')).toEqual([{ url: null, discardUnsent: false }]));
  });

  it('in English too', async () => {
    setup(new FakeKefu({ 'server:get-address': () => ok(deployed) }));
    await screen.findByText(/服务器地址：/);
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByText('Server address: https://kefu.example.com (from the installation)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Change server address' })).toBeTruthy();
  });
});

async function typeAddressAgain(url: string) {
  fireEvent.change(screen.getByLabelText('新的服务器地址'), { target: { value: url } });
  fireEvent.click(screen.getByRole('button', { name: '保存并切换' }));
  await waitFor(() => expect(screen.getByRole('alert').textContent).not.toBe(''));
}
