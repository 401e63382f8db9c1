/**
 * The recording stand-in for the `electron` module, for loading the built main bundle under
 * plain Node where no Electron binary exists. The resolve hook (electron-hook.mjs) maps the
 * bare specifier 'electron' here. Only what the main process uses is modelled; a name the
 * bundle imports that is missing here fails the load (ESM link error), which is the point.
 */
export { app } from './app.js';
export { StandInBrowserWindow as BrowserWindow } from './browser-window.js';
export { ipcMain } from './ipc-main.js';
export { desktopCapturer, dialog, globalShortcut, Notification, powerMonitor, safeStorage, screen, session, shell } from './system.js';
export { StandInMenu as Menu, StandInTray as Tray, nativeImage, nativeTheme } from './tray.js';
