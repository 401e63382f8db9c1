/**
 * The real Electron window, tray wiring and preload contract. Runs only where an Electron binary
 * exists (`npx playwright test -c playwright.electron.config.ts`); skipped here.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The installed binary, found the way the electron package records it (path.txt) — never by
 * `require('electron')`, which starts a download when the binary is missing.
 */
function electronBinary(): string | null {
  const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
test.skip(!binary, 'no Electron binary on this machine (ENVIRONMENT.md: it cannot be downloaded here); runs where one exists');

test('secure window, preload exposes exactly the contract, tray menu and close-to-tray', async () => {
  const app = await electron.launch({ executablePath: binary!, args: [join(process.cwd(), 'dist/electron/main/index.js')], env: { ...process.env, KEFU_SERVER_URL: 'http://127.0.0.1:9' } });
  try {
    const page = await app.firstWindow();
    expect(await page.title()).toContain('客服工作台');
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0]!;
      // getLastWebPreferences exists at run time (Electron ≥ 30) but is not in the typings.
      const p = (w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
      return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webviewTag: p.webviewTag };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(await page.evaluate(() => Object.keys((window as unknown as { kefu: object }).kefu).sort())).toEqual(['invoke', 'on']);
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    const state = await page.evaluate(() => (window as unknown as { kefu: { invoke(c: string, r: unknown): Promise<unknown> } }).kefu.invoke('desktop:get-state', undefined));
    expect(state).toMatchObject({ ok: true, value: { available: true } });
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible())).toBe(false);
  } finally {
    await app.close();
  }
});
