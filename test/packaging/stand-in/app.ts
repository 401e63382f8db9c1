/**
 * `app` as Electron runs it: 'ready' when the test says the platform is up; quit() emits a
 * preventable 'before-quit', closes every window (one refusing cancels the quit), then
 * 'will-quit' and 'quit'; exit() ends at once with no events. Ending releases the
 * single-instance lock. Login items follow Windows' rule: read back only with the same args.
 */
import { EventEmitter } from 'node:events';
import { StandInBrowserWindow } from './browser-window.js';
import { facts, preventable } from './os-facts.js';
import { record } from './recorder.js';

type LoginItem = { openAtLogin: boolean; openAsHidden?: boolean; path?: string; args?: string[] };

class StandInApp extends EventEmitter {
  private readyFlag = false;
  private readyWaiters: (() => void)[] = [];
  private pathOverrides = new Map<string, string>();
  private loginItem: LoginItem = { openAtLogin: false };
  /** Set when the process would have ended (exit code), for the test to read. */
  endedWith: number | null = null;
  lockHeld = false;

  get isPackaged(): boolean {
    return facts.isPackaged;
  }

  get name(): string {
    return facts.appName;
  }

  getName(): string {
    return facts.appName;
  }

  getVersion(): string {
    return facts.appVersion;
  }

  isReady(): boolean {
    return this.readyFlag;
  }

  whenReady(): Promise<void> {
    if (this.readyFlag) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** The platform finished launching (driven by the test). */
  becomeReady(): void {
    record('app.ready');
    this.readyFlag = true;
    this.emit('will-finish-launching');
    this.emit('ready', preventable(), {});
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  getPath(name: string): string {
    const path = this.pathOverrides.get(name) ?? (facts.paths as Record<string, string>)[name];
    if (!path) throw new Error(`stand-in: app.getPath('${name}') is not modelled`);
    return path;
  }

  setPath(name: string, path: string): void {
    // Electron: userData must be set before 'ready' for Chromium's own profile to live there too.
    record('app.setPath', [name, path, { beforeReady: !this.readyFlag }]);
    this.pathOverrides.set(name, path);
  }

  setAppUserModelId(id: string): void {
    record('app.setAppUserModelId', [id]);
  }

  requestSingleInstanceLock(): boolean {
    const granted = !facts.otherInstanceRunning;
    record('app.requestSingleInstanceLock', [granted]);
    this.lockHeld = granted;
    return granted;
  }

  hasSingleInstanceLock(): boolean {
    return this.lockHeld;
  }

  setLoginItemSettings(settings: LoginItem): void {
    record('app.setLoginItemSettings', [settings]);
    this.loginItem = { ...settings, args: settings.args ?? [] };
  }

  getLoginItemSettings(options: { path?: string; args?: string[] } = {}): { openAtLogin: boolean } {
    record('app.getLoginItemSettings', [options]);
    if (facts.platform !== 'win32') return { openAtLogin: this.loginItem.openAtLogin };
    const asked = options.args ?? [];
    const stored = this.loginItem.args ?? [];
    const sameArgs = asked.length === stored.length && asked.every((arg, index) => arg === stored[index]);
    return { openAtLogin: this.loginItem.openAtLogin && sameArgs };
  }

  quit(): void {
    record('app.quit');
    if (this.endedWith !== null) return;
    const beforeQuit = preventable();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return record('app.quit-prevented', ['before-quit']);
    for (const window of StandInBrowserWindow.getAllWindows()) {
      window.close();
      if (!window.isDestroyed()) return record('app.quit-prevented', [`close of ${window.id}`]);
    }
    const willQuit = preventable();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return record('app.quit-prevented', ['will-quit']);
    this.emit('quit', preventable(), 0);
    this.end(0);
  }

  exit(code = 0): void {
    record('app.exit', [code]);
    this.end(code);
  }

  private end(code: number): void {
    if (this.endedWith !== null) return;
    this.endedWith = code;
    this.lockHeld = false;
    record('process.ended', [code]);
  }
}

export const app = new StandInApp();
