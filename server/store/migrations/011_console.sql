-- The management console (issue 13). An admin disables an account instead of deleting it once it
-- has history: disabled_at is set (it cannot log in, its sessions end), and cleared when enabled.
ALTER TABLE agents ADD COLUMN disabled_at INTEGER;

-- 操作日志: every console change, who made it and the target before and after (JSON, passwords
-- never written). actor_account is copied so an entry still names its author after the account
-- is deleted; hence no foreign key to agents.
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_id TEXT NOT NULL,
  actor_account TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT,
  before_json TEXT,
  after_json TEXT
);
-- Newest first (the rowid orders the entries of one millisecond), and per actor or target: the filters.
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
CREATE INDEX audit_log_target ON audit_log (target_id, at);
