-- SQLite's migration 012: the blacklist (黑名单).
CREATE TABLE blacklist (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('visitor', 'ip', 'phone')),
  value TEXT NOT NULL,
  label TEXT,
  reason TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT,
  created_by_id TEXT NOT NULL,
  created_by_account TEXT NOT NULL,
  -- Mirrors SQLite's rowid: the order of entries added in the same millisecond.
  rowid BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX blacklist_kind_value ON blacklist (kind, value);
CREATE INDEX blacklist_created ON blacklist (created_at);
