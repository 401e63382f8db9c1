/**
 * A start-up that throws (here: a corrupt cache file; in the field also better-sqlite3 built for
 * the wrong ABI) must not leave a process with no window and no tray that holds the
 * single-instance lock, so that every later start quits silently: the agent gets a message box,
 * the error is logged, and the app ends, letting go of the lock.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { removeTempDirs } from '../../../electron/services/test-support/temp-dir.js';
import { launchFor, type Platform } from '../support/layouts.js';
import { launchMain } from '../support/main-process.js';

afterAll(() => removeTempDirs());

describe.each<Platform>(['linux', 'win32'])('a start-up that throws, as %s (packaged)', (platform) => {
  it('shows an error box in Chinese and English, logs the error, and ends the app without holding the lock', async () => {
    const main = await launchMain({ ...launchFor('packaged', platform, inject('packagedApp')), env: { KEFU_SERVER_URL: 'http://127.0.0.1:9' } });
    try {
      writeFileSync(join(main.folder, 'data/workstation.sqlite'), 'this is not a SQLite database, it is what a disk error leaves behind');
      await main.call('ready');
      const box = await main.call('until', { api: 'dialog.showErrorBox' }, 5_000);
      const [title, content] = box.args as [string, string];
      expect(title).toContain('客服工作台');
      expect(title).toContain('Kefu Desk');
      expect(content).toContain('file is not a database');
      expect(content).toContain(join(main.folder, 'data'));
      await main.call('until', { api: 'process.ended' }, 5_000);
      const state = await main.call('state');
      expect(state.app.lockHeld).toBe(false);
      expect(state.app.endedWith).not.toBe(0);
      expect(state.windows.filter((window) => !window.destroyed)).toEqual([]);
      expect(main.output).toContain('file is not a database');
      expect(await main.call('records', 'process.unhandledRejection')).toEqual([]);
    } finally {
      main.stop();
    }
  });
});
