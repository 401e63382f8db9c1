/**
 * Wires electron-updater's autoUpdater to the services' update controller (the rules live there):
 * generic provider at <server in use>/updates/, no download before the controller chose the
 * version, and the install on quit switched per quit by the controller. 立即重启 goes through the
 * app's quit rules (the question about open conversations, 离开 on the server) before the
 * installer runs.
 */
import { app, type BrowserWindow } from 'electron';
import electronUpdater, { type ProgressInfo } from 'electron-updater';
import { createLog } from '../services/logger.js';
import { createUpdateController, type UpdateController, type UpdaterPort } from '../services/updates/update-controller.js';
import { bindUpdateController } from '../services/updates/update-handlers.js';
import type { Workstation } from '../services/workstation.js';

export interface UpdaterOptions {
  workstation: Workstation;
  /** Runs the quit rules; `install` takes the place of the plain quit. False when the agent cancelled. */
  quitForUpdate(install: () => void): Promise<boolean>;
  window(): BrowserWindow | null;
}

export function startUpdater(options: UpdaterOptions): UpdateController {
  // CommonJS package: its named exports are not visible to Node's ESM loader, the default is.
  const { autoUpdater } = electronUpdater;
  const log = createLog('updates');
  autoUpdater.logger = {
    info: (message?: unknown) => log(String(message), undefined, 'info'),
    warn: (message?: unknown) => log(String(message)),
    error: (message?: unknown) => log(String(message), undefined, 'error'),
  };
  autoUpdater.autoDownload = false;
  // True, so electron-updater hooks the quit once an update is downloaded; each quit then sets it.
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;
  // An 'error' event with no listener would throw in the main process; the promises carry it too.
  autoUpdater.on('error', (error: Error) => log('updater error', error.message));

  const port: UpdaterPort = {
    async check(feedUrl) {
      autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
      const result = await autoUpdater.checkForUpdates();
      return result?.isUpdateAvailable ? { version: result.updateInfo.version } : null;
    },
    async download(onProgress) {
      const listener = (progress: ProgressInfo) => onProgress(progress.percent);
      autoUpdater.on('download-progress', listener);
      try {
        await autoUpdater.downloadUpdate();
      } finally {
        autoUpdater.off('download-progress', listener);
      }
    },
    installNow: () => options.quitForUpdate(() => autoUpdater.quitAndInstall(true, true)),
    setInstallOnQuit(allowed) {
      autoUpdater.autoInstallOnAppQuit = allowed;
    },
  };

  const controller = createUpdateController({
    port,
    // A development build is not packed: electron-updater would only say it skips the check.
    available: app.isPackaged,
    activity: () => options.workstation.activity(),
    serverUrl: () => options.workstation.serverUrl(),
    currentVersion: app.getVersion(),
    clock: Date.now,
    onChanged(state) {
      const window = options.window();
      if (window && !window.isDestroyed()) window.webContents.send('update:changed', state);
    },
    log,
  });
  bindUpdateController(options.workstation.handlers, controller);
  controller.start();
  return controller;
}
