/**
 * 导出日志 in the desktop app: the services' saveLogArchive with Electron's save dialog as its
 * port (parented to the workstation window, so it is modal there and cannot get lost behind
 * it), and the packing progress sent to that window.
 */
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { FileLogging } from '../services/logging/file-logging.js';
import { bindLogExport } from '../services/logging/log-export-handlers.js';
import { saveLogArchive } from '../services/logging/log-export.js';
import type { Workstation } from '../services/workstation.js';

export function bindElectronLogExport(workstation: Workstation, logging: FileLogging, window: () => BrowserWindow | null): void {
  const liveWindow = () => {
    const current = window();
    return current && !current.isDestroyed() ? current : null;
  };
  bindLogExport(workstation.handlers, () =>
    saveLogArchive({
      logging,
      app: { name: app.getName(), version: app.getVersion(), shell: 'electron' },
      async chooseSavePath(suggestedName) {
        const options: SaveDialogOptions = {
          title: '导出日志',
          defaultPath: join(app.getPath('downloads'), suggestedName),
          filters: [{ name: 'ZIP', extensions: ['zip'] }],
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        };
        const parent = liveWindow();
        const answer = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
        return answer.canceled || !answer.filePath ? null : answer.filePath;
      },
      onProgress: (progress) => liveWindow()?.webContents.send('logs:export-progress', progress),
    }),
  );
}
