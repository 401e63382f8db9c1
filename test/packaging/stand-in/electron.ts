/**
 * The recording stand-in for the `electron` module, for loading the built main bundle under
 * plain Node where no Electron binary exists. The resolve hook (electron-hook.mjs) maps the
 * bare specifier 'electron' here. Only what the main process uses is modelled; a name the
 * bundle imports that is missing here fails the load (ESM link error), which is the point.
 */
import { app } from './app.js';
import { StandInBrowserWindow } from './browser-window.js';
import { ipcMain } from './ipc-main.js';
import { desktopCapturer, dialog, globalShortcut, Notification, powerMonitor, safeStorage, screen, session, shell } from './system.js';
import { StandInMenu, StandInTray, nativeImage, nativeTheme } from './tray.js';

export {
  app,
  StandInBrowserWindow as BrowserWindow,
  ipcMain,
  desktopCapturer,
  dialog,
  globalShortcut,
  Notification,
  powerMonitor,
  safeStorage,
  screen,
  session,
  shell,
};
export { StandInMenu as Menu, StandInTray as Tray, nativeImage, nativeTheme };

/**
 * Electron's module is CommonJS, so `import electron from 'electron'` (electron-store does
 * exactly that) gets the whole module as its default export. The stand-in is ESM and has to say
 * so itself, with the same objects as the named exports.
 */
const electron = {
  app,
  BrowserWindow: StandInBrowserWindow,
  ipcMain,
  desktopCapturer,
  dialog,
  globalShortcut,
  Notification,
  powerMonitor,
  safeStorage,
  screen,
  session,
  shell,
  Menu: StandInMenu,
  Tray: StandInTray,
  nativeImage,
  nativeTheme,
};
// eslint-disable-next-line no-restricted-exports -- the real electron module has this default (see above)
export default electron;
