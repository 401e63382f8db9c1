/**
 * Self-update (自动更新), without Electron: asks the server's update folder at start and every few
 * hours, downloads a newer version in the background (progress for the page), and installs it
 * when the agent clicks 立即重启 or on quit — by the rules of update-policy.ts. The updater itself
 * (electron-updater in electron/main) comes in through UpdaterPort; the timer through Timers.
 */
import { fail, ok, type Result } from '../../../shared/errors.js';
import { updateFeedUrl } from '../../../shared/protocol/updates.js';
import type { UpdateState } from '../../../shared/ipc/updates.js';
import type { Log } from '../logger.js';
import { decideInstall, shouldTake, type Activity } from './update-policy.js';

export interface UpdaterPort {
  /** Reads the feed; the version it offers, or null (nothing there, or the updater is inactive). */
  check(feedUrl: string): Promise<{ version: string } | null>;
  /** Downloads the version the last check offered; progress in percent. */
  download(onProgress: (percent: number) => void): Promise<void>;
  /** Quits through the app's quit rules and runs the installer; false when the agent cancelled the quit. */
  installNow(): Promise<boolean>;
  /** Whether the downloaded update is installed when the app quits. */
  setInstallOnQuit(allowed: boolean): void;
}

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface UpdateControllerDeps {
  port: UpdaterPort;
  activity(): Activity;
  serverUrl(): string;
  currentVersion: string;
  clock(): number;
  onChanged(state: UpdateState): void;
  log: Log;
  /** False where the app cannot update itself (a development build): nothing is asked or installed. Default true. */
  available?: boolean;
  timers?: Timers;
  /** Default every 4 hours: agents leave the app running for days. */
  checkEveryMs?: number;
}

export interface UpdateController {
  state(): UpdateState;
  /** Checks now and starts the timer. */
  start(): void;
  /** Stops the timer; a check still under way changes nothing afterwards. */
  stop(): void;
  checkNow(): Promise<UpdateState>;
  restartNow(): Promise<Result<UpdateState>>;
  /** The app is quitting: install then only if the rules allow it now. */
  beforeQuit(): void;
}

export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;
const nodeTimers: Timers = { setInterval: (callback, ms) => setInterval(callback, ms), clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout) };

export function createUpdateController(deps: UpdateControllerDeps): UpdateController {
  const timers = deps.timers ?? nodeTimers;
  const available = deps.available ?? true;
  let state: UpdateState = {
    available,
    phase: 'idle',
    currentVersion: deps.currentVersion,
    version: null,
    percent: null,
    blockedBy: null,
    error: null,
    checkedAt: null,
  };
  let timer: unknown = null;
  let stopped = false;
  let running: Promise<UpdateState> | null = null;

  function change(patch: Partial<UpdateState>) {
    if (stopped) return;
    state = { ...state, ...patch };
    deps.onChanged(state);
  }

  async function checkOnce(): Promise<UpdateState> {
    change({ phase: 'checking', error: null });
    try {
      const offered = await deps.port.check(updateFeedUrl(deps.serverUrl()));
      change({ checkedAt: deps.clock() });
      if (!offered || !shouldTake(deps.currentVersion, offered.version)) {
        if (offered) deps.log(`update feed offers ${offered.version}; staying with ${deps.currentVersion}`, undefined, 'info');
        change({ phase: 'idle', version: null, percent: null });
        return state;
      }
      change({ phase: 'downloading', version: offered.version, percent: 0 });
      await deps.port.download((percent) => change({ percent: Math.max(0, Math.min(100, Math.round(percent))) }));
      change({ phase: 'downloaded', percent: null });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log('update check or download failed', message);
      change({ phase: 'failed', version: null, percent: null, error: message.slice(0, 500) });
    }
    return state;
  }

  function checkNow(): Promise<UpdateState> {
    // A downloaded update waits for its install; one check at a time.
    if (!available || state.phase === 'downloaded') return Promise.resolve(state);
    running ??= checkOnce().finally(() => (running = null));
    return running;
  }

  return {
    state: () => state,
    start() {
      if (timer !== null || stopped || !available) return;
      timer = timers.setInterval(() => void checkNow(), deps.checkEveryMs ?? CHECK_EVERY_MS);
      void checkNow();
    },
    stop() {
      stopped = true;
      if (timer !== null) timers.clearInterval(timer);
      timer = null;
    },
    checkNow,
    async restartNow() {
      if (state.phase !== 'downloaded') return fail('INVALID_STATE', 'no update has been downloaded yet', { reason: 'not-downloaded' });
      const decision = decideInstall(true, deps.activity());
      if (!decision.install) {
        change({ blockedBy: decision.blockedBy });
        const message =
          decision.blockedBy === 'call'
            ? 'a call is in progress: restart to install once it has ended'
            : 'messages are still waiting to be sent: restart to install once they are sent';
        return fail('INVALID_STATE', message, { reason: decision.blockedBy ?? 'unknown' });
      }
      change({ blockedBy: null });
      const quitting = await deps.port.installNow();
      if (!quitting) deps.log('立即重启 cancelled at the quit question; the update stays downloaded', undefined, 'info');
      return ok(state);
    },
    beforeQuit() {
      const decision = decideInstall(state.phase === 'downloaded', deps.activity());
      deps.port.setInstallOnQuit(decision.install);
      if (!decision.install && decision.blockedBy)
        deps.log(`the downloaded update ${state.version} is not installed on this quit (${decision.blockedBy}); it waits for the next one`, undefined, 'info');
    },
  };
}
