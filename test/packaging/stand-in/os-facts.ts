/**
 * The machine the stand-in pretends to be: platform, where Electron would put things, and what
 * the OS answers (keyring backend, idle and lock state, free shortcuts, dialog buttons pressed).
 * The test process sets these when it launches the main and while it drives it.
 */
export interface OsFacts {
  platform: 'linux' | 'win32' | 'darwin';
  /** app.isPackaged: true when the main is loaded from the packaged layout. */
  isPackaged: boolean;
  /** process.resourcesPath: `<app>/resources` beside the executable. */
  resourcesPath: string;
  /** app.getPath(...) before any setPath. */
  paths: { userData: string; home: string; temp: string; logs: string; downloads: string; appData: string };
  /** package.json of the app being run: name/productName become app.getName(). */
  appName: string;
  appVersion: string;
  /** Another instance already holds the single-instance lock. */
  otherInstanceRunning: boolean;
  /** safeStorage: OS encryption present, and the Linux backend Chromium picked. */
  encryptionAvailable: boolean;
  keyringBackend: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';
  /** powerMonitor: seconds without input, and whether the screen is locked. */
  idleSeconds: number;
  screenLocked: boolean;
  /** Buttons the user presses in showMessageBox, in order; then the cancel button. */
  dialogAnswers: number[];
  /** Paths the user picks in showSaveDialog, in order (null: cancel); then cancel. */
  savePaths: (string | null)[];
  /** globalShortcut.register answers false for these (taken by another program). */
  takenShortcuts: string[];
  /** What the server's update feed (latest.yml) offers electron-updater; null: no feed there (404). */
  updateFeed: { version: string } | null;
}

export const facts: OsFacts = {
  platform: 'linux',
  isPackaged: false,
  resourcesPath: '',
  paths: { userData: '', home: '', temp: '', logs: '', downloads: '', appData: '' },
  appName: 'Electron',
  appVersion: '0.0.0',
  otherInstanceRunning: false,
  encryptionAvailable: true,
  keyringBackend: 'gnome_libsecret',
  idleSeconds: 0,
  screenLocked: false,
  dialogAnswers: [],
  savePaths: [],
  takenShortcuts: [],
  updateFeed: null,
};

export function setFacts(patch: Partial<OsFacts>): void {
  Object.assign(facts, patch);
}

/** Electron's preventable event object. */
export function preventable(extra: Record<string, unknown> = {}): { defaultPrevented: boolean; preventDefault(): void } & Record<string, unknown> {
  const event = {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}
