-- 访客监控 / 主动邀请 (issue 14): invitations to browsing visitors and the automatic rules (自动邀请).
-- Who is on the site is not stored (open browse sockets say it); an invitation is a stored fact, so
-- its stats are counts of rows and a restart never leaves one pending past its expiry.

-- 自动邀请 rules. group_id has no foreign key: a deleted group leaves the rule with nobody to
-- answer it (it then sends nothing) instead of blocking the group's deletion.
CREATE TABLE invitation_rules (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  url_pattern TEXT NOT NULL,
  dwell_seconds INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('any', 'search', 'referral', 'direct', 'campaign')),
  source_pattern TEXT NOT NULL,
  returning_only INTEGER NOT NULL,
  group_id TEXT,
  text TEXT NOT NULL,
  per_visitor_per_day INTEGER NOT NULL,
  per_day INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- One row per invitation, agent's (agent_id) or rule's (rule_id, with the rule's name kept for the
-- stats after the rule is deleted). A pending row past expires_at reads as ignored (忽略) and is
-- written so by the sweep. client_id: the workstation's retry key (NULL for a rule's).
CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  visitor_id TEXT NOT NULL REFERENCES visitors(id),
  agent_id TEXT,
  from_name TEXT NOT NULL,
  rule_id TEXT,
  rule_name TEXT NOT NULL,
  group_id TEXT,
  client_id TEXT UNIQUE,
  text TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'declined', 'ignored')),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  answered_at INTEGER,
  conversation_id TEXT
);
CREATE INDEX invitations_visitor ON invitations (visitor_id, created_at);
CREATE INDEX invitations_created ON invitations (created_at);
CREATE INDEX invitations_rule ON invitations (rule_id, created_at);
CREATE INDEX invitations_state ON invitations (state, expires_at);
