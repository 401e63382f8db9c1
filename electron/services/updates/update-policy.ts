/**
 * The self-update rules, pure: which offered version to take, and when an update may be installed.
 * An install restarts the app, which ends a call and would leave messages the agent wrote waiting
 * until the next start: so it waits while a call is in progress or the outbox is not empty.
 */
import type { UpdateBlocker } from '../../../shared/ipc/updates.js';
import { compareVersions, parseVersion } from './version.js';

export interface Activity {
  /** A call ringing, dialling, talking or held. */
  callActive: boolean;
  /** Messages written here and not yet stored by the server. */
  unsentMessages: number;
}

export type InstallDecision = { install: true } | { install: false; blockedBy: UpdateBlocker | null };

/** 立即重启 and the install on quit: an update downloaded, no call, nothing waiting to be sent. */
export function decideInstall(downloaded: boolean, activity: Activity): InstallDecision {
  if (!downloaded) return { install: false, blockedBy: null };
  if (activity.callActive) return { install: false, blockedBy: 'call' };
  if (activity.unsentMessages > 0) return { install: false, blockedBy: 'outbox' };
  return { install: true };
}

/**
 * Take an offered version only when it is newer than the running one — never a downgrade, even
 * when an admin leaves an older latest.yml in the folder — and a pre-release only for an
 * installation already running one (a test rollout stays with the test machines).
 */
export function shouldTake(current: string, offered: string): boolean {
  const [running, candidate] = [parseVersion(current), parseVersion(offered)];
  if (!running || !candidate) return false;
  if (candidate.prerelease.length > 0 && running.prerelease.length === 0) return false;
  return compareVersions(candidate, running) > 0;
}
