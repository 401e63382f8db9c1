/**
 * Screen lock where the OS sends no event. Electron emits powerMonitor 'lock-screen' and
 * 'unlock-screen' on Windows and macOS only; on Linux the shell polls the idle state instead
 * ('locked' where the desktop reports its screen lock) and this turns each change into the same
 * two events, so the presence watcher works the same everywhere.
 */
export type IdleState = 'active' | 'idle' | 'locked' | 'unknown';
export type LockEvent = 'lock-screen' | 'unlock-screen';

export const platformSendsLockEvents = (platform: NodeJS.Platform): boolean => platform === 'win32' || platform === 'darwin';

export interface LockStateTracker {
  /** Feed the state read now; emits only on a change. */
  update(state: IdleState): void;
}

export function createLockStateTracker(emit: (event: LockEvent) => void): LockStateTracker {
  let locked = false;
  return {
    update(state) {
      const now = state === 'locked';
      if (now === locked) return;
      locked = now;
      emit(now ? 'lock-screen' : 'unlock-screen');
    },
  };
}
