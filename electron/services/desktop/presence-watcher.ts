/**
 * Away on lock, suspend or long idle, and back to the previous status afterwards (configurable).
 * Electron's powerMonitor comes in through a port; status changes go through the same
 * `agent:set-status` handler as the switcher, so the server decides and everyone sees it.
 */
import type { Agent, AgentStatus } from '../../../shared/domain.js';
import type { Result } from '../../../shared/errors.js';

export type PowerEvent = 'lock-screen' | 'unlock-screen' | 'suspend' | 'resume';

export interface PowerMonitorPort {
  on(event: PowerEvent, listener: () => void): () => void;
  /** Seconds since the last keyboard/mouse input. */
  getSystemIdleTime(): number;
}

export interface PresenceSettings {
  awayOnLock: boolean;
  restorePreviousStatus: boolean;
  /** 0 = never go away for idleness. */
  idleAwayMinutes: number;
}

export interface PresenceWatcherDeps {
  power: PowerMonitorPort;
  /** The logged-in agent's status, null when logged out. */
  currentStatus(): AgentStatus | null;
  setStatus(status: AgentStatus): Promise<Result<Agent>>;
  settings(): PresenceSettings;
  log?(message: string): void;
}

export interface PresenceWatcher {
  /** Poll once for idleness (the shell calls this on a timer). */
  checkIdle(): Promise<void>;
  stop(): void;
}

export function createPresenceWatcher(deps: PresenceWatcherDeps): PresenceWatcher {
  /** The status to go back to, set only when WE made the agent away. */
  let previous: AgentStatus | null = null;
  let idleAway = false;

  async function goAway(reason: string) {
    const status = deps.currentStatus();
    if (!deps.settings().awayOnLock || !status || status === 'away' || previous) return;
    const result = await deps.setStatus('away');
    if (result.ok) previous = status;
    deps.log?.(`away (${reason}): ${result.ok ? 'done' : result.error.message}`);
  }

  async function comeBack(reason: string) {
    const target = previous;
    previous = null;
    idleAway = false;
    // The agent may have chosen a status by hand meanwhile (e.g. from the phone): leave it.
    if (!target || !deps.settings().restorePreviousStatus || deps.currentStatus() !== 'away') return;
    const result = await deps.setStatus(target);
    deps.log?.(`back to ${target} (${reason}): ${result.ok ? 'done' : result.error.message}`);
  }

  const offs = [
    deps.power.on('lock-screen', () => void goAway('lock')),
    deps.power.on('suspend', () => void goAway('suspend')),
    deps.power.on('unlock-screen', () => void comeBack('unlock')),
    deps.power.on('resume', () => void comeBack('resume')),
  ];

  return {
    async checkIdle() {
      const minutes = deps.settings().idleAwayMinutes;
      if (minutes <= 0) return;
      const idle = deps.power.getSystemIdleTime() >= minutes * 60;
      if (idle && !previous) {
        await goAway('idle');
        idleAway = previous !== null;
      } else if (!idle && idleAway) await comeBack('input');
    },
    stop: () => offs.forEach((off) => off()),
  };
}
