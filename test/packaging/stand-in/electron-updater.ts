/**
 * The recording stand-in for electron-updater's autoUpdater (the resolve hook maps the bare
 * specifier here). The feed's offer comes from the OS facts (`updateFeed`); the download runs until
 * the test reports progress and finishes it (driver-ops). It behaves as electron-updater 6 does
 * where the main could get it wrong:
 *
 * - checkForUpdates answers null when the app is not packaged; a missing feed rejects and emits
 *   'error' — and an 'error' with no listener throws, as with any EventEmitter;
 * - an offer is "available" when its version differs from the app's and is newer by number
 *   (allowDowngrade off); it does not look at pre-releases (the generic provider does not);
 * - downloadUpdate before a check that found an update rejects ("Please check update first");
 * - the install on quit is hooked when a download finishes, and only if autoInstallOnAppQuit is
 *   true then; at quit it installs only if autoInstallOnAppQuit is still true and the exit code is 0;
 * - quitAndInstall without a download emits 'error' and does not quit; with one it runs the
 *   installer and quits the app on the next turn.
 */
import { EventEmitter } from 'node:events';
import { app } from './app.js';
import { facts } from './os-facts.js';
import { record } from './recorder.js';

type Offer = { version: string };

const core = (version: string) => version.split(/[-+]/)[0]!.split('.').map(Number);
function newer(offered: string, current: string): boolean {
  const [a, b] = [core(offered), core(current)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  return false;
}

class StandInAutoUpdater extends EventEmitter {
  logger: unknown = null;
  autoDownload = true;
  allowDowngrade = false;
  private installOnQuit = true;
  private feed: unknown = null;
  private offered: Offer | null = null;
  private downloaded: Offer | null = null;
  private pending: { resolve(files: string[]): void } | null = null;
  private quitHookAdded = false;
  private quitAndInstallCalled = false;

  get autoInstallOnAppQuit(): boolean {
    return this.installOnQuit;
  }

  set autoInstallOnAppQuit(value: boolean) {
    record('autoUpdater.autoInstallOnAppQuit', [value]);
    this.installOnQuit = value;
  }

  setFeedURL(options: unknown): void {
    record('autoUpdater.setFeedURL', [options]);
    this.feed = options;
  }

  async checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: Offer } | null> {
    record('autoUpdater.checkForUpdates', [this.feed]);
    if (!app.isPackaged) return null;
    const offer = facts.updateFeed;
    if (!offer) {
      const error = new Error('Cannot find channel "latest.yml" update info: HttpError: 404');
      this.emit('error', error);
      throw error;
    }
    const available = offer.version !== facts.appVersion && newer(offer.version, facts.appVersion);
    if (available) this.offered = offer;
    return { isUpdateAvailable: available, updateInfo: offer };
  }

  downloadUpdate(): Promise<string[]> {
    record('autoUpdater.downloadUpdate', [this.offered?.version ?? null]);
    if (!this.offered) {
      const error = new Error('Please check update first');
      this.emit('error', error);
      return Promise.reject(error);
    }
    const offer = this.offered;
    return new Promise<string[]>((resolve) => {
      this.pending = {
        resolve: (files) => {
          this.downloaded = offer;
          if (this.installOnQuit && !this.quitHookAdded) {
            this.quitHookAdded = true;
            app.once('quit', (_event: unknown, exitCode: number) => this.onQuit(exitCode));
          }
          this.emit('update-downloaded', offer);
          resolve(files);
        },
      };
    });
  }

  quitAndInstall(isSilent = false, isForceRunAfter = false): void {
    record('autoUpdater.quitAndInstall', [isSilent, isForceRunAfter]);
    if (!this.downloaded || this.quitAndInstallCalled) {
      this.emit('error', new Error("No update filepath provided, can't quit and install"));
      return;
    }
    this.quitAndInstallCalled = true;
    record('autoUpdater.install', [{ version: this.downloaded.version, silent: isSilent, runAfter: isForceRunAfter, onQuit: false }]);
    setImmediate(() => app.quit());
  }

  /** The test reports download progress (driver-ops). */
  progress(percent: number): void {
    if (!this.pending) throw new Error('stand-in: no update download in progress');
    this.emit('download-progress', { percent, bytesPerSecond: 1, total: 100, transferred: percent });
  }

  /** The test lets the download finish (driver-ops). */
  finishDownload(): void {
    if (!this.pending) throw new Error('stand-in: no update download in progress');
    const pending = this.pending;
    this.pending = null;
    pending.resolve(['/tmp/stand-in-update']);
  }

  private onQuit(exitCode: number): void {
    if (this.quitAndInstallCalled) return;
    if (!this.installOnQuit) return record('autoUpdater.installOnQuitSkipped', [this.downloaded?.version ?? null]);
    if (exitCode !== 0) return;
    record('autoUpdater.install', [{ version: this.downloaded?.version ?? null, silent: true, runAfter: false, onQuit: true }]);
  }
}

export const autoUpdater = new StandInAutoUpdater();

/** electron-updater is CommonJS: `import electronUpdater from 'electron-updater'` gets the module object. */
const electronUpdater = { autoUpdater };
// eslint-disable-next-line no-restricted-exports -- the real module's default export (see above)
export default electronUpdater;
