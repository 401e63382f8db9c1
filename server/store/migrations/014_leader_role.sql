-- 组长 (group leader) joins the roles: the members of their own group, in the console. SQLite cannot
-- change a CHECK in place, so the table is rebuilt by SQLite's documented procedure (create, copy,
-- drop, rename); migrate() runs migrations with foreign keys off and checks every reference after.
CREATE TABLE agents_new (
  id TEXT PRIMARY KEY,
  account TEXT NOT NULL UNIQUE COLLATE NOCASE,
  nickname TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'leader', 'agent')),
  password_hash TEXT NOT NULL,
  -- After login the status is 离开 until the agent switches (SPEC A).
  status TEXT NOT NULL DEFAULT 'away' CHECK (status IN ('online', 'busy', 'away')),
  max_concurrent INTEGER NOT NULL CHECK (max_concurrent >= 1),
  group_id TEXT REFERENCES groups(id),
  created_at INTEGER NOT NULL,
  not_responding_since INTEGER,
  disabled_at INTEGER
);
INSERT INTO agents_new (id, account, nickname, role, password_hash, status, max_concurrent, group_id, created_at, not_responding_since, disabled_at)
  SELECT id, account, nickname, role, password_hash, status, max_concurrent, group_id, created_at, not_responding_since, disabled_at FROM agents;
DROP TABLE agents;
ALTER TABLE agents_new RENAME TO agents;
