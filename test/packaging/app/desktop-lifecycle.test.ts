/**
 * The built main bundle, started as Electron would start it, in the development and the packaged
 * layout, as Linux and as Windows: window, tray, login over IPC against the real backend, status
 * from the tray, close to tray, second start, 退出系统. One scenario per layout, in order.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeTempDirs } from '../../../electron/services/test-support/temp-dir.js';
import { AGENT1, startBackend, type Backend } from '../support/backend.js';
import { EVERY_LAYOUT, launchFor } from '../support/layouts.js';
import { launchMain, type MainProcess } from '../support/main-process.js';

let backend: Backend;
beforeAll(async () => {
  backend = await startBackend();
});
afterAll(async () => {
  await backend.dispose();
  removeTempDirs();
});

describe.each(EVERY_LAYOUT)('%s layout, as %s', (layout, platform) => {
  let main: MainProcess;
  const mainWindow = async () => (await main.call('state')).windows.find((window) => window.role === 'main' && !window.destroyed)!;

  beforeAll(async () => {
    main = await launchMain({ ...launchFor(layout, platform, inject('packagedApp')), env: { KEFU_SERVER_URL: backend.url } });
    await main.call('ready');
    // The tray menu is the last thing start-up puts up.
    await main.call('until', { api: 'Tray.setContextMenu' });
  });
  afterAll(() => main?.stop());

  it('holds the single-instance lock and opens one window on our own page: isolated, sandboxed, no Node', async () => {
    const state = await main.call('state');
    expect(state.app.lockHeld).toBe(true);
    const windows = state.windows.filter((window) => window.role === 'main');
    expect(windows).toHaveLength(1);
    const [window] = windows;
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
    });
    expect(existsSync(String(window!.options.webPreferences!.preload)), 'the preload file the window names').toBe(true);
    expect(window!.url).toMatch(/^file:.*\/dist\/renderer\/index\.html$/);
    expect(existsSync(fileURLToPath(window!.url)), 'the page the window loads').toBe(true);
    await main.call('until', { api: 'BrowserWindow.show', target: `window:${window!.id}` });
    expect(await main.call('records', 'process.unhandledRejection')).toEqual([]);
  });

  it('puts up the tray icon (the file is in the build) with its menu', async () => {
    const [created] = await main.call('records', 'Tray.new');
    expect(created!.args[0]).toMatchObject({ exists: true });
    const { trays } = await main.call('state');
    expect(trays).toHaveLength(1);
    expect(trays[0]!.menu).toEqual(expect.arrayContaining(['在线', '忙碌', '离开', '打开', '设置', '退出系统']));
  });

  it('logs in over IPC from our page against the real backend; another page is refused', async () => {
    const request = { account: AGENT1.account, password: AGENT1.password, rememberPassword: false, autoLogin: false, autoStart: false };
    expect(await main.call('invoke', 'session:login', request, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await main.call('invoke', 'session:login', request)).toMatchObject({ ok: true, value: { account: AGENT1.account } });
    await main.call('until', { api: 'webContents.send', args: ['session:changed', { agent: { account: AGENT1.account } }] });
  });

  it('switches to 在线 from the tray menu: the server has it and the page hears it', async () => {
    await main.call('clickTrayMenu', '在线');
    await main.call('until', { api: 'webContents.send', args: ['agent:updated', { account: AGENT1.account, status: 'online' }] });
    expect(await backend.agentStatus(AGENT1.account)).toBe('online');
  });

  it('the red X hides the window to the tray and says once that the app still runs', async () => {
    expect(await main.call('closeWindow', 'main')).toEqual({ closed: false, visible: false });
    await main.call('clickTrayIcon');
    expect((await mainWindow()).visible).toBe(true);
    expect(await main.call('closeWindow', 'main')).toEqual({ closed: false, visible: false });
    const notices = (await main.call('records', 'Notification.show')).filter((shown) => (shown.args[0] as { title: string }).title === '客服工作台仍在运行');
    expect(notices).toHaveLength(1);
  });

  it('a second start brings the hidden window back to the front', async () => {
    const from = await main.call('nextSeq');
    await main.call('appEvent', 'second-instance', ['kefu-desk'], '/');
    const window = await mainWindow();
    expect(window.visible).toBe(true);
    await main.call('until', { api: 'BrowserWindow.focus', target: `window:${window.id}`, after: from });
  });

  it('退出系统 from the tray: 离开 on the server, then the app quits and lets go of the lock', async () => {
    await main.call('clickTrayMenu', '退出系统');
    await main.call('until', { api: 'process.ended' });
    expect(await backend.agentStatus(AGENT1.account)).toBe('away');
    const state = await main.call('state');
    expect(state.app).toMatchObject({ endedWith: 0, lockHeld: false });
    expect(state.trays.every((tray) => tray.destroyed)).toBe(true);
    expect(state.windows.every((window) => window.destroyed)).toBe(true);
    expect(await main.call('records', 'process.uncaughtException')).toEqual([]);
  });
});
