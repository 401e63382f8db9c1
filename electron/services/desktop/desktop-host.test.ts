import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/errors.js';
import type { DesktopState } from '../../../shared/ipc/desktop.js';
import { createDispatcher } from '../ipc/dispatcher.js';
import { createMemorySecretStore } from '../test-support/memory-secret-store.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { createWorkstation } from '../workstation.js';
import { createAutoStart } from './autostart.js';
import { createDesktopHost } from './desktop-host.js';
import { openDesktopSettings } from './desktop-settings.js';

afterEach(() => removeTempDirs());

describe('desktop contract section', () => {
  it('browser shell: desktop:get-state says unavailable, the rest refuse with INVALID_STATE', async () => {
    const workstation = createWorkstation({ dataDir: tempDir(), serverUrl: 'http://127.0.0.1:9', secretStore: createMemorySecretStore() });
    const dispatch = createDispatcher(workstation);
    try {
      const state = await dispatch('desktop:get-state', undefined);
      expect(state).toMatchObject({ ok: true, value: { available: false, settings: null } });
      expect(await dispatch('desktop:capture-screenshot', { conversationId: 'c1' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
      expect(await dispatch('desktop:update-settings', { closeToTrayNoticeShown: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    } finally {
      await workstation.close();
    }
  });

  it('Electron shell: the host given at construction stores settings, applies 开机自动启动 to the OS and announces the state', async () => {
    const dataDir = tempDir();
    const home = tempDir('kefu-home-');
    const announced: DesktopState[] = [];
    const host = createDesktopHost({
      settings: openDesktopSettings(dataDir),
      autoStart: createAutoStart({
        platform: 'linux',
        home,
        executable: '/opt/kefu/kefu-desk',
        loginItems: { setLoginItemSettings() {}, getLoginItemSettings: () => ({ openAtLogin: false }) },
      }),
      secrets: { canRemember: () => false },
      captureScreenshot: async () => ok({ sent: false }),
      quit: async () => ok({ quitting: true }),
      onStateChanged: (state) => announced.push(state),
    });
    const workstation = createWorkstation({ dataDir, serverUrl: 'http://127.0.0.1:9', secretStore: createMemorySecretStore(), desktop: host });
    const dispatch = createDispatcher(workstation);
    try {
      const updated = await dispatch('desktop:update-settings', { autoStart: true, idleAwayMinutes: 30 });
      expect(updated).toMatchObject({ ok: true, value: { available: true, canRememberPassword: false, settings: { autoStart: true, idleAwayMinutes: 30 } } });
      expect(announced.at(-1)?.notice).toContain('无法安全保存密码');
      expect(readFileSync(join(home, '.config/autostart/kefu-desk.desktop'), 'utf8')).toContain('--hidden');
      await dispatch('desktop:update-settings', { autoStart: false });
      expect(existsSync(join(home, '.config/autostart/kefu-desk.desktop'))).toBe(false);
      expect(await dispatch('desktop:capture-screenshot', { conversationId: 'c1' })).toEqual({ ok: true, value: { sent: false } });
      expect(await dispatch('desktop:update-settings', { idleAwayMinutes: 999 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(openDesktopSettings(dataDir).get().idleAwayMinutes).toBe(30);
    } finally {
      await workstation.close();
    }
  });
});
