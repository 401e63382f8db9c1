import '../testing/setupDom.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { snapshot } from '../testing/sampleSettings.js';
import { provideKefu } from '../app/kefu.js';
import { useSessionStore } from './sessionStore.js';
import { LoginPage } from './LoginPage.js';
import { fail, type ErrorCode } from '../../shared/errors.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
  vi.useRealTimers();
});

/** Submits a login the services refuse with this error; resolves with the alert's text. */
async function refusedWith(code: ErrorCode, message: string, details?: Record<string, string>): Promise<string> {
  const api = new FakeKefu({ 'session:login': () => fail(code, message, details) });
  provideKefu(api);
  const snap = snapshot();
  useSessionStore.setState({ snapshot: snap });
  renderWithApp(<LoginPage snapshot={snap} />);
  fireEvent.change(screen.getByLabelText('账号'), { target: { value: 'agent1' } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'agent123' } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
  return (await screen.findByRole('alert')).textContent ?? '';
}

describe('LoginPage: brute-force refusals in Chinese', () => {
  it('a locked account says so, until when, and that an admin can unlock it', async () => {
    // Only Date is faked: the page's own timers and promises run as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 25, 9, 0, 0));
    const text = await refusedWith('ACCOUNT_LOCKED', 'Too many failed logins: this account is locked for 15 more minutes', { retryAfterSeconds: '900' });
    expect(text).toBe('登录失败：密码错误次数过多，账号已临时锁定。请在 09:15 后重试（约 15 分钟），或联系管理员解锁。');
  });

  it('too many failures from this network says how long to wait', async () => {
    const text = await refusedWith('RATE_LIMITED', 'Too many failed logins from this address: try again in 1 minute.', { retryAfterSeconds: '42' });
    expect(text).toBe('登录失败：本网络登录失败次数过多，请约 1 分钟后再试。');
  });

  it('without a retry time the server message is shown as it is', async () => {
    const text = await refusedWith('ACCOUNT_LOCKED', 'locked', undefined);
    expect(text).toBe('登录失败：locked');
  });
});
