import type { Migration } from './index.js';

/**
 * Session lifetime (issue 9): the login's refresh token beside its access token, so a restarted
 * workstation renews an expired token without the password. NULL when there is none, or when the
 * agent ticked 记住密码 and the OS keychain holds it instead (session/stored-session.ts).
 */
export const migration009: Migration = {
  version: 9,
  name: 'session-refresh-token',
  sql: `ALTER TABLE session ADD COLUMN refresh_token TEXT;`,
};
