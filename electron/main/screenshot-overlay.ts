/**
 * 截屏 glue: capture every display (desktopCapturer), show a frameless overlay per display with the
 * captured picture; the overlay page (resources/screenshot/) reports the dragged rectangle on
 * double-click/Enter or null on Esc. Cropping and encoding are the service's (screenshot.ts).
 */
import { BrowserWindow, desktopCapturer, ipcMain, screen, type IpcMainEvent } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodeScreenshot, type SelectionRect } from '../services/desktop/screenshot.js';
import { lockDown } from './window.js';

export interface CapturedSelection {
  png: Buffer;
}

export async function selectScreenRegion(resourcesDir: string, overlayPreload: string): Promise<CapturedSelection | null> {
  const displays = screen.getAllDisplays();
  const largest = displays.reduce(
    (max, d) => ({ width: Math.max(max.width, d.size.width * d.scaleFactor), height: Math.max(max.height, d.size.height * d.scaleFactor) }),
    { width: 0, height: 0 },
  );
  const sources = await desktopCapturer.getSources({ types: ['screen'], thumbnailSize: largest });
  const overlays: BrowserWindow[] = [];
  const pageUrl = pathToFileURL(join(resourcesDir, 'screenshot/overlay.html')).toString();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: CapturedSelection | null) => {
      // destroy() emits 'closed' synchronously, and each overlay's 'closed' calls finish(null):
      // the first answer is the one that counts, so settle before closing anything.
      if (settled) return;
      settled = true;
      ipcMain.removeListener('overlay:done', onDone);
      resolve(result);
      for (const overlay of overlays) if (!overlay.isDestroyed()) overlay.destroy();
    };
    const onDone = (event: IpcMainEvent, raw: unknown) => {
      const index = overlays.findIndex((overlay) => overlay.webContents === event.sender);
      // Only our overlays may answer, and only from our overlay page.
      if (index < 0 || event.senderFrame?.url !== pageUrl) return;
      const rect = raw as SelectionRect | null;
      const display = displays[index]!;
      const source = sources.find((s) => s.display_id === String(display.id)) ?? sources[index];
      if (!rect || !source || typeof rect.x !== 'number' || typeof rect.width !== 'number') return finish(null);
      const size = source.thumbnail.getSize();
      const shot = encodeScreenshot(
        { width: size.width, height: size.height, data: source.thumbnail.toBitmap(), order: 'bgra' },
        rect,
        size.width / display.bounds.width,
      );
      finish(shot.ok ? { png: shot.png } : null);
    };
    ipcMain.on('overlay:done', onDone);
    displays.forEach((display, index) => {
      const overlay = new BrowserWindow({
        ...display.bounds,
        frame: false,
        show: false,
        alwaysOnTop: true,
        skipTaskbar: true,
        fullscreenable: false,
        resizable: false,
        movable: false,
        enableLargerThanScreen: true,
        webPreferences: {
          preload: overlayPreload,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webviewTag: false,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      lockDown(overlay);
      overlays.push(overlay);
      overlay.on('closed', () => finish(null));
      const source = sources.find((s) => s.display_id === String(display.id)) ?? sources[index];
      void overlay.loadURL(pageUrl).then(() => {
        overlay.webContents.send('overlay:image', source?.thumbnail.toDataURL() ?? '');
        overlay.setAlwaysOnTop(true, 'screen-saver');
        overlay.show();
        overlay.focus();
      });
    });
  });
}
