/**
 * The OS-facing modules: dialog, safeStorage, powerMonitor, globalShortcut, Notification,
 * session, shell, screen, desktopCapturer. Each answers from the OS facts the test set and
 * records what the main asked. Platform-only APIs behave per platform as Electron documents
 * them: safeStorage.getSelectedStorageBackend exists on Linux only, and powerMonitor never emits
 * 'lock-screen' on Linux (the test locks the screen by setting the idle state instead).
 */
import { EventEmitter } from 'node:events';
import { facts } from './os-facts.js';
import { record } from './recorder.js';
import { nativeImage, type StandInImage } from './tray.js';

export const dialog = {
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', [title, content]);
  },
  showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    const options = (args.length > 1 ? args[1] : args[0]) as { cancelId?: number; buttons?: string[] };
    const response = facts.dialogAnswers.shift() ?? options.cancelId ?? 0;
    record('dialog.showMessageBox', [options, { response, parent: args.length > 1 }]);
    return Promise.resolve({ response, checkboxChecked: false });
  },
  /** Electron 45's answer: `canceled`, and `filePath` ('' when cancelled). */
  showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
    const options = args.length > 1 ? args[1] : args[0];
    const picked = facts.savePaths.shift() ?? null;
    record('dialog.showSaveDialog', [options, { picked, parent: args.length > 1 }]);
    return Promise.resolve(picked === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: picked });
  },
};

const SEALED = 'stand-in-sealed:';

export const safeStorage = {
  isEncryptionAvailable: (): boolean => facts.encryptionAvailable,
  encryptString(plain: string): Buffer {
    if (!facts.encryptionAvailable) throw new Error('Encryption is not available.');
    record('safeStorage.encryptString', [{ backend: facts.platform === 'linux' ? facts.keyringBackend : 'os' }]);
    return Buffer.from(SEALED + Buffer.from(plain).toString('base64'));
  },
  decryptString(sealed: Buffer): string {
    const text = sealed.toString();
    if (!text.startsWith(SEALED)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice(SEALED.length), 'base64').toString();
  },
  getSelectedStorageBackend(): OsBackend {
    if (facts.platform !== 'linux') throw new TypeError('safeStorage.getSelectedStorageBackend is only available on Linux');
    return facts.keyringBackend;
  },
};
type OsBackend = typeof facts.keyringBackend;

class StandInPowerMonitor extends EventEmitter {
  override on(event: string, listener: (...args: unknown[]) => void): this {
    record('powerMonitor.on', [event]);
    return super.on(event, listener);
  }

  getSystemIdleTime(): number {
    return facts.idleSeconds;
  }

  getSystemIdleState(threshold: number): 'active' | 'idle' | 'locked' | 'unknown' {
    if (facts.screenLocked) return 'locked';
    return facts.idleSeconds >= threshold ? 'idle' : 'active';
  }
}

export const powerMonitor = new StandInPowerMonitor();

const shortcuts = new Map<string, () => void>();

export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    const free = !facts.takenShortcuts.includes(accelerator);
    record('globalShortcut.register', [accelerator, free]);
    if (free) shortcuts.set(accelerator, callback);
    return free;
  },
  unregisterAll(): void {
    record('globalShortcut.unregisterAll');
    shortcuts.clear();
  },
  /** The user pressed it (driven by the test). */
  press(accelerator: string): boolean {
    const callback = shortcuts.get(accelerator);
    callback?.();
    return !!callback;
  },
};

export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return true;
  }

  constructor(private readonly options: { title?: string; body?: string }) {
    super();
    record('Notification.new', [options]);
  }

  show(): void {
    record('Notification.show', [this.options]);
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: Record<string, unknown>) => boolean;

export const session = {
  defaultSession: {
    handlers: { request: null as PermissionRequestHandler | null, check: null as PermissionCheckHandler | null, headers: null as unknown },
    webRequest: {
      onHeadersReceived(listener: unknown) {
        record('session.webRequest.onHeadersReceived');
        session.defaultSession.handlers.headers = listener;
      },
    },
    setPermissionRequestHandler(handler: PermissionRequestHandler) {
      record('session.setPermissionRequestHandler');
      session.defaultSession.handlers.request = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler) {
      record('session.setPermissionCheckHandler');
      session.defaultSession.handlers.check = handler;
    },
  },
};

export const shell = {
  openExternal(url: string): Promise<void> {
    record('shell.openExternal', [url]);
    return Promise.resolve();
  },
};

/** One 200×100 display at scale 1: enough for the 截屏 overlay to crop from. */
const DISPLAY = { id: 1, bounds: { x: 0, y: 0, width: 200, height: 100 }, size: { width: 200, height: 100 }, scaleFactor: 1 };

export const screen = {
  getAllDisplays: () => [DISPLAY],
  getPrimaryDisplay: () => DISPLAY,
};

export const desktopCapturer = {
  getSources(options: unknown): Promise<{ id: string; name: string; display_id: string; thumbnail: StandInImage }[]> {
    record('desktopCapturer.getSources', [options]);
    return Promise.resolve([
      { id: 'screen:1:0', name: 'Screen 1', display_id: String(DISPLAY.id), thumbnail: nativeImage.solid(DISPLAY.size.width, DISPLAY.size.height) },
    ]);
  },
};
