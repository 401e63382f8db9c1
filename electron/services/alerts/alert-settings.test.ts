import { afterEach, describe, expect, it } from 'vitest';
import { fail } from '../../../shared/errors.js';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../../shared/ipc/alerts.js';
import type { SessionSnapshot } from '../../../shared/ipc/contract.js';
import { openDesk } from '../test-support/agent-harness.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { createWorkstationEvents } from '../workstation-events.js';
import { createTrayController, type TrayPort } from '../desktop/tray-controller.js';
import { openDatabase } from '../cache/database.js';
import { createAlertHandlers } from './alert-handlers.js';
import { createAlertService } from './alert-service.js';

const closers: (() => void)[] = [];
afterEach(() => {
  closers.splice(0).forEach((close) => close());
  removeTempDirs();
});

/** No server is needed: the settings live in the workstation's own cache. */
function desk(dir: string) {
  const opened = openDesk(dir, 'http://127.0.0.1:9');
  closers.push(() => opened.workstation.close());
  return opened;
}

const quietQueue: AlertSettings = {
  ...DEFAULT_ALERT_SETTINGS,
  'visitor-queued': { sound: false, repeat: false, repeatSeconds: 30, notification: false, flashTray: false },
};

describe('提醒设置 in the workstation services', () => {
  it('starts from the defaults, stores a valid object and keeps it across a restart', async () => {
    const dir = tempDir('kefu-alerts-');
    const first = desk(dir);
    expect(await first.invoke('alert-settings:get', undefined)).toEqual({ ok: true, value: DEFAULT_ALERT_SETTINGS });
    const seen: AlertSettings[] = [];
    first.workstation.on('alert-settings:changed', (settings) => seen.push(settings));
    expect(await first.invoke('alert-settings:set', quietQueue)).toEqual({ ok: true, value: quietQueue });
    expect(seen).toEqual([quietQueue]);
    first.workstation.close();
    closers.length = 0;

    const again = desk(dir);
    expect(await again.invoke('alert-settings:get', undefined)).toEqual({ ok: true, value: quietQueue });
  });

  it('refuses bad payloads with VALIDATION_FAILED and changes nothing', async () => {
    const opened = desk(tempDir('kefu-alerts-'));
    const bad: unknown[] = [
      { ...quietQueue, 'visitor-queued': { ...quietQueue['visitor-queued'], repeatSeconds: 0 } },
      { ...quietQueue, 'visitor-queued': { ...quietQueue['visitor-queued'], repeatSeconds: 1e6 } },
      { ...quietQueue, 'visitor-queued': { ...quietQueue['visitor-queued'], sound: 'loud' } },
      { ...quietQueue, 'incoming-call': quietQueue['visitor-queued'] },
      { 'visitor-queued': quietQueue['visitor-queued'] },
      { ...quietQueue, 'message-received': { ...quietQueue['message-received'], script: '<b>' } },
      null,
    ];
    for (const payload of bad) {
      const result = await opened.invoke('alert-settings:set', payload as AlertSettings);
      expect(result.ok ? 'stored' : result.error.code).toBe('VALIDATION_FAILED');
    }
    expect(await opened.invoke('alert-settings:get', undefined)).toEqual({ ok: true, value: DEFAULT_ALERT_SETTINGS });
  });
});

describe('alert-settings:changed on login', () => {
  it('tells every listener the stored settings when an agent logs in (the tray starts from them)', async () => {
    const db = openDatabase(tempDir('kefu-alerts-'));
    closers.push(() => db.close());
    const events = createWorkstationEvents();
    const alerts = createAlertService({ db, events });
    closers.push(() => alerts.dispose());
    const handlers = createAlertHandlers(alerts);
    expect((await handlers['alert-settings:set'](quietQueue)).ok).toBe(true);
    const seen: AlertSettings[] = [];
    events.on('alert-settings:changed', (settings) => seen.push(settings));
    const login = (id: string | null) =>
      events.emit('session:changed', { agent: id ? { id } : null, settings: {}, hasRememberedPassword: false } as unknown as SessionSnapshot);
    login('a1');
    login('a1');
    login(null);
    login('a2');
    expect(seen).toEqual([quietQueue, quietQueue]);
  });
});

describe('the tray follows 提醒设置', () => {
  function tray() {
    const events = createWorkstationEvents();
    const flashes: boolean[] = [];
    const port: TrayPort = { setImage() {}, setToolTip() {}, setContextMenu() {}, flash: (on) => flashes.push(on) };
    const controller = createTrayController({ port, setStatus: async () => fail('INTERNAL', 'unused'), openWindow() {}, openSettings() {}, quit() {} });
    controller.attach(events);
    events.emit('session:changed', { agent: { id: 'a1', status: 'online' }, settings: {}, hasRememberedPassword: false } as unknown as SessionSnapshot);
    controller.windowFocused(false);
    return { events, flashes };
  }
  const queued = { kind: 'visitor-queued' as const, conversationId: 'q1', title: '访客100001', body: '' };

  it('flashes for an event whose flashTray is on, not for one where it is off', () => {
    const { events, flashes } = tray();
    events.emit('alert:raised', { kind: 'message-received', conversationId: 'c1', title: '', body: '' });
    expect(flashes.at(-1)).toBe(false);
    events.emit('alert:raised', queued);
    expect(flashes.at(-1)).toBe(true);
  });

  it('turning the flash off for that event stops it; with it off from the start nothing flashes', () => {
    const { events, flashes } = tray();
    events.emit('alert:raised', queued);
    expect(flashes.at(-1)).toBe(true);
    events.emit('alert-settings:changed', quietQueue);
    expect(flashes.at(-1)).toBe(false);
    events.emit('alert:raised', { ...queued, conversationId: 'q2' });
    expect(flashes.at(-1)).toBe(false);
  });
});
