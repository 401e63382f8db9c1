/**
 * Electron main: thin glue. Data dir = userData (KEFU_DATA_DIR moves it); the server is the
 * agent's choice, else KEFU_SERVER_URL or kefu-desk.json (deployment-server.ts), else built in; the services (electron/services) do the work; the
 * renderer talks to them only through the contract registered in ipc.ts. Desktop behaviour (tray,
 * close to tray, quit rules, auto-start, away on lock, screenshots) is decided in
 * electron/services/desktop.
 */
import { app, BrowserWindow, dialog, Notification, safeStorage, session } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSafeStorageSecretStore } from '../services/desktop/safe-storage-secret-store.js';
import { startedHidden } from '../services/desktop/autostart.js';
import { decideWindowClose, isOwnPageUrl, secondInstanceSteps, startupFailureMessage, STILL_RUNNING_NOTICE } from '../services/desktop/window-rules.js';
import { createLog } from '../services/logger.js';
import { startFileLogging, type FileLogging } from '../services/logging/file-logging.js';
import { createWorkstation, type Workstation } from '../services/workstation.js';
import { APP_USER_MODEL_ID } from './app-identity.js';
import { screenshotMessage } from '../services/desktop/screenshot.js';
import { createElectronDesktop, startDesktopShell, type DesktopShell } from './desktop.js';
import { forwardEvents, registerIpc } from './ipc.js';
import { bindElectronLogExport } from './log-export.js';
import { osKeychain } from './keychain.js';
import { createMainWindow, secureSession } from './window.js';
import { deploymentServer } from './deployment-server.js';
import { startUpdater } from './updater.js';
import type { UpdateController } from '../services/updates/update-controller.js';

const log = createLog('main');
// Before anything can show a notification: Windows shows toasts only for the installer's id.
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
// The whole profile (our data and Chromium's) moves, so a second profile or a test never touches
// the agent's own; it only takes effect before 'ready'.
if (process.env.KEFU_DATA_DIR) app.setPath('userData', resolve(process.env.KEFU_DATA_DIR));

const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../preload/index.cjs');
const overlayPreload = join(here, '../preload/overlay.cjs');
const rendererIndex = join(here, '../../renderer/index.html');
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'app.asar.unpacked/resources') : join(here, '../../../resources');
const devServerUrl = process.env.KEFU_RENDERER_URL;
const fileUrl = pathToFileURL(rendererIndex).toString();
const pageUrl = devServerUrl ?? fileUrl;
const isOwnPage = (url: string) => isOwnPageUrl(url, { fileUrl, devServerUrl });

let workstation: Workstation | null = null;
let window: BrowserWindow | null = null;
let desktop: DesktopShell | null = null;
let fileLogging: FileLogging | null = null;
let updater: UpdateController | null = null;
let quitting = false;

function showWindow(): void {
  for (const step of secondInstanceSteps({ exists: !!window && !window.isDestroyed(), minimized: !!window?.isMinimized(), visible: !!window?.isVisible() })) {
    if (step === 'create') openWindow(true);
    else if (step === 'restore') window?.restore();
    else if (step === 'show') window?.show();
    else window?.focus();
  }
}

