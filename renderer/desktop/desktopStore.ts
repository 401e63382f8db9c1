import { create } from 'zustand';
import type { AppError, Result } from '../../shared/errors.js';
import type { DesktopSettings, DesktopState } from '../../shared/ipc/desktop.js';
import { invoke } from '../app/kefu.js';

export type DesktopSettingsPatch = Partial<Omit<DesktopSettings, 'closeToTrayNoticeShown'>>;

interface DesktopStore {
  /** Null until loaded; the browser shell answers `available: false` (or INVALID_STATE). */
  state: DesktopState | null;
  /** True when this shell has no desktop (browser shell): the section is shown disabled. */
  unavailable: boolean;
  /** Bumped by the tray's 设置 item; the workstation opens its settings modal on change. */
  settingsRequests: number;
  /** Bumped by the global 截屏 shortcut; the workstation captures into the open conversation. */
  screenshotRequests: number;
  load(): Promise<AppError | null>;
  update(patch: DesktopSettingsPatch): Promise<AppError | null>;
  apply(state: DesktopState): void;
  requestSettings(): void;
  requestScreenshot(): void;
}

/** INVALID_STATE is how a shell without Electron says "no desktop here" — not a failure to report. */
const noDesktop = (error: AppError) => error.code === 'INVALID_STATE';

export const useDesktopStore = create<DesktopStore>((set, get) => {
  /** Both load and update answer a DesktopState: apply it, or note that this shell has no desktop. */
  async function applyAnswer(pending: Promise<Result<DesktopState>>): Promise<AppError | null> {
    const result = await pending;
    if (result.ok) {
      get().apply(result.value);
      return null;
    }
    if (noDesktop(result.error)) {
      set({ unavailable: true });
      return null;
    }
    return result.error;
  }

  return {
    state: null,
    unavailable: false,
    settingsRequests: 0,
    screenshotRequests: 0,
    load() {
      return applyAnswer(invoke('desktop:get-state', undefined));
    },
    update(patch) {
      return applyAnswer(invoke('desktop:update-settings', patch));
    },
    apply(state) {
      set({ state, unavailable: !state.available || state.settings === null });
    },
    requestSettings() {
      set({ settingsRequests: get().settingsRequests + 1 });
    },
    requestScreenshot() {
      set({ screenshotRequests: get().screenshotRequests + 1 });
    },
  };
});
