/** The workstation window with secure defaults: isolated, sandboxed, no Node, no webview, no navigation away. */
import { BrowserWindow, shell, type Session } from 'electron';
import { contentSecurityPolicy, decideNavigation, decidePermission } from '../services/desktop/window-rules.js';

export function createMainWindow(preloadPath: string, iconPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: '客服工作台',
    icon: iconPath,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Hidden in the tray is this window's normal state, and it still plays the ringtone, carries
      // call audio (WebRTC) and raises alerts: throttled timers would delay or drop them.
      backgroundThrottling: false,
      // Middle-click must not open links in new windows (electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  lockDown(window);
  return window;
}

/** Links from visitors open in the system browser (http/https only); the page never leaves itself. */
export function lockDown(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideNavigation(url) === 'open-external') void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Session-wide: CSP header on every response, and permissions only for our page (microphone,
 * screen capture). The CSP is built per response from `csp()`, so connect-src follows the server
 * the agent switches to (服务器地址) from the next response on; the page itself reaches the server
 * only through the services, so a page already loaded needs no reload.
 */
export function secureSession(session: Session, isOwnPage: (url: string) => boolean, csp: () => Parameters<typeof contentSecurityPolicy>[0]): void {
  let built: { key: string; policy: string } | null = null;
  const policy = () => {
    const input = csp();
    const key = JSON.stringify(input);
    if (built?.key !== key) built = { key, policy: contentSecurityPolicy(input) };
    return built.policy;
  };
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy()] } });
  });
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes as string[] | undefined) : undefined;
    callback(decidePermission({ permission, requestingUrl: details.requestingUrl ?? contents.getURL(), mediaTypes }, isOwnPage));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermission(
      { permission, requestingUrl: details.requestingUrl ?? requestingOrigin, mediaTypes: details.mediaType ? [details.mediaType] : undefined },
      isOwnPage,
    ),
  );
}
