import '../testing/setupDom.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeKefu, type Handlers } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import { useAlertStore } from '../alerts/alertStore.js';
import { AlertSection } from './AlertSection.js';
import { fail, ok } from '../../shared/errors.js';
import { AlertSettingsSchema, DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../shared/ipc/alerts.js';

/** The services' handlers: validate like the dispatcher does and keep what was saved. */
function alertHandlers(initial: AlertSettings): Handlers {
  let current = initial;
  return {
    'alert-settings:get': () => ok(current),
    'alert-settings:set': (next) => {
      const parsed = AlertSettingsSchema.safeParse(next);
      if (!parsed.success) return fail('VALIDATION_FAILED', 'bad alert settings');
      current = parsed.data;
      return ok(current);
    },
  };
}

const isChecked = (el: HTMLElement) => el.getAttribute('aria-checked') === 'true';

beforeEach(() => useAlertStore.setState({ pending: {}, settings: DEFAULT_ALERT_SETTINGS }));
afterEach(() => {
  cleanup();
  provideKefu(null);
});

describe('设置 → 提醒设置', () => {
  it('shows the stored per-event settings and saves the whole object on a change', async () => {
    const stored: AlertSettings = { ...DEFAULT_ALERT_SETTINGS, 'message-received': { ...DEFAULT_ALERT_SETTINGS['message-received'], notification: false } };
    const api = new FakeKefu(alertHandlers(stored));
    provideKefu(api);
    renderWithApp(<AlertSection />);
    const messageNotification = screen.getByRole('switch', { name: '不在当前窗口的新消息：系统通知' });
    await waitFor(() => expect(isChecked(messageNotification)).toBe(false));
    const queuedSound = screen.getByRole('switch', { name: '新的排队访客：声音' });
    expect(isChecked(queuedSound)).toBe(true);

    fireEvent.click(queuedSound);
    await waitFor(() => expect(isChecked(queuedSound)).toBe(false));
    const saved = api.callsTo('alert-settings:set') as AlertSettings[];
    expect(saved).toHaveLength(1);
    expect(saved[0]!['visitor-queued'].sound).toBe(false);
    expect(saved[0]!['message-received'].notification).toBe(false);
    // Repeat means nothing without a sound: disabled with it.
    expect((screen.getByRole('switch', { name: '新的排队访客：重复提醒直到处理' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('the repeat interval is saved on blur, not per keystroke', async () => {
    const api = new FakeKefu(alertHandlers(DEFAULT_ALERT_SETTINGS));
    provideKefu(api);
    renderWithApp(<AlertSection />);
    const seconds = screen.getByRole('spinbutton', { name: '新分配的对话：重复间隔（秒）' });
    fireEvent.change(seconds, { target: { value: '15' } });
    expect(api.callsTo('alert-settings:set')).toEqual([]);
    fireEvent.blur(seconds);
    await waitFor(() => expect(api.callsTo('alert-settings:set')).toHaveLength(1));
    expect((api.callsTo('alert-settings:set')[0] as AlertSettings)['conversation-assigned'].repeatSeconds).toBe(15);
  });

  it('a refused save keeps the shown settings and says why', async () => {
    const api = new FakeKefu({ 'alert-settings:get': () => ok(DEFAULT_ALERT_SETTINGS), 'alert-settings:set': () => fail('INTERNAL', 'disk full') });
    provideKefu(api);
    renderWithApp(<AlertSection />);
    const sound = screen.getByRole('switch', { name: '新分配的对话：声音' });
    fireEvent.click(sound);
    expect(await screen.findByText('提醒设置保存失败：disk full')).toBeTruthy();
    expect(isChecked(sound)).toBe(true);
  });
});
