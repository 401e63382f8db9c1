/**
 * Electron main: thin glue. Data dir = userData; server URL from KEFU_SERVER_URL or the stored
 * setting; the services (electron/services) do the work; the renderer talks to them only through
 * the contract registered in ipc.ts.
 */
import { app, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createWorkstation, type Workstation } from '../services/workstation.js';
import { forwardEvents, registerIpc } from './ipc.js';
import { createSafeStorageSecretStore } from './safe-storage-secret-store.js';
import { createMainWindow } from './window.js';

const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../preload/index.cjs');
const rendererIndex = join(here, '../../renderer/index.html');
const devServerUrl = process.env.KEFU_RENDERER_URL;
const pageUrl = devServerUrl ?? pathToFileURL(rendererIndex).toString();

/** Our own page: the built index.html (file://, same path) or the dev server's origin. */
function isOwnPage(url: string): boolean {
  if (devServerUrl) return url.startsWith(new URL(devServerUrl).origin + '/');
  return url.split(/[?#]/)[0] === pageUrl;
}

let workstation: Workstation | null = null;

async function start(): Promise<void> {
  await app.whenReady();
  // No permission (camera, notifications via web API, geolocation…) unless a later issue grants it.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const dataDir = app.getPath('userData');
  workstation = createWorkstation({ dataDir, serverUrl: process.env.KEFU_SERVER_URL, secretStore: createSafeStorageSecretStore(dataDir) });
  registerIpc(workstation, isOwnPage);
  const window = createMainWindow(preloadPath);
  const stopForwarding = forwardEvents(workstation, window);
  window.on('closed', stopForwarding);
  await window.loadURL(pageUrl);
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => workstation?.close());

if (!app.requestSingleInstanceLock()) app.quit();
else void start();
