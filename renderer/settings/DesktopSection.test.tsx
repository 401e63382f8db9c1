import '../testing/setupDom.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeKefu, type Handlers } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { snapshot } from '../testing/sampleSettings.js';
import { provideKefu } from '../app/kefu.js';
import { useSessionStore } from '../login/sessionStore.js';
import { useDesktopStore } from '../desktop/desktopStore.js';
import { subscribeDesktop } from '../desktop/subscribeDesktop.js';
import { SettingsModal } from './SettingsModal.js';
import { fail, ok } from '../../shared/errors.js';
import type { DesktopSettings, DesktopState } from '../../shared/ipc/desktop.js';

const LABELS = ['开机自动启动', '锁屏/休眠时自动离开', '解锁后恢复之前的状态', '截屏时隐藏工作台', '截屏快捷键'];

function desktopState(settings: Partial<DesktopSettings> = {}): DesktopState {
  return {
    available: true,
    canRememberPassword: true,
    notice: null,
    settings: {
      autoStart: false,
      closeToTrayNoticeShown: false,
      awayOnLock: true,
      restorePreviousStatus: true,
      idleAwayMinutes: 0,
      screenshotHidesWindow: false,
      screenshotShortcut: 'Ctrl+Alt+A',
      ...settings,
    },
  };
}

/** A desktop host double: keeps its settings and answers updates with the new state, like the real one. */
function desktopHandlers(initial: DesktopState): Handlers {
  let current = initial;
  return {
    'desktop:get-state': () => ok(current),
    'desktop:update-settings': (patch) => {
      current = { ...current, settings: current.settings ? { ...current.settings, ...patch } : null };
      return ok(current);
    },
  };
}

const isDisabled = (el: HTMLElement) => (el as HTMLButtonElement | HTMLInputElement).disabled;
const isChecked = (el: HTMLElement) => el.getAttribute('aria-checked') === 'true';

function open(api: FakeKefu) {
  provideKefu(api);
  renderWithApp(<SettingsModal open onClose={() => undefined} />);
}

beforeEach(() => {
  useSessionStore.setState({ snapshot: snapshot() });
  useDesktopStore.setState({ state: null, unavailable: false, settingsRequests: 0, screenshotRequests: 0 });
});
afterEach(() => {
  cleanup();
  provideKefu(null);
});

describe('设置 → 桌面', () => {
  it('shows the desktop settings and saves only the field that changed', async () => {
    const api = new FakeKefu(desktopHandlers(desktopState()));
    open(api);
    const autoStart = screen.getByRole('switch', { name: '开机自动启动' });
    await waitFor(() => expect(isDisabled(autoStart)).toBe(false));
    expect(isChecked(autoStart)).toBe(false);
    expect(isChecked(screen.getByRole('switch', { name: '锁屏/休眠时自动离开' }))).toBe(true);
    expect(screen.queryByText('仅桌面版可用')).toBeNull();

    fireEvent.click(autoStart);
    await waitFor(() => expect(isChecked(autoStart)).toBe(true));
    expect(api.callsTo('desktop:update-settings')).toEqual([{ autoStart: true }]);

    const shortcut = screen.getByRole('textbox', { name: '截屏快捷键' });
    expect((shortcut as HTMLInputElement).value).toBe('Ctrl+Alt+A');
    fireEvent.change(shortcut, { target: { value: ' Ctrl+Shift+S ' } });
    fireEvent.blur(shortcut);
    await waitFor(() => expect(api.callsTo('desktop:update-settings')).toHaveLength(2));
    expect(api.callsTo('desktop:update-settings')[1]).toEqual({ screenshotShortcut: 'Ctrl+Shift+S' });
    await waitFor(() => expect((shortcut as HTMLInputElement).value).toBe('Ctrl+Shift+S'));
  });

  it('an unchanged shortcut is not saved again, and 恢复 follows 锁屏离开', async () => {
    const api = new FakeKefu(desktopHandlers(desktopState({ awayOnLock: false })));
    open(api);
    const shortcut = screen.getByRole('textbox', { name: '截屏快捷键' });
    await waitFor(() => expect(isDisabled(shortcut)).toBe(false));
    fireEvent.blur(shortcut);
    expect(isDisabled(screen.getByRole('switch', { name: '解锁后恢复之前的状态' }))).toBe(true);
    fireEvent.click(screen.getByRole('switch', { name: '锁屏/休眠时自动离开' }));
    await waitFor(() => expect(isDisabled(screen.getByRole('switch', { name: '解锁后恢复之前的状态' }))).toBe(false));
    expect(api.callsTo('desktop:update-settings')).toEqual([{ awayOnLock: true }]);
  });

  it('INVALID_STATE (no Electron): the section is disabled with 仅桌面版可用 and saves nothing', async () => {
    const api = new FakeKefu({ 'desktop:get-state': () => fail('INVALID_STATE', 'no desktop') });
    open(api);
    expect((await screen.findByText('仅桌面版可用')).textContent).toBe('仅桌面版可用');
    for (const label of LABELS) expect(isDisabled(screen.getByLabelText(label))).toBe(true);
    fireEvent.click(screen.getByRole('switch', { name: '开机自动启动' }));
    expect(api.callsTo('desktop:update-settings')).toEqual([]);
  });

  it("the browser shell's answer (available: false) is shown the same way", async () => {
    const api = new FakeKefu({ 'desktop:get-state': () => ok({ available: false, settings: null, canRememberPassword: true, notice: '浏览器版' }) });
    open(api);
    expect((await screen.findByText('仅桌面版可用')).textContent).toBe('仅桌面版可用');
    for (const label of LABELS) expect(isDisabled(screen.getByLabelText(label))).toBe(true);
  });

  it('a state pushed by the desktop (desktop:state-changed) updates the switches', async () => {
    const api = new FakeKefu(desktopHandlers(desktopState()));
    open(api);
    const hides = screen.getByRole('switch', { name: '截屏时隐藏工作台' });
    await waitFor(() => expect(isDisabled(hides)).toBe(false));
    expect(isChecked(hides)).toBe(false);
    const off = subscribeDesktop(api);
    act(() => api.emit('desktop:state-changed', desktopState({ screenshotHidesWindow: true })));
    off();
    await waitFor(() => expect(isChecked(hides)).toBe(true));
  });
});
