/**
 * What the test can do to the running main, inside its process: the platform's side of the
 * conversation (ready, a renderer's invoke, a tray click, a window closed, a second start, a
 * logoff, a locked screen, a pressed shortcut, the 截屏 overlay answering) and a view of what
 * the main did. Results cross back as JSON.
 */
import { basename } from 'node:path';
import { mock } from 'node:test';
import { app } from './app.js';
import { StandInBrowserWindow } from './browser-window.js';
import { ipcMain } from './ipc-main.js';
import { facts, preventable, setFacts, type OsFacts } from './os-facts.js';
import { nextSeq, records, toPlain, until, type Wanted } from './recorder.js';
import { globalShortcut, powerMonitor, session } from './system.js';
import { trays } from './tray.js';
import { autoUpdater } from './electron-updater.js';

type Role = 'main' | 'overlay' | 'other';

const roleOf = (window: StandInBrowserWindow): Role => {
  const preload = String(window.options.webPreferences?.preload ?? '');
  if (basename(preload) === 'index.cjs') return 'main';
  return basename(preload) === 'overlay.cjs' ? 'overlay' : 'other';
};

function liveWindow(role: Role): StandInBrowserWindow {
  const window = StandInBrowserWindow.getAllWindows().find((candidate) => roleOf(candidate) === role);
  if (!window) throw new Error(`stand-in: no open ${role} window`);
  return window;
}

function trayMenuItem(label: string) {
  const tray = trays.filter((candidate) => !candidate.destroyed).at(-1);
  const item = tray?.menu?.items.find((candidate) => candidate.label === label);
  if (!item?.click) throw new Error(`stand-in: no tray menu item '${label}' (menu: ${tray?.menu?.items.map((i) => i.label).join(', ') ?? 'none'})`);
  return item;
}

export const ops = {
  ready: () => app.becomeReady(),
  until: (wanted: Wanted, timeoutMs?: number) => until(wanted, timeoutMs),
  records: (api?: string) => records(api),
  nextSeq: () => nextSeq(),
  setFacts: (patch: Partial<OsFacts>) => setFacts(patch),

  state: () => ({
    windows: StandInBrowserWindow.everCreated().map((window) => ({
      id: window.id,
      role: roleOf(window),
      destroyed: window.destroyed,
      visible: window.visible,
      url: window.webContents.url,
      options: toPlain(window.options) as { webPreferences?: Record<string, unknown> } & Record<string, unknown>,
    })),
    trays: trays.map((tray) => ({
      destroyed: tray.destroyed,
      tooltip: tray.tooltip,
      menu: tray.menu?.items.map((item) => item.label ?? `(${item.type})`) ?? [],
    })),
    app: { endedWith: app.endedWith, lockHeld: app.lockHeld, userData: app.getPath('userData'), platform: facts.platform },
    invokeHandlers: [...ipcMain.handlers.keys()],
    ipcListeners: ipcMain.eventNames().map(String),
  }),

  /** A renderer's `ipcRenderer.invoke` from the main window, or from another page URL. */
  async invoke(channel: string, request: unknown, senderUrl?: string) {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const sender = liveWindow('main').webContents;
    const event = { sender, senderFrame: { url: senderUrl ?? sender.getURL() }, frameId: 1, processId: 1 };
    return toPlain(await handler(event, request));
  },

  /** A page asks for a permission; answers what the session's request handler decided. */
  permission(permission: string, requestingUrl: string, mediaTypes?: string[]) {
    const handler = session.defaultSession.handlers.request;
    if (!handler) throw new Error('stand-in: no permission request handler was set');
    return new Promise<boolean>((resolve) => handler(liveWindow('main').webContents, permission, resolve, { requestingUrl, mediaTypes }));
  },

  clickTrayMenu(label: string) {
    trayMenuItem(label).click!({ label }, undefined, {});
  },

  clickTrayIcon() {
    trays
      .filter((tray) => !tray.destroyed)
      .at(-1)
      ?.emit('click', preventable(), {});
  },

  /** The user clicks the window's X: a preventable 'close', then closed unless prevented. */
  closeWindow(role: Role) {
    const window = liveWindow(role);
    window.close();
    return { closed: window.destroyed, visible: window.visible };
  },

  windowEvent(role: Role, event: string) {
    const payload = preventable();
    liveWindow(role).emit(event, payload);
    return { defaultPrevented: payload.defaultPrevented };
  },

  appEvent(event: string, ...args: unknown[]) {
    const payload = preventable();
    app.emit(event, payload, ...args);
    return { defaultPrevented: payload.defaultPrevented };
  },

  powerEvent(event: string) {
    const payload = preventable();
    powerMonitor.emit(event, payload);
    return { defaultPrevented: payload.defaultPrevented };
  },

  /** Runs the setInterval callbacks due in the next `ms` (interval timers are faked in this process). */
  advanceIntervals(ms: number) {
    mock.timers.tick(ms);
  },

  pressShortcut: (accelerator: string) => globalShortcut.press(accelerator),

  /** The headers the session gives a response from `url` (its CSP, as the page would get it). */
  responseHeaders(url: string) {
    const listener = session.defaultSession.handlers.headers as ((details: unknown, callback: (response: unknown) => void) => void) | null;
    if (!listener) throw new Error('stand-in: no onHeadersReceived listener was set');
    return new Promise<Record<string, string[]>>((resolve) =>
      listener({ url, responseHeaders: {} }, (response) => resolve((response as { responseHeaders: Record<string, string[]> }).responseHeaders)),
    );
  },

  /** electron-updater reports download progress / finishes the download it was asked for. */
  updateDownloadProgress: (percent: number) => autoUpdater.progress(percent),
  finishUpdateDownload: () => autoUpdater.finishDownload(),

  /** The 截屏 overlay page reports a selection (or null for Esc), as its preload does. */
  overlayDone(rect: { x: number; y: number; width: number; height: number } | null) {
    const overlay = liveWindow('overlay');
    ipcMain.emit('overlay:done', { sender: overlay.webContents, senderFrame: { url: overlay.webContents.getURL() } }, rect);
  },
};

export type DriverOps = typeof ops;
