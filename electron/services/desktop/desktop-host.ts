/**
 * The desktop host the Electron shell binds to the contract: settings (with their OS side
 * effects, e.g. auto-start) and password-remembering ability in one state, plus the screenshot
 * and quit actions the shell supplies.
 */
import type { DesktopSettings, DesktopState } from '../../../shared/ipc/desktop.js';
import type { AutoStart } from './autostart.js';
import type { DesktopHost } from './desktop-handlers.js';
import type { DesktopSettingsStore } from './desktop-settings.js';
import { ENCRYPTION_UNAVAILABLE, type SafeSecretStore } from './safe-storage-secret-store.js';

export interface DesktopHostDeps {
  settings: DesktopSettingsStore;
  autoStart: AutoStart;
  secrets: Pick<SafeSecretStore, 'canRemember'>;
  captureScreenshot: DesktopHost['captureScreenshot'];
  quit: DesktopHost['quit'];
  onStateChanged(state: DesktopState): void;
}

export interface ElectronDesktopHost extends DesktopHost {
  /** Make the OS match the stored setting (e.g. the AppImage moved since the entry was written). */
  reconcileAutoStart(): void;
  markCloseNoticeShown(): void;
}

export function createDesktopHost(deps: DesktopHostDeps): ElectronDesktopHost {
  const state = (): DesktopState => {
    const canRememberPassword = deps.secrets.canRemember();
    return { available: true, settings: deps.settings.get(), canRememberPassword, notice: canRememberPassword ? null : ENCRYPTION_UNAVAILABLE };
  };
  const changed = () => {
    const next = state();
    deps.onStateChanged(next);
    return next;
  };
  return {
    state,
    updateSettings(patch: Partial<DesktopSettings>) {
      if (patch.autoStart !== undefined) deps.autoStart.set(patch.autoStart);
      deps.settings.update(patch);
      return changed();
    },
    captureScreenshot: (conversationId) => deps.captureScreenshot(conversationId),
    quit: () => deps.quit(),
    reconcileAutoStart() {
      const wanted = deps.settings.get().autoStart;
      if (deps.autoStart.isEnabled() !== wanted || wanted) deps.autoStart.set(wanted);
    },
    markCloseNoticeShown() {
      deps.settings.update({ closeToTrayNoticeShown: true });
    },
  };
}
