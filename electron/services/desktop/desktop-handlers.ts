/**
 * The desktop section of the contract. The services cannot reach Electron, so the Electron shell
 * hands its DesktopHost (built from the ports in electron/main) to createWorkstation; the browser
 * shell has none, and the channels say plainly that there is no desktop here.
 */
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { InvokeResponse } from '../../../shared/ipc/contract.js';
import type { DesktopSettings, DesktopState, desktopInvokeChannels } from '../../../shared/ipc/desktop.js';
import type { Reply, Request } from '../ipc/invoke-types.js';
import type { InvokeHandlers } from '../workstation-handlers.js';

export type DesktopChannel = keyof typeof desktopInvokeChannels;
export type DesktopHandlers = Pick<InvokeHandlers, DesktopChannel>;

export interface DesktopHost {
  state(): DesktopState;
  updateSettings(patch: Partial<Omit<DesktopSettings, 'closeToTrayNoticeShown'>>): DesktopState;
  captureScreenshot(conversationId: string): Promise<Result<InvokeResponse<'desktop:capture-screenshot'>>>;
  quit(): Promise<Result<InvokeResponse<'desktop:quit'>>>;
}

const NO_DESKTOP = '浏览器版没有桌面功能（托盘、开机自动启动、截屏）；请使用桌面客户端。';

export const BROWSER_DESKTOP_STATE: DesktopState = { available: false, settings: null, canRememberPassword: true, notice: NO_DESKTOP };

export interface DesktopService {
  state(): Reply<'desktop:get-state'>;
  updateSettings(patch: Request<'desktop:update-settings'>): Reply<'desktop:update-settings'>;
  captureScreenshot(request: Request<'desktop:capture-screenshot'>): Reply<'desktop:capture-screenshot'>;
  quit(): Reply<'desktop:quit'>;
}

/** Over the shell's host; without one (the browser shell), answers that there is no desktop. */
export function createDesktopService(host: DesktopHost | undefined): DesktopService {
  if (!host) {
    return {
      state: async () => ok(BROWSER_DESKTOP_STATE),
      updateSettings: async () => fail('INVALID_STATE', NO_DESKTOP),
      captureScreenshot: async () => fail('INVALID_STATE', NO_DESKTOP),
      quit: async () => fail('INVALID_STATE', NO_DESKTOP),
    };
  }
  return {
    state: async () => ok(host.state()),
    updateSettings: async (patch) => ok(host.updateSettings(patch)),
    captureScreenshot: ({ conversationId }) => host.captureScreenshot(conversationId),
    quit: () => host.quit(),
  };
}

export function createDesktopHandlers(desktop: DesktopService): DesktopHandlers {
  return {
    'desktop:get-state': () => desktop.state(),
    'desktop:update-settings': (patch) => desktop.updateSettings(patch),
    'desktop:capture-screenshot': (request) => desktop.captureScreenshot(request),
    'desktop:quit': () => desktop.quit(),
  };
}
