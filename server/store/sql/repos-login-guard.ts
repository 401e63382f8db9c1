/** SQLite implementation of the login guard's counters (table login_guard, migration 010). */
import type { LoginGuardRepositories, LoginGuardRow } from '../login-guard-types.js';
import { type SqlDb, fromRow, fromRows } from './sql-db.js';

export function sqlLoginGuardRepositories(db: SqlDb): LoginGuardRepositories {
  const byAccount = db.prepare('SELECT * FROM login_guard WHERE account = ?');
  const put = db.prepare(
    `INSERT INTO login_guard (account, failures, window_started_at, locked_until, expires_at)
     VALUES (@account, @failures, @windowStartedAt, @lockedUntil, @expiresAt)
     ON CONFLICT(account) DO UPDATE SET failures = excluded.failures, window_started_at = excluded.window_started_at,
       locked_until = excluded.locked_until, expires_at = excluded.expires_at`,
  );
  const remove = db.prepare('DELETE FROM login_guard WHERE account = ?');
  const lockedAgentRows = db.prepare(
    `SELECT g.* FROM login_guard g JOIN agents a ON LOWER(CAST(a.account AS TEXT)) = LOWER(g.account)
     WHERE g.locked_until > ? ORDER BY g.locked_until, g.account`,
  );
  // DELETE … LIMIT needs a compile option SQLite builds here may lack; a rowid sub-select does not.
  const prune = db.prepare('DELETE FROM login_guard WHERE rowid IN (SELECT rowid FROM login_guard WHERE expires_at <= ? LIMIT ?)');
  return {
    loginGuard: {
      byAccount: (account) => {
        const row = byAccount.get(account);
        return row ? fromRow<LoginGuardRow>(row) : undefined;
      },
      put: (row) => void put.run(row),
      remove: (account) => void remove.run(account),
      lockedAgentRows: (now) => fromRows<LoginGuardRow>(lockedAgentRows.all(now)),
      pruneExpired: (now, limit) => prune.run(now, limit).changes,
    },
  };
}
