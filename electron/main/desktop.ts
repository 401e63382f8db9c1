/**
 * Wires the desktop services to Electron: tray, auto-start, away on lock, quit rules, settings,
 * screenshots and the global shortcut. Decisions live in electron/services/desktop; this file
 * only adapts Electron objects to their ports.
 */
import { app, dialog, globalShortcut, Notification, powerMonitor, type BrowserWindow } from 'electron';
import { EventEmitter } from 'node:events';
import type { AgentStatus } from '../../shared/domain.js';
import { fail, ok, type Result } from '../../shared/errors.js';
import { createAutoStart } from '../services/desktop/autostart.js';
import { createDesktopHost, type ElectronDesktopHost } from '../services/desktop/desktop-host.js';
import type { DesktopSettingsStore } from '../services/desktop/desktop-settings.js';
import { createLockStateTracker, platformSendsLockEvents } from '../services/desktop/lock-state.js';
import { createPresenceWatcher, type PowerEvent } from '../services/desktop/presence-watcher.js';
import { runQuitFlow } from '../services/desktop/quit-flow.js';
import type { SafeSecretStore } from '../services/desktop/safe-storage-secret-store.js';
import { createTrayController } from '../services/desktop/tray-controller.js';
import { quitQuestion } from '../services/desktop/window-rules.js';
import type { Workstation } from '../services/workstation.js';
import { openElectronDesktopSettings } from './desktop-settings-store.js';
import { selectScreenRegion } from './screenshot-overlay.js';
import { trackOwnStatus } from './own-status.js';
import { createElectronTrayPort } from './tray.js';

export interface DesktopHostOptions {
  dataDir: string;
  resourcesDir: string;
  overlayPreload: string;
  secrets: SafeSecretStore;
  window(): BrowserWindow | null;
  showWindow(): void;
  /** Sends the captured region as a message (through the workstation's `call`). */
  sendScreenshot(conversationId: string, png: Buffer): Promise<Result<unknown>>;
  /** 退出系统 with the quit rules (the desktop shell, once started). */
  quit(): Promise<boolean>;
}

export interface ElectronDesktop {
  host: ElectronDesktopHost;
  settings: DesktopSettingsStore;
}

/**
 * The desktop host handed to createWorkstation: settings with their OS side effects, screenshots,
 * quit. Built before the workstation so the services get it at construction.
 */
export function createElectronDesktop(options: DesktopHostOptions): ElectronDesktop {
  const settings = openElectronDesktopSettings(options.dataDir);
  const autoStart = createAutoStart({
    platform: process.platform,
    home: app.getPath('home'),
    xdgConfigHome: process.env.XDG_CONFIG_HOME,
    executable: process.env.APPIMAGE ?? process.execPath,
    loginItems: app,
  });
  const host = createDesktopHost({
    settings,
    autoStart,
    secrets: options.secrets,
    async captureScreenshot(conversationId) {
      const hide = settings.get().screenshotHidesWindow;
      const window = options.window();
      if (hide) window?.hide();
      try {
        const selection = await selectScreenRegion(options.resourcesDir, options.overlayPreload);
        if (!selection) return ok({ sent: false });
        const sent = await options.sendScreenshot(conversationId, selection.png);
        return sent.ok ? ok({ sent: true }) : sent;
      } catch (error) {
        return fail('INTERNAL', `截屏失败：${error instanceof Error ? error.message : String(error)}`);
      } finally {
        if (hide) options.showWindow();
      }
    },
    quit: async () => ok({ quitting: await options.quit() }),
    onStateChanged: (state) => sendToWindow(options.window, 'desktop:state-changed', state),
  });
  return { host, settings };
}

function sendToWindow(window: () => BrowserWindow | null, channel: string, payload: unknown): void {
  const current = window();
  if (current && !current.isDestroyed()) current.webContents.send(channel, payload);
}

export interface DesktopShellOptions {
  workstation: Workstation;
  desktop: ElectronDesktop;
  resourcesDir: string;
  window(): BrowserWindow | null;
  showWindow(): void;
  /** Lets the window close for real (the close handler hides it otherwise). */
  allowClose(): void;
}

export interface DesktopShell {
  host: ElectronDesktopHost;
  quit(): Promise<boolean>;
  /** 立即重启 for an update: the same rules as 退出系统, then `install` instead of the plain quit. */
  quitForUpdate(install: () => void): Promise<boolean>;
  /** The OS session ends (logoff, shutdown): 离开 on the server and quit, without asking. */
  endSession(): Promise<boolean>;
  stop(): void;
}

/** Seconds of no input before getSystemIdleState says 'idle'; only 'locked' is read from it. */
const IDLE_STATE_THRESHOLD_S = 60;

