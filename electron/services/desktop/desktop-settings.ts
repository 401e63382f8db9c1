/**
 * Desktop settings in their own file with versioned migrations: each released layout gets a
 * version; a file written by an older app is migrated on open. Every value read is checked with
 * the shared zod schema; a broken file falls back to defaults. The Electron main keeps them in
 * electron-store (electron/main/desktop-settings-store.ts); here, under plain Node (tests, the
 * browser shell), in conf, the core electron-store extends — same options, same file, same rules.
 */
import Conf, { type Options as ConfOptions } from 'conf';
import { DesktopSettingsSchema, type DesktopSettings } from '../../../shared/ipc/desktop.js';

export const DESKTOP_SETTINGS_VERSION = '2.0.0';
export const DESKTOP_SETTINGS_FILE = 'desktop-settings';

export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = {
  autoStart: false,
  closeToTrayNoticeShown: false,
  awayOnLock: true,
  restorePreviousStatus: true,
  idleAwayMinutes: 15,
  screenshotHidesWindow: false,
  screenshotShortcut: 'CommandOrControl+Alt+A',
};

type Store = Conf<Record<string, unknown>>;

/**
 * Migrations run from the file's recorded version up to DESKTOP_SETTINGS_VERSION, also on a new
 * file (conf starts at 0.0.0), so each one only acts when the old shape is really there.
 */
export const DESKTOP_SETTINGS_MIGRATIONS: Record<string, (store: Store) => void> = {
  // 1.0.0: the first layout (autoStart, closeToTrayNoticeShown, awayOnLock, hideOnCapture, shortcut).
  '1.0.0': () => undefined,
  // 2.0.0: hideOnCapture → screenshotHidesWindow, `shortcut` in Windows notation → an Electron
  // accelerator in screenshotShortcut; new restorePreviousStatus and idleAwayMinutes.
  '2.0.0': (store) => {
    if (store.has('hideOnCapture')) {
      store.set('screenshotHidesWindow', store.get('hideOnCapture') === true);
      store.delete('hideOnCapture');
    }
    if (store.has('shortcut')) {
      const old = store.get('shortcut');
      store.set('screenshotShortcut', typeof old === 'string' ? old.replace(/\bCtrl\b/g, 'CommandOrControl') : DEFAULT_DESKTOP_SETTINGS.screenshotShortcut);
      store.delete('shortcut');
    }
    if (!store.has('restorePreviousStatus')) store.set('restorePreviousStatus', DEFAULT_DESKTOP_SETTINGS.restorePreviousStatus);
    if (!store.has('idleAwayMinutes')) store.set('idleAwayMinutes', DEFAULT_DESKTOP_SETTINGS.idleAwayMinutes);
  },
};

export interface DesktopSettingsStore {
  get(): DesktopSettings;
  update(patch: Partial<DesktopSettings>): DesktopSettings;
  /** The file, for the shell's log. */
  path: string;
}

export type DesktopSettingsStoreOptions = Partial<ConfOptions<Record<string, unknown>>> & { configName: string; projectVersion: string };

/** What both stores are opened with. projectVersion is the settings layout's version, which the migrations are keyed by. */
export function desktopSettingsStoreOptions(dataDir: string, version = DESKTOP_SETTINGS_VERSION): DesktopSettingsStoreOptions {
  return {
    cwd: dataDir,
    configName: DESKTOP_SETTINGS_FILE,
    projectName: 'kefu-desk',
    projectVersion: version,
    migrations: DESKTOP_SETTINGS_MIGRATIONS,
    defaults: { ...DEFAULT_DESKTOP_SETTINGS },
    // Broken JSON (a crash mid-write on an old filesystem) starts from the defaults, not a crash loop.
    clearInvalidConfig: true,
    configFileMode: 0o600,
  };
}

/** Under plain Node: conf. */
export function openDesktopSettings(dataDir: string, version = DESKTOP_SETTINGS_VERSION): DesktopSettingsStore {
  return wrapDesktopSettings(new Conf<Record<string, unknown>>(desktopSettingsStoreOptions(dataDir, version)));
}

/** The checked view over either store (electron-store is a conf). */
export function wrapDesktopSettings(store: Store): DesktopSettingsStore {
  const get = (): DesktopSettings => {
    const known = Object.fromEntries(Object.keys(DEFAULT_DESKTOP_SETTINGS).map((key) => [key, store.get(key)]));
    // Field by field: one bad value (hand-edited file) falls back alone, the rest is kept.
    const merged = { ...DEFAULT_DESKTOP_SETTINGS } as Record<string, unknown>;
    for (const [key, value] of Object.entries(known)) {
      const field = DesktopSettingsSchema.shape[key as keyof DesktopSettings];
      if (field.safeParse(value).success) merged[key] = value;
    }
    return DesktopSettingsSchema.parse(merged);
  };
  return {
    get,
    update(patch) {
      const next = DesktopSettingsSchema.parse({ ...get(), ...patch });
      store.set(next);
      return next;
    },
    path: store.path,
  };
}
