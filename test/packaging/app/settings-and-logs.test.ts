/**
 * The built main, packaged, as Linux: its desktop settings go through electron-store (not conf,
 * which the services use under plain Node), reading an older release's file through the
 * migrations; it logs to rotating files in its data folder; and 导出日志 asks the save dialog
 * where, then writes a real zip there with the logs and the manifest.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeTempDirs, tempDir } from '../../../electron/services/test-support/temp-dir.js';
import { readZip } from '../../../electron/services/test-support/zip-reader.js';
import { AGENT1, startBackend, type Backend } from '../support/backend.js';
import { launchFor } from '../support/layouts.js';
import { launchMain, type MainProcess } from '../support/main-process.js';

let backend: Backend;
let main: MainProcess;
let dataDir: string;
const packaged = inject('packagedApp');
const settingsFile = () => join(dataDir, 'desktop-settings.json');
const readSettingsFile = () =>
  JSON.parse(readFileSync(settingsFile(), 'utf8')) as Record<string, unknown> & { __internal__: { migrations: { version: string } } };

beforeAll(async () => {
  backend = await startBackend();
  dataDir = tempDir('kefu-standin-data-');
  // What the first release wrote: the old key names and Windows shortcut notation (layout 1.0.0).
  writeFileSync(
    join(dataDir, 'desktop-settings.json'),
    JSON.stringify({
      autoStart: false,
      closeToTrayNoticeShown: true,
      awayOnLock: false,
      hideOnCapture: true,
      shortcut: 'Ctrl+Alt+Q',
      __internal__: { migrations: { version: '1.0.0' } },
    }),
  );
  main = await launchMain({ ...launchFor('packaged', 'linux', packaged), env: { KEFU_SERVER_URL: backend.url, KEFU_DATA_DIR: dataDir } });
  await main.call('ready');
  await main.call('until', { api: 'Tray.setContextMenu' });
});
afterAll(async () => {
  main?.stop();
  await backend?.dispose();
  removeTempDirs();
});

describe('desktop settings in electron-store (packaged, Linux)', () => {
  it('electron-store opened them: it registered its ipcMain listener, in the app data folder', async () => {
    const listeners = (await main.call('records', 'ipcMain.on')).map((call) => call.args[0]);
    expect(listeners).toContain('electron-store-get-data');
    expect((await main.call('state')).app.userData).toBe(dataDir);
  });

  it('read the 1.0.0 file through the migrations (keyed by the settings layout, not the app version)', async () => {
    const state = await main.call('invoke', 'desktop:get-state', undefined);
    expect(state).toMatchObject({
      ok: true,
      value: {
        settings: {
          screenshotHidesWindow: true,
          screenshotShortcut: 'CommandOrControl+Alt+Q',
          awayOnLock: false,
          restorePreviousStatus: true,
          idleAwayMinutes: 15,
        },
      },
    });
    const onDisk = readSettingsFile();
    expect(onDisk.__internal__.migrations.version).toBe('2.0.0');
    expect(onDisk.hideOnCapture).toBeUndefined();
    // The shortcut the main registered is the migrated one.
    expect((await main.call('records', 'globalShortcut.register')).map((call) => call.args[0])).toEqual(['CommandOrControl+Alt+Q']);
  });

  it('a change over IPC is written to that same file', async () => {
    await main.call('invoke', 'desktop:update-settings', { idleAwayMinutes: 7 });
    expect(readSettingsFile().idleAwayMinutes).toBe(7);
  });
});

describe('log files and 导出日志 (packaged, Linux)', () => {
  it('logs to rotating files in the data folder from start-up on', async () => {
    expect(await main.call('invoke', 'session:login', { ...AGENT1, rememberPassword: false, autoLogin: false, autoStart: false })).toMatchObject({ ok: true });
    const log = readFileSync(join(dataDir, 'logs', 'kefu-desk.1.log'), 'utf8');
    const messages = log
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { name: string; msg: string });
    expect(messages).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'main', msg: 'starting' }), expect.objectContaining({ name: 'workstation', msg: 'logged in' })]),
    );
  });

  it('asks the save dialog (over the window, a dated .zip in Downloads) and writes a zip with the logs and the manifest there', async () => {
    const target = join(tempDir('kefu-export-'), 'for-support.zip');
    await main.call('setFacts', { savePaths: [target] });
    const from = await main.call('nextSeq');
    const result = await main.call('invoke', 'logs:export', undefined);
    expect(result).toMatchObject({ ok: true, value: { outcome: 'saved', path: target } });

    const [asked] = (await main.call('records', 'dialog.showSaveDialog')).filter((call) => call.seq >= from);
    const [options, answer] = asked!.args as [{ defaultPath: string; filters: { extensions: string[] }[] }, { parent: boolean }];
    expect(answer.parent).toBe(true);
    expect(options.defaultPath).toMatch(/\/downloads\/kefu-desk-logs-\d{8}-\d{6}\.zip$/);
    expect(options.filters[0]!.extensions).toEqual(['zip']);

    const archive = readFileSync(target);
    expect((result as { value: { bytes: number } }).value.bytes).toBe(archive.length);
    const entries = await readZip(archive);
    expect(entries.map((entry) => entry.name)).toEqual(['manifest.json', 'logs/kefu-desk.1.log']);
    const manifest = JSON.parse(entries[0]!.text) as { app: string; version: string; shell: string; os: { platform: string }; files: { name: string }[] };
    expect(manifest).toMatchObject({
      app: packaged.packageJson.productName,
      version: packaged.packageJson.version,
      shell: 'electron',
      os: { platform: 'linux' },
    });
    expect(entries[1]!.text).toContain('"msg":"logged in"');
    expect(entries.some((entry) => entry.text.includes(AGENT1.password))).toBe(false);

    const progress = (await main.call('records', 'webContents.send')).filter((call) => call.seq >= from && call.args[0] === 'logs:export-progress');
    expect(progress.length).toBeGreaterThan(0);
    const last = progress.at(-1)!.args[1] as { done: number; total: number };
    expect(last.done).toBe(last.total);
  });

  it('a cancelled dialog writes nothing', async () => {
    await main.call('setFacts', { savePaths: [null] });
    expect(await main.call('invoke', 'logs:export', undefined)).toEqual({ ok: true, value: { outcome: 'cancelled' } });
  });
});
