/**
 * Where a login's tokens are kept between starts. The access token sits in the cache (it dies
 * when idle for half an hour). The refresh token lives for weeks, so when the agent ticked 记住密码
 * it goes to the SecretStore (OS-encrypted, like the password); otherwise — or when the OS cannot
 * encrypt and the SecretStore keeps nothing — it sits beside the access token in the cache.
 */
import type { Db } from '../cache/database.js';
import { clearSession, getStoredSession, saveSession, type StoredSession } from '../cache/session-repo.js';
import type { SecretStore } from './secret-store.js';

const refreshKey = (agentId: string) => `refresh-token:${agentId}`;

export function keepSession(db: Db, secrets: SecretStore, session: StoredSession, rememberPassword: boolean): void {
  const key = refreshKey(session.agent.id);
  if (rememberPassword && session.refreshToken) {
    secrets.set(key, session.refreshToken);
    // Read back: a SecretStore without OS encryption keeps nothing, and the token must not be lost.
    if (secrets.get(key) === session.refreshToken) return saveSession(db, { ...session, refreshToken: null });
  }
  secrets.delete(key);
  saveSession(db, session);
}

export function restoreSession(db: Db, secrets: SecretStore): StoredSession | null {
  const stored = getStoredSession(db);
  if (!stored || stored.refreshToken) return stored;
  return { ...stored, refreshToken: secrets.get(refreshKey(stored.agent.id)) };
}

export function forgetSession(db: Db, secrets: SecretStore, agentId: string | null): void {
  if (agentId) secrets.delete(refreshKey(agentId));
  clearSession(db);
}
