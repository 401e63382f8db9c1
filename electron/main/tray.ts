/** The Electron edge of the tray: a TrayPort over Tray/Menu/nativeImage, icons from resources/tray. */
import { Menu, Tray, nativeImage, nativeTheme, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { TrayPort } from '../services/desktop/tray-controller.js';
import { trayIconFile, type TrayMenuId, type TraySize } from '../services/desktop/tray-model.js';

export function createElectronTrayPort(
  resourcesDir: string,
  window: () => BrowserWindow | null,
  onMenu: (id: TrayMenuId) => void,
): { port: TrayPort; tray: Tray } {
  // Windows draws 16 px at 100 % scaling (the OS picks @2x variants itself); Linux panels are ~24 px.
  const size: TraySize = process.platform === 'win32' ? 16 : 24;
  const image = (icon: string) => {
    const theme = nativeTheme.shouldUseDarkColors ? 'dark' : 'light';
    return nativeImage.createFromPath(join(resourcesDir, 'tray', trayIconFile(icon, theme, size)));
  };
  const tray = new Tray(image('offline'));
  let current = 'offline';
  let blink: NodeJS.Timeout | null = null;
  const port: TrayPort = {
    setImage(icon) {
      current = icon;
      if (!blink) tray.setImage(image(icon));
    },
    setToolTip: (text) => tray.setToolTip(text),
    setContextMenu(items) {
      const template: MenuItemConstructorOptions[] = items.map((item) => {
        switch (item.kind) {
          case 'separator':
            return { type: 'separator' };
          case 'status':
            return { type: 'radio', label: item.label, checked: item.checked, enabled: item.enabled, click: () => onMenu(item.id) };
          case 'action':
            return { label: item.label, click: () => onMenu(item.id) };
        }
      });
      tray.setContextMenu(Menu.buildFromTemplate(template));
    },
    flash(on) {
      window()?.flashFrame(on);
      if (blink) clearInterval(blink);
      blink = null;
      if (on) {
        let visible = true;
        blink = setInterval(() => {
          visible = !visible;
          tray.setImage(visible ? image(current) : nativeImage.createEmpty());
        }, 500);
      } else tray.setImage(image(current));
    },
  };
  tray.on('click', () => onMenu('open'));
  nativeTheme.on('updated', () => tray.setImage(image(current)));
  return { port, tray };
}
