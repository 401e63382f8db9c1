/**
 * The real Electron window, tray wiring and preload contract, in the app as packaged (built by
 * app.setup.ts: better-sqlite3 for Electron's ABI, the package.json that names the app). Runs only
 * where an Electron binary exists (`npx tsx test/electron/run.ts`); skipped here with one line.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary, NO_BINARY, packagedExecutable } from './electron-binary.js';

test.skip(!electronBinary(), NO_BINARY);

test('secure window, preload exposes exactly the contract, its own name and data folder, close to tray', async () => {
  // The app's own data folder (KEFU_DATA_DIR moves userData): the tester's profile stays untouched.
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-electron-'));
  const app = await electron.launch({
    executablePath: packagedExecutable(),
    env: { ...process.env, KEFU_SERVER_URL: 'http://127.0.0.1:9', KEFU_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    expect(await page.title()).toContain('客服工作台');
    expect(
      await app.evaluate(({ app: electronApp }) => ({
        name: electronApp.getName(),
        userData: electronApp.getPath('userData'),
        packaged: electronApp.isPackaged,
      })),
    ).toEqual({
      name: 'Kefu Desk',
      userData: dataDir,
      packaged: true,
    });
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0]!;
      // getLastWebPreferences exists at run time (Electron ≥ 30) but is not in the typings.
      const p = (w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
      return {
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        webviewTag: p.webviewTag,
        backgroundThrottling: p.backgroundThrottling,
      };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, backgroundThrottling: false });
    expect(await page.evaluate(() => Object.keys((window as unknown as { kefu: object }).kefu).sort())).toEqual(['invoke', 'on']);
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    const state = await page.evaluate(() =>
      (window as unknown as { kefu: { invoke(c: string, r: unknown): Promise<unknown> } }).kefu.invoke('desktop:get-state', undefined),
    );
    expect(state).toMatchObject({ ok: true, value: { available: true } });
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible())).toBe(false);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
