/**
 * Handlers for the desktop section of the contract. The services cannot reach Electron, so the
 * Electron shell binds a DesktopHost (built from the ports in electron/main) over the defaults;
 * the browser shell keeps the defaults, which say plainly that there is no desktop here.
 */
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { InvokeResponse } from '../../../shared/ipc/contract.js';
import type { DesktopSettings, DesktopState, desktopInvokeChannels } from '../../../shared/ipc/desktop.js';
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

/** The browser shell's answers (the only dependency-free ones). */
export function createDesktopHandlers(): DesktopHandlers {
  return {
    'desktop:get-state': async () => ok(BROWSER_DESKTOP_STATE),
    'desktop:update-settings': async () => fail('INVALID_STATE', NO_DESKTOP),
    'desktop:capture-screenshot': async () => fail('INVALID_STATE', NO_DESKTOP),
    'desktop:quit': async () => fail('INVALID_STATE', NO_DESKTOP),
  };
}

/** The Electron shell replaces the defaults with its host (the dispatcher looks handlers up per call). */
export function bindDesktopHost(handlers: InvokeHandlers, host: DesktopHost): void {
  const bound: DesktopHandlers = {
    'desktop:get-state': async () => ok(host.state()),
    'desktop:update-settings': async (patch) => ok(host.updateSettings(patch)),
    'desktop:capture-screenshot': ({ conversationId }) => host.captureScreenshot(conversationId),
    'desktop:quit': () => host.quit(),
  };
  Object.assign(handlers, bound);
}
