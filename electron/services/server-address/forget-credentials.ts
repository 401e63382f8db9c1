/**
 * A password, a refresh token and 自动登录 are for one server. When the workstation moves to
 * another, none of them may travel there by themselves: the agent types the password once on the
 * new server (and ticks 记住密码 again if they want).
 */
import { BUILT_IN_SERVER_URL } from '../../../shared/server-address.js';
import type { Db } from '../cache/database.js';
import { getStoredSession } from '../cache/session-repo.js';
import { getSettings, saveSettings } from '../cache/settings-repo.js';
import type { SecretStore } from '../session/secret-store.js';
import { passwordKey } from '../session/session.js';
import { forgetSession } from '../session/stored-session.js';

export function forgetServerCredentials(db: Db, secrets: SecretStore): void {
  forgetSession(db, secrets, getStoredSession(db)?.agent.id ?? null);
  // Only lastAccount is read: the address passed for serverUrl plays no part.
  const { lastAccount } = getSettings(db, BUILT_IN_SERVER_URL);
  if (lastAccount) secrets.delete(passwordKey(lastAccount));
  saveSettings(db, { rememberPassword: false, autoLogin: false });
}