export function startDesktopShell(options: DesktopShellOptions): DesktopShell {
  const { workstation } = options;
  const { host, settings } = options.desktop;
  const status = trackOwnStatus(workstation);
  const setStatus = (next: AgentStatus) => workstation.call('agent:set-status', { status: next });

  const quitFlow = (ask: boolean, leave: () => void = () => app.quit()) =>
    runQuitFlow({
      loggedIn: () => status() !== null,
      openConversations: async () => {
        const list = await workstation.call('conversations:list', undefined);
        return list.ok ? list.value.filter((c) => c.state !== 'ended').length : 0;
      },
      async confirm(open) {
        // The session is ending: the agent already chose to leave, and nobody would answer.
        if (!ask) return true;
        const question = quitQuestion(open);
        const window = options.window();
        const answer = window
          ? await dialog.showMessageBox(window, {
              type: 'question',
              title: question.title,
              message: question.message,
              buttons: question.buttons,
              defaultId: 1,
              cancelId: 1,
            })
          : await dialog.showMessageBox({
              type: 'question',
              title: question.title,
              message: question.message,
              buttons: question.buttons,
              defaultId: 1,
              cancelId: 1,
            });
        return answer.response === 0;
      },
      setAway: () => setStatus('away'),
      exit() {
        options.allowClose();
        leave();
      },
      log: (message) => workstation.log(message),
    });
  const quit = () => quitFlow(true);
  let ending: Promise<boolean> | null = null;
  const endSession = () => (ending ??= quitFlow(false));

  const sendToPage = (channel: string, payload: unknown) => sendToWindow(options.window, channel, payload);
  host.reconcileAutoStart();
  // The login form's 开机自动启动 checkbox is stored with the workstation settings: follow it.
  workstation.on('session:changed', (snapshot) => {
    if (snapshot.settings.autoStart !== settings.get().autoStart) host.updateSettings({ autoStart: snapshot.settings.autoStart });
  });

  const { port, tray } = createElectronTrayPort(options.resourcesDir, options.window, (id) => void trayController.menuClicked(id));
  const trayController = createTrayController({
    port,
    setStatus,
    openWindow: options.showWindow,
    openSettings() {
      options.showWindow();
      sendToPage('desktop:open-settings', {});
    },
    quit: () => void quit(),
    onError: (message) => new Notification({ title: '客服工作台', body: message }).show(),
  });
  const detachTray = trayController.attach(workstation);
  const watchFocus = (window: BrowserWindow | null) => {
    window?.on('focus', () => trayController.windowFocused(true));
    window?.on('blur', () => trayController.windowFocused(false));
  };
  watchFocus(options.window());

  // Linux sends no lock-screen/unlock-screen: read the lock from the idle state on the presence
  // timer and raise the same events (lock-state.ts).
  const polledLockEvents = new EventEmitter();
  const lockTracker = platformSendsLockEvents(process.platform) ? null : createLockStateTracker((event) => polledLockEvents.emit(event));
  const presence = createPresenceWatcher({
    power: {
      on(event: PowerEvent, listener: () => void) {
        powerMonitor.on(event as 'lock-screen', listener);
        polledLockEvents.on(event, listener);
        return () => {
          powerMonitor.removeListener(event as 'lock-screen', listener);
          polledLockEvents.removeListener(event, listener);
        };
      },
      getSystemIdleTime: () => powerMonitor.getSystemIdleTime(),
    },
    currentStatus: status,
    setStatus,
    settings: () => settings.get(),
    log: (message) => workstation.log(message),
  });
  const idleTimer = setInterval(() => {
    lockTracker?.update(powerMonitor.getSystemIdleState(IDLE_STATE_THRESHOLD_S));
    void presence.checkIdle();
  }, 15_000);
  // Linux and macOS shutdown or reboot: delay it until 离开 is on the server, then quit. Electron
  // passes a preventable event (its typings leave the argument out).
  const onShutdown = (...args: unknown[]) => {
    (args[0] as Electron.Event | undefined)?.preventDefault();
    void endSession();
  };
  powerMonitor.on('shutdown', onShutdown);

  const shortcut = settings.get().screenshotShortcut;
  if (shortcut) {
    const registered = globalShortcut.register(shortcut, () => sendToPage('desktop:screenshot-requested', {}));
    if (!registered) workstation.log(`global shortcut ${shortcut} is taken by another program`);
  }

  return {
    host,
    quit,
    quitForUpdate: (install) => quitFlow(true, install),
    endSession,
    stop() {
      clearInterval(idleTimer);
      powerMonitor.removeListener('shutdown', onShutdown);
      presence.stop();
      detachTray();
      globalShortcut.unregisterAll();
      tray.destroy();
    },
  };
}
