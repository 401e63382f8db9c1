-- SQLite's migration 021 (访客监控 / 主动邀请): automatic invitation rules and invitations.
-- 自动邀请 rules. group_id has no foreign key: a deleted group leaves the rule with nobody to
-- answer it (it then sends nothing) instead of blocking the group's deletion.
CREATE TABLE invitation_rules (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  enabled BIGINT NOT NULL,
  url_pattern TEXT NOT NULL,
  dwell_seconds BIGINT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('any', 'search', 'referral', 'direct', 'campaign')),
  source_pattern TEXT NOT NULL,
  returning_only BIGINT NOT NULL,
  group_id TEXT,
  text TEXT NOT NULL,
  per_visitor_per_day BIGINT NOT NULL,
  per_day BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
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
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  answered_at BIGINT,
  conversation_id TEXT
);
CREATE INDEX invitations_visitor ON invitations (visitor_id, created_at);
CREATE INDEX invitations_created ON invitations (created_at);
CREATE INDEX invitations_rule ON invitations (rule_id, created_at);
CREATE INDEX invitations_state ON invitations (state, expires_at);
