/**
 * The desktop shell's decisions, pure so they are tested under Node: what closing the window,
 * quitting, a second start, a navigation, a permission request mean; and the page's CSP. The
 * Electron glue (electron/main) only carries them out.
 */

/** The red X: hide to the tray (SPEC A); only 退出系统 quits. */
export type CloseDecision = { action: 'hide'; notifyStillRunning: boolean } | { action: 'close' };

export function decideWindowClose(input: { quitting: boolean; stillRunningNoticeShown: boolean }): CloseDecision {
  if (input.quitting) return { action: 'close' };
  // Tell the agent once that the app keeps receiving conversations; every time would nag.
  return { action: 'hide', notifyStillRunning: !input.stillRunningNoticeShown };
}

export type QuitDecision =
  /** Nothing open: quit right away (going away first if logged in). */
  | { action: 'quit'; setAwayFirst: boolean }
  /** Open conversations: ask before leaving visitors behind. */
  | { action: 'ask'; openConversations: number };

export function decideQuit(input: { loggedIn: boolean; openConversations: number; confirmed: boolean }): QuitDecision {
  if (input.loggedIn && input.openConversations > 0 && !input.confirmed) return { action: 'ask', openConversations: input.openConversations };
  return { action: 'quit', setAwayFirst: input.loggedIn };
}

export function quitQuestion(openConversations: number): { title: string; message: string; buttons: [string, string] } {
  return {
    title: '退出系统',
    message: `还有 ${openConversations} 个对话未结束。退出后状态将设为离开，新对话不再分配给您。确定退出吗？`,
    buttons: ['退出', '取消'],
  };
}

/**
 * The message box when start-up fails (a corrupt cache, better-sqlite3 built for another ABI…):
 * both languages, because the failure may come before the agent's language is known.
 */
export function startupFailureMessage(error: unknown, dataDir: string): { title: string; content: string } {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    title: '客服工作台无法启动 / Kefu Desk could not start',
    content: [
      `启动时出错：${reason}`,
      `数据文件夹：${dataDir}`,
      '请重新启动客服工作台；如果仍然失败，请把这条信息发给管理员。',
      '',
      `Kefu Desk hit an error while starting: ${reason}`,
      `Data folder: ${dataDir}`,
      'Start it again; if it fails again, send this message to your administrator.',
    ].join('\n'),
  };
}

export const STILL_RUNNING_NOTICE = { title: '客服工作台仍在运行', body: '窗口已隐藏到系统托盘，仍会接收新对话。右键托盘图标选择“退出系统”可退出。' };

/** Starting the app again: bring the running window to the front, whatever state it is in. */
export function secondInstanceSteps(window: { exists: boolean; minimized: boolean; visible: boolean }): ('create' | 'restore' | 'show' | 'focus')[] {
  if (!window.exists) return ['create', 'show', 'focus'];
  const steps: ('restore' | 'show' | 'focus')[] = [];
  if (window.minimized) steps.push('restore');
  if (!window.visible) steps.push('show');
  steps.push('focus');
  return steps;
}

/** A page URL the workstation may load: exactly our page (file URL or the dev server's origin). */
export function isOwnPageUrl(url: string, page: { fileUrl: string; devServerUrl?: string | undefined }): boolean {
  if (page.devServerUrl) {
    try {
      return new URL(url).origin === new URL(page.devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return url.split(/[?#]/)[0] === page.fileUrl;
}

/** Navigation or window.open: never inside the app; http(s) links go to the system browser. */
export function decideNavigation(url: string): 'open-external' | 'deny' {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? 'open-external' : 'deny';
  } catch {
    return 'deny';
  }
}

export interface PermissionRequest {
  permission: string;
  /** The URL of the frame asking. */
  requestingUrl: string;
  /** For 'media': what it wants ('audio', 'video'). */
  mediaTypes?: string[];
}

/**
 * Only our own page, and only the microphone (softphone), screen capture (截屏) and system
 * notifications (the page raises new-conversation and new-message alerts with the Notification
 * API; refused, no alert would ever show while the window is hidden in the tray).
 */
export function decidePermission(request: PermissionRequest, isOwnPage: (url: string) => boolean): boolean {
  if (!isOwnPage(request.requestingUrl)) return false;
  if (request.permission === 'media') {
    const types = request.mediaTypes ?? [];
    return types.length > 0 && types.every((type) => type === 'audio');
  }
  return request.permission === 'display-capture' || request.permission === 'notifications';
}

/** The Content-Security-Policy of the workstation page: our code only, the backend and the SIP WebSocket to talk to. */
export function contentSecurityPolicy(input: { serverUrl: string; sipWsUrls: string[]; devServerUrl?: string | undefined }): string {
  const server = new URL(input.serverUrl);
  const ws = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`;
  const dev = input.devServerUrl ? new URL(input.devServerUrl) : null;
  const self = dev ? `'self' ${dev.origin}` : "'self'";
  const connect = [self, server.origin, ws, ...input.sipWsUrls.map((url) => new URL(url).origin.replace(/^http/, 'ws'))];
  if (dev) connect.push(`ws://${dev.host}`);
  return [
    "default-src 'none'",
    `script-src ${self}`,
    // antd writes style elements at run time (CSS-in-JS); styles cannot run code.
    `style-src ${self} 'unsafe-inline'`,
    `img-src ${self} data: blob: ${server.origin}`,
    `font-src ${self} data:`,
    `connect-src ${[...new Set(connect)].join(' ')}`,
    `media-src ${self} blob: mediastream: ${server.origin}`,
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
