/**
 * BrowserWindow and its webContents as Electron behaves where the main bundle can tell:
 * `close()` emits a preventable 'close', `destroy()` skips it and emits 'closed' synchronously
 * (BaseWindow::OnWindowClosed), a destroyed window throws on use, `loadURL` of a missing file
 * rejects, 'ready-to-show' follows the load.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preventable } from './os-facts.js';
import { record, REF } from './recorder.js';

type WindowOptions = { webPreferences?: Record<string, unknown>; show?: boolean } & Record<string, unknown>;
type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

let nextId = 1;
const windows: StandInBrowserWindow[] = [];

export class StandInWebContents extends EventEmitter {
  readonly [REF]: string;
  url = '';
  destroyed = false;
  windowOpenHandler: OpenHandler | null = null;

  constructor(readonly id: number) {
    super();
    this[REF] = `webContents:${id}`;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
    record('webContents.send', [channel, ...args], `window:${this.id}`);
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    this.windowOpenHandler = handler;
  }

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class StandInBrowserWindow extends EventEmitter {
  readonly [REF]: string;
  readonly id = nextId++;
  readonly webContents: StandInWebContents;
  readonly options: WindowOptions;
  visible: boolean;
  minimized = false;
  focused = false;
  destroyed = false;

  static getAllWindows(): StandInBrowserWindow[] {
    return windows.filter((window) => !window.destroyed);
  }

  /** Every window the main created, closed ones too (for the test's view). */
  static everCreated(): StandInBrowserWindow[] {
    return [...windows];
  }

  static fromWebContents(contents: unknown): StandInBrowserWindow | null {
    return windows.find((window) => window.webContents === contents) ?? null;
  }

  constructor(options: WindowOptions = {}) {
    super();
    this[REF] = `window:${this.id}`;
    this.options = options;
    this.visible = options.show !== false;
    this.webContents = new StandInWebContents(this.id);
    windows.push(this);
    record('BrowserWindow.new', [options], this[REF]);
  }

  private alive(method: string): void {
    // Electron throws on any call to a destroyed window; a main that does so crashes there too.
    if (this.destroyed) throw new TypeError(`Object has been destroyed (BrowserWindow.${method})`);
  }

  private call(method: string, args: unknown[] = []): void {
    this.alive(method);
    record(`BrowserWindow.${method}`, args, this[REF]);
  }

  loadURL(url: string): Promise<void> {
    this.call('loadURL', [url]);
    this.webContents.url = url;
    if (url.startsWith('file:') && !existsSync(fileURLToPath(url.split(/[?#]/)[0]!))) {
      record('webContents.did-fail-load', [url], this[REF]);
      return Promise.reject(new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`));
    }
    return Promise.resolve().then(() => {
      if (this.destroyed) return;
      this.webContents.emit('did-finish-load');
      this.emit('ready-to-show');
    });
  }

  show(): void {
    this.call('show');
    this.visible = true;
    this.emit('show');
  }

  hide(): void {
    this.call('hide');
    this.visible = false;
    this.emit('hide');
  }

  focus(): void {
    this.call('focus');
    this.focused = true;
    this.emit('focus');
  }

  restore(): void {
    this.call('restore');
    this.minimized = false;
    this.emit('restore');
  }

  minimize(): void {
    this.call('minimize');
    this.minimized = true;
    this.emit('minimize');
  }

  isVisible(): boolean {
    this.alive('isVisible');
    return this.visible;
  }

  isMinimized(): boolean {
    this.alive('isMinimized');
    return this.minimized;
  }

  isFocused(): boolean {
    this.alive('isFocused');
    return this.focused;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  flashFrame(flag: boolean): void {
    this.call('flashFrame', [flag]);
  }

  setAlwaysOnTop(flag: boolean, level?: string): void {
    this.call('setAlwaysOnTop', [flag, level]);
  }

  close(): void {
    this.call('close');
    const event = preventable();
    this.emit('close', event);
    if (!event.defaultPrevented) this.closeNow();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.call('destroy');
    this.closeNow();
  }

  private closeNow(): void {
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyed = true;
    record('BrowserWindow.closed', [], this[REF]);
    this.emit('closed');
    this.webContents.emit('destroyed');
  }
}