function openWindow(visible: boolean): void {
  if (!workstation) return;
  const opened = createMainWindow(preloadPath, join(resourcesDir, 'icon.png'));
  window = opened;
  const stopForwarding = forwardEvents(workstation, opened);
  opened.on('closed', () => {
    stopForwarding();
    if (window === opened) window = null;
  });
  // Windows logoff or shutdown: 'before-quit' never comes, so go 离开 here without asking. Not on
  // 'query-session-end': another program may still cancel the logoff, and we would have quit.
  opened.on('session-end', () => void desktop?.endSession());
  opened.on('close', (event) => {
    const decision = decideWindowClose({ quitting, stillRunningNoticeShown: desktop?.host.state().settings?.closeToTrayNoticeShown ?? true });
    if (decision.action === 'close') return;
    event.preventDefault();
    opened.hide();
    if (decision.notifyStillRunning && Notification.isSupported()) {
      new Notification({ title: STILL_RUNNING_NOTICE.title, body: STILL_RUNNING_NOTICE.body }).show();
      desktop?.host.markCloseNoticeShown();
    }
  });
  if (visible) opened.once('ready-to-show', () => opened.show());
  void opened.loadURL(pageUrl);
}

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = app.getPath('userData');
  // Before the services start, so their first lines are in the files 导出日志 packs. Without
  // files (a folder that cannot be written) the app still runs, logging to the terminal.
  fileLogging = await startFileLogging(join(dataDir, 'logs')).catch((error: unknown) => {
    log('log files could not be opened; logging to the terminal only', error);
    return null;
  });
  log('starting', { version: app.getVersion(), platform: process.platform, packaged: app.isPackaged }, 'info');
  const secrets = createSafeStorageSecretStore(dataDir, osKeychain(safeStorage, process.platform));
  // Before the workstation: the services get the desktop host at construction. Its two actions
  // need what is built after it (the workstation, the quit rules) and run only once both exist.
  const electronDesktop = createElectronDesktop({
    dataDir,
    resourcesDir,
    overlayPreload,
    secrets,
    window: () => window,
    showWindow,
    sendScreenshot: (conversationId, png) => ready.call('conversations:send-message', screenshotMessage(conversationId, png, new Date())),
    quit: async () => (desktop ? desktop.quit() : false),
  });
  const ready = createWorkstation({ dataDir, ...deploymentServer(log), secretStore: secrets, desktop: electronDesktop.host });
  workstation = ready;
  if (fileLogging) bindElectronLogExport(workstation, fileLogging, () => window);
  // CSP: our code only; the backend (REST + realtime); SIP over WebSocket from KEFU_SIP_WS_URL (the
  // softphone registers from the services process, so the page itself rarely needs it).
  const sipWsUrls = (process.env.KEFU_SIP_WS_URL ?? '').split(',').filter(Boolean);
  // connect-src follows the server in use: the agent can switch it on the login page (服务器地址).
  secureSession(session.defaultSession, isOwnPage, () => ({ serverUrl: ready.serverUrl(), sipWsUrls, devServerUrl }));
  registerIpc(workstation, isOwnPage);
  openWindow(!startedHidden(process.argv));
  desktop = startDesktopShell({
    workstation,
    desktop: electronDesktop,
    resourcesDir,
    window: () => window,
    showWindow,
    allowClose: () => (quitting = true),
  });
  const shell = desktop;
  updater = startUpdater({ workstation, quitForUpdate: (install) => shell.quitForUpdate(install), window: () => window });
}

// Hidden to the tray is not "all closed": the app lives on until 退出系统.
app.on('window-all-closed', () => undefined);
app.on('before-quit', (event) => {
  if (quitting || !desktop) return;
  // Quit from the OS (Cmd+Q, logout): run the same rules as 退出系统.
  event.preventDefault();
  void desktop.quit();
});
/** Set once the services have closed: the next will-quit lets the app end. */
let servicesClosed = false;
app.on('will-quit', (event) => {
  if (servicesClosed || !workstation) return;
  // The services close through their gate (calls in flight finish before the cache closes), which
  // takes a moment: hold the quit, close them, then quit again.
  event.preventDefault();
  const closing = workstation;
  // Before the services close: whether the update installs now depends on a call and the outbox.
  updater?.beforeQuit();
  updater?.stop();
  desktop?.stop();
  void closing
    .close()
    .catch((error: unknown) => log('closing the services failed', error instanceof Error ? error.stack : error, 'error'))
    .finally(() => {
      servicesClosed = true;
      fileLogging?.stop();
      app.quit();
    });
});
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

/**
 * A start that throws would otherwise leave no window, no tray and no word, in a process that
 * holds the single-instance lock, so every later start quits silently: say what failed, log it,
 * close what was opened, and end (which lets go of the lock).
 */
function failedToStart(error: unknown): void {
  quitting = true;
  log('start-up failed', error instanceof Error ? error.stack : error, 'error');
  const box = startupFailureMessage(error, app.getPath('userData'));
  dialog.showErrorBox(box.title, box.content);
  const closing = (async () => {
    desktop?.stop();
    await workstation?.close();
  })();
  void closing
    .catch((error: unknown) => log('closing after the failed start failed', error instanceof Error ? error.stack : error, 'error'))
    .finally(() => {
      fileLogging?.stop();
      app.exit(1);
    });
}

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => showWindow());
  start().catch(failedToStart);
}
