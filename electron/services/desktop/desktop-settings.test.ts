import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { DEFAULT_DESKTOP_SETTINGS, DESKTOP_SETTINGS_FILE, openDesktopSettings } from './desktop-settings.js';

afterEach(() => removeTempDirs());

const file = (dir: string) => join(dir, `${DESKTOP_SETTINGS_FILE}.json`);

describe('desktop settings', () => {
  it('a new install gets the defaults; changes persist across opens; the file is 0600', () => {
    const dir = tempDir();
    const settings = openDesktopSettings(dir);
    expect(settings.get()).toEqual(DEFAULT_DESKTOP_SETTINGS);
    settings.update({ autoStart: true, idleAwayMinutes: 5 });
    expect(openDesktopSettings(dir).get()).toMatchObject({ autoStart: true, idleAwayMinutes: 5, awayOnLock: true });
    expect(statSync(file(dir)).mode & 0o777).toBe(0o600);
    expect(() => settings.update({ idleAwayMinutes: -1 })).toThrow();
    expect(openDesktopSettings(dir).get().idleAwayMinutes).toBe(5);
  });

  it('a 1.0.0 file is migrated to 2.0.0: renamed keys, accelerator notation, new fields with defaults', () => {
    const dir = tempDir();
    // What the first release wrote.
    writeFileSync(
      file(dir),
      JSON.stringify({
        autoStart: true,
        closeToTrayNoticeShown: true,
        awayOnLock: false,
        hideOnCapture: true,
        shortcut: 'Ctrl+Alt+Q',
        __internal__: { migrations: { version: '1.0.0' } },
      }),
    );
    const migrated = openDesktopSettings(dir).get();
    expect(migrated).toEqual({
      autoStart: true,
      closeToTrayNoticeShown: true,
      awayOnLock: false,
      restorePreviousStatus: true,
      idleAwayMinutes: 15,
      screenshotHidesWindow: true,
      screenshotShortcut: 'CommandOrControl+Alt+Q',
    });
    const onDisk = JSON.parse(readFileSync(file(dir), 'utf8')) as Record<string, unknown> & { __internal__: { migrations: { version: string } } };
    expect(onDisk.hideOnCapture).toBeUndefined();
    expect(onDisk.shortcut).toBeUndefined();
    expect(onDisk.__internal__.migrations.version).toBe('2.0.0');
  });

  it('a hand-edited bad value falls back alone; broken JSON starts from the defaults', () => {
    const dir = tempDir();
    writeFileSync(
      file(dir),
      JSON.stringify({ ...DEFAULT_DESKTOP_SETTINGS, autoStart: true, idleAwayMinutes: 'lots', __internal__: { migrations: { version: '2.0.0' } } }),
    );
    expect(openDesktopSettings(dir).get()).toMatchObject({ autoStart: true, idleAwayMinutes: 15 });
    writeFileSync(file(dir), '{ not json');
    expect(openDesktopSettings(dir).get()).toEqual(DEFAULT_DESKTOP_SETTINGS);
  });
});
