/**
 * The logged-in agent's own status, as the quit rules and the away-on-lock watcher need it.
 * session:changed carries our agent on every change of it; agent:updated is every agent of the
 * roster, so following it made the last colleague's status ours (a colleague 离开 and a screen
 * lock did nothing; a colleague 忙碌 and unlocking restored 忙碌).
 */
import type { AgentStatus } from '../../shared/domain.js';
import type { Workstation } from '../services/workstation.js';

export function trackOwnStatus(workstation: Pick<Workstation, 'on'>): () => AgentStatus | null {
  let status: AgentStatus | null = null;
  workstation.on('session:changed', (snapshot) => (status = snapshot.agent?.status ?? null));
  return () => status;
}
