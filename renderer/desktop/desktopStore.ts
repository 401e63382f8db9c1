import { create } from 'zustand';
import type { AppError } from '../../shared/errors.js';
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

export const useDesktopStore = create<DesktopStore>((set, get) => ({
  state: null,
  unavailable: false,
  settingsRequests: 0,
  screenshotRequests: 0,
  async load() {
    const result = await invoke('desktop:get-state', undefined);
    if (result.ok) {
      get().apply(result.value);
      return null;
    }
    if (noDesktop(result.error)) {
      set({ unavailable: true });
      return null;
    }
    return result.error;
  },
  async update(patch) {
    const result = await invoke('desktop:update-settings', patch);
    if (result.ok) {
      get().apply(result.value);
      return null;
    }
    if (noDesktop(result.error)) {
      set({ unavailable: true });
      return null;
    }
    return result.error;
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
}));
