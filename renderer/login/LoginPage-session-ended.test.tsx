import '../testing/setupDom.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { agent, settings, snapshot } from '../testing/sampleSettings.js';
import { provideKefu } from '../app/kefu.js';
import { subscribeEvents } from '../app/subscribeEvents.js';
import { i18n } from '../i18n/index.js';
import { SessionEndReasonSchema } from '../../shared/session.js';
import { ok } from '../../shared/errors.js';
import { useSessionStore } from './sessionStore.js';
import { LoginPage } from './LoginPage.js';
import { sessionEndedKey } from './SessionEndedNotice.js';

/** What Root renders while nobody is logged in: the login page over the store's snapshot. */
function LoggedOut() {
  const snap = useSessionStore((s) => s.snapshot);
  return snap && !snap.agent ? <LoginPage snapshot={snap} /> : null;
}

let api: FakeKefu;
let off: () => void = () => undefined;
beforeEach(() => {
  api = new FakeKefu({ 'session:login': () => ok(agent()) });
  provideKefu(api);
  off = subscribeEvents(api);
  useSessionStore.setState({ snapshot: snapshot({ agent: agent() }) });
});
afterEach(async () => {
  off();
  cleanup();
  provideKefu(null);
  await i18n.changeLanguage('zh-CN');
});

describe('LoginPage: why the agent was logged out', () => {
  it('a session ended by the server (password changed) lands on the login page saying so in Chinese, then in English', async () => {
    renderWithApp(<LoggedOut />);
    expect(screen.queryByRole('status')).toBeNull();
    act(() => api.emit('session:changed', snapshot({ agent: null, endReason: 'password-changed' })));
    const notice = await screen.findByRole('status', { name: '您已退出登录' });
    expect(notice.textContent).toContain('密码已被修改，请使用新密码重新登录。');
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('status', { name: 'You were logged out' }).textContent).toContain('Your password was changed. Log in with the new password.');
  });

  it('each reason has its own words in both languages; an ordinary logout shows none', async () => {
    const texts = new Map<string, string>();
    for (const reason of SessionEndReasonSchema.options) {
      for (const language of ['zh-CN', 'en'] as const) {
        const text = i18n.t(sessionEndedKey(reason), { lng: language });
        expect(text, `${reason} ${language}`).not.toBe(sessionEndedKey(reason));
        texts.set(`${reason} ${language}`, text);
      }
    }
    expect(new Set(texts.values()).size).toBe(texts.size);

    renderWithApp(<LoggedOut />);
    act(() => api.emit('session:changed', snapshot({ agent: null, endReason: 'revoked' })));
    expect((await screen.findByRole('status')).textContent).toContain('为保护账号安全');
    act(() => api.emit('session:changed', snapshot({ agent: null, endReason: null })));
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy();
  });

  it('自动登录 waits while the reason is on screen; a login that merely expired is taken up again', async () => {
    const remembered = { hasRememberedPassword: true, settings: settings({ lastAccount: 'agent1', rememberPassword: true, autoLogin: true }) };
    renderWithApp(<LoggedOut />);
    act(() => api.emit('session:changed', snapshot({ ...remembered, agent: null, endReason: 'logged-out' })));
    expect(await screen.findByRole('status')).toBeTruthy();
    expect(api.callsTo('session:login')).toHaveLength(0);
    act(() => api.emit('session:changed', snapshot({ ...remembered, agent: null, endReason: 'expired' })));
    await waitFor(() => expect(api.callsTo('session:login')).toHaveLength(1));
  });
});
