-- Login guard (issue 9, brute force): failed logins counted per account name within a window, and
-- the lock that follows too many. Keyed by the account name as typed, not by agent id, so names
-- that match no agent are counted and locked the same way (a lock never tells whether an account
-- exists). No foreign key for the same reason. Rows whose window and lock have both passed are
-- dead and get pruned (expires_at); a restart keeps every live lock.
CREATE TABLE login_guard (
  account TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_started_at INTEGER NOT NULL,
  locked_until INTEGER,
  expires_at INTEGER NOT NULL
);
CREATE INDEX login_guard_expires ON login_guard (expires_at);
CREATE INDEX login_guard_locked ON login_guard (locked_until) WHERE locked_until IS NOT NULL;
