import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { createAutoStart, desktopExecArgument, startedHidden, type LoginItemsPort } from './autostart.js';

/**
 * Login items as Electron keeps them. On Windows the Run entry is matched by path AND args:
 * getLoginItemSettings reports openAtLogin only when asked with the args the entry was written
 * with (Electron docs, app.getLoginItemSettings); macOS ignores args.
 */
function recordingLoginItems(platform: NodeJS.Platform = 'win32') {
  const calls: Parameters<LoginItemsPort['setLoginItemSettings']>[0][] = [];
  let stored = { openAtLogin: false, args: [] as string[] };
  const port: LoginItemsPort = {
    setLoginItemSettings(settings) {
      calls.push(settings);
      stored = { openAtLogin: settings.openAtLogin, args: settings.args ?? [] };
    },
    getLoginItemSettings(options) {
      const asked = options?.args ?? [];
      const argsMatch = platform !== 'win32' || (asked.length === stored.args.length && asked.every((arg, i) => arg === stored.args[i]));
      return { openAtLogin: stored.openAtLogin && argsMatch };
    },
  };
  return { port, calls };
}

afterEach(() => removeTempDirs());

describe('auto-start', () => {
  it('Linux: writes an XDG autostart entry that starts hidden, and removes it', () => {
    const home = tempDir('kefu-home-');
    const { port, calls } = recordingLoginItems();
    const autoStart = createAutoStart({ platform: 'linux', home, executable: '/opt/Kefu Desk/kefu-desk', loginItems: port });
    const file = join(home, '.config/autostart/kefu-desk.desktop');
    expect(autoStart.isEnabled()).toBe(false);
    autoStart.set(true);
    const entry = readFileSync(file, 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Type=Application');
    expect(entry).toContain('Exec="/opt/Kefu Desk/kefu-desk" --hidden');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(autoStart.isEnabled()).toBe(true);
    autoStart.set(false);
    expect(existsSync(file)).toBe(false);
    expect(autoStart.isEnabled()).toBe(false);
    autoStart.set(false);
    expect(calls).toEqual([]);
  });

  it('Linux: XDG_CONFIG_HOME wins; an entry for another executable does not count as ours', () => {
    const home = tempDir('kefu-home-');
    const xdg = join(home, 'xdg');
    const { port } = recordingLoginItems();
    createAutoStart({ platform: 'linux', home, xdgConfigHome: xdg, executable: '/old/kefu.AppImage', loginItems: port }).set(true);
    expect(existsSync(join(xdg, 'autostart/kefu-desk.desktop'))).toBe(true);
    expect(createAutoStart({ platform: 'linux', home, xdgConfigHome: xdg, executable: '/new/kefu.AppImage', loginItems: port }).isEnabled()).toBe(false);
  });

  it('Windows and macOS: login items with --hidden / openAsHidden', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const { port, calls } = recordingLoginItems(platform);
      const autoStart = createAutoStart({ platform, home: '/nonexistent', executable: 'C:\\Kefu\\kefu.exe', loginItems: port });
      autoStart.set(true);
      expect(autoStart.isEnabled()).toBe(true);
      autoStart.set(false);
      expect(calls).toEqual([
        { openAtLogin: true, openAsHidden: true, args: ['--hidden'] },
        { openAtLogin: false, openAsHidden: false, args: [] },
      ]);
      expect(autoStart.isEnabled()).toBe(false);
    }
  });

  it('Exec quoting and the hidden start flag', () => {
    expect(desktopExecArgument('/usr/bin/kefu')).toBe('/usr/bin/kefu');
    expect(desktopExecArgument('/a b/$x"y')).toBe('"/a b/\\$x\\"y"');
    expect(startedHidden(['/usr/bin/kefu', '--hidden'])).toBe(true);
    expect(startedHidden(['/usr/bin/kefu'])).toBe(false);
  });
});
