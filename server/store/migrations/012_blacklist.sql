-- 黑名单 (issue 13): visitors by id, visitors' addresses (one IP or a CIDR range, stored in one
-- canonical spelling) and callers' phone numbers (as phoneKey compares them). An entry with
-- expires_at in the past no longer blocks; it stays until removed, so the console can show it.
-- created_by_account is copied so an entry still names its author after the account is deleted;
-- hence no foreign key to agents.
CREATE TABLE blacklist (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('visitor', 'ip', 'phone')),
  value TEXT NOT NULL,
  -- For a visitor: their name when listed (the console shows who it was).
  label TEXT,
  reason TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  created_by_id TEXT NOT NULL,
  created_by_account TEXT NOT NULL
);
-- Every check asks "is this visitor / number listed": by kind and value.
CREATE INDEX blacklist_kind_value ON blacklist (kind, value);
CREATE INDEX blacklist_created ON blacklist (created_at);
