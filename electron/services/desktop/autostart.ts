/**
 * 开机自动启动. Linux: an XDG autostart entry (~/.config/autostart/kefu-desk.desktop) the app
 * writes and removes itself; Windows/macOS: the OS login items through an injected port
 * (Electron's app.setLoginItemSettings). Started at login, the app gets `--hidden` and stays in the tray.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HIDDEN_FLAG = '--hidden';
export const AUTOSTART_FILE = 'kefu-desk.desktop';

export interface LoginItemsPort {
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }): void;
  /** Windows matches the Run entry by path and args: ask with the args it was set with. */
  getLoginItemSettings(options?: { args?: string[] }): { openAtLogin: boolean };
}

export interface AutoStartOptions {
  platform: NodeJS.Platform;
  /** The user's home; XDG_CONFIG_HOME wins when set. */
  home: string;
  xdgConfigHome?: string | undefined;
  /** What to start: the AppImage path when running from one (process.env.APPIMAGE), else the executable. */
  executable: string;
  loginItems: LoginItemsPort;
}

export interface AutoStart {
  set(enabled: boolean): void;
  isEnabled(): boolean;
}

/** Quoting per the Desktop Entry spec: reserved characters inside double quotes get a backslash. */
export function desktopExecArgument(value: string): string {
  if (!/[\s"'`$\\<>~|&;*?#()]/.test(value)) return value;
  return `"${value.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function autostartDesktopEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=客服工作台',
    'Name[en]=Kefu Desk',
    'Comment=Customer-service agent workstation',
    `Exec=${desktopExecArgument(executable)} ${HIDDEN_FLAG}`,
    'Icon=kefu-desk',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function autostartFilePath(options: Pick<AutoStartOptions, 'home' | 'xdgConfigHome'>): string {
  return join(options.xdgConfigHome || join(options.home, '.config'), 'autostart', AUTOSTART_FILE);
}

export function createAutoStart(options: AutoStartOptions): AutoStart {
  if (options.platform === 'linux') {
    const path = autostartFilePath(options);
    return {
      set(enabled) {
        if (!enabled) return rmSync(path, { force: true });
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileSync(path, autostartDesktopEntry(options.executable), { mode: 0o644 });
      },
      // Ours only if it still starts us: a stale entry from a moved AppImage counts as off.
      isEnabled: () => existsSync(path) && readFileSync(path, 'utf8').includes(`Exec=${desktopExecArgument(options.executable)} `),
    };
  }
  return {
    set(enabled) {
      // Windows reads args; macOS reads openAsHidden. Both stay in the tray when started at login.
      options.loginItems.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: enabled, args: enabled ? [HIDDEN_FLAG] : [] });
    },
    // Asked without the args, Windows compares against an empty list and always reads false.
    isEnabled: () => options.loginItems.getLoginItemSettings({ args: [HIDDEN_FLAG] }).openAtLogin,
  };
}

/** Started by the autostart entry: show only the tray, not the window. */
export const startedHidden = (argv: readonly string[]): boolean => argv.includes(HIDDEN_FLAG);
