/** The logged-in agent and its session tokens, so a restarted workstation resumes without a password. */
import { AgentSchema, type Agent } from '../../../shared/domain.js';
import type { Db } from './database.js';

export interface StoredSession {
  agent: Agent;
  token: string;
  /**
   * The login's refresh token (renews `token` when it expires). Null in the row when the
   * SecretStore holds it (记住密码) or when there is none.
   */
  refreshToken: string | null;
}

export function getStoredSession(db: Db): StoredSession | null {
  const row = db.prepare('SELECT token, refresh_token, agent FROM session WHERE id = 1').get() as
    { token: string; refresh_token: string | null; agent: string } | undefined;
  if (!row) return null;
  const agent = AgentSchema.safeParse(JSON.parse(row.agent));
  return agent.success ? { agent: agent.data, token: row.token, refreshToken: row.refresh_token } : null;
}

export function saveSession(db: Db, session: StoredSession): void {
  db.prepare(
    `INSERT INTO session (id, agent_id, token, refresh_token, agent) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET agent_id = excluded.agent_id, token = excluded.token, refresh_token = excluded.refresh_token, agent = excluded.agent`,
  ).run(session.agent.id, session.token, session.refreshToken, JSON.stringify(session.agent));
}

export function updateSessionAgent(db: Db, agent: Agent): void {
  db.prepare('UPDATE session SET agent = ? WHERE id = 1 AND agent_id = ?').run(JSON.stringify(agent), agent.id);
}

export function clearSession(db: Db): void {
  db.prepare('DELETE FROM session').run();
}
