import '../testing/setupDom.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { agent, snapshot, settings } from '../testing/sampleSettings.js';
import { provideKefu } from '../app/kefu.js';
import { useSessionStore } from '../login/sessionStore.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { ok } from '../../shared/errors.js';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../shared/ipc/alerts.js';
import { useAlertStore } from './alertStore.js';
import { AlertEffects } from './AlertEffects.js';
import { onAlertRaised } from './raiseAlert.js';

const chimes = vi.hoisted(() => ({ count: 0 }));
// The one double: Web Audio has no device here; the chime itself is a few oscillator calls.
vi.mock('./sound.js', () => ({ playChime: () => void (chimes.count += 1) }));

const entry = { conversationId: 'q1', roomNo: '访客100001', visitorName: '访客', groupId: null, position: 1, waitingSince: 0 };
const queuedAlert = { kind: 'visitor-queued' as const, conversationId: 'q1', title: '访客100001', body: '' };

function start(alertSettings: AlertSettings) {
  const api = new FakeKefu({ 'alert-settings:get': () => ok(alertSettings) });
  provideKefu(api);
  useAlertStore.setState({ pending: {}, settings: alertSettings });
  renderWithApp(<AlertEffects />);
  return api;
}

beforeEach(() => {
  vi.useFakeTimers();
  chimes.count = 0;
  useSessionStore.setState({ snapshot: snapshot({ agent: agent(), settings: settings({ soundEnabled: true }) }) });
  useConversationsStore.setState({ conversations: [], queue: [entry], selectedId: null });
});
afterEach(() => {
  cleanup();
  provideKefu(null);
  vi.useRealTimers();
});

describe('AlertEffects', () => {
  it('repeats the chime for a queued visitor until the visitor leaves the queue', async () => {
    const settingsNow: AlertSettings = { ...DEFAULT_ALERT_SETTINGS, 'visitor-queued': { ...DEFAULT_ALERT_SETTINGS['visitor-queued'], repeatSeconds: 2 } };
    start(settingsNow);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
      onAlertRaised(queuedAlert, () => undefined);
    });
    expect(chimes.count).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(4100));
    expect(chimes.count).toBe(3);
    // Accepted (or taken by someone else): the queue no longer has it, the chime stops.
    act(() => useConversationsStore.setState({ queue: [] }));
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(chimes.count).toBe(3);
    expect(useAlertStore.getState().pending).toEqual({});
  });

  it("follows alert-settings:changed: turning the event's sound off stops the repeat", async () => {
    const api = start(DEFAULT_ALERT_SETTINGS);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
      onAlertRaised(queuedAlert, () => undefined);
    });
    await act(() => vi.advanceTimersByTimeAsync(4100));
    expect(chimes.count).toBe(2);
    act(() =>
      api.emit('alert-settings:changed', { ...DEFAULT_ALERT_SETTINGS, 'visitor-queued': { ...DEFAULT_ALERT_SETTINGS['visitor-queued'], sound: false } }),
    );
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(chimes.count).toBe(2);
    // Still pending (not acted on): the badge and title stay, only the sound is off.
    expect(Object.keys(useAlertStore.getState().pending)).toEqual(['visitor-queued:q1']);
  });
});
