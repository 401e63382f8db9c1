/** Preload of the 截屏 overlay: receives the captured picture, reports the selection (or null). Nothing else. */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('kefuOverlay', {
  onImage(listener: (dataUrl: string) => void) {
    ipcRenderer.on('overlay:image', (_event, dataUrl: unknown) => {
      if (typeof dataUrl === 'string') listener(dataUrl);
    });
  },
  done(rect: { x: number; y: number; width: number; height: number } | null) {
    ipcRenderer.send('overlay:done', rect ? { x: Number(rect.x), y: Number(rect.y), width: Number(rect.width), height: Number(rect.height) } : null);
  },
});
