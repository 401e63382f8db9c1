-- Softphone (issue 3): SIP accounts per agent, wrap-up codes, the call log (CDR) and customers.

-- One SIP account per agent. The password must be handed back to its agent's workstation for
-- SIP digest auth, so it is stored as given (not hashed); it never leaves in any other response.
CREATE TABLE agent_sip (
  agent_id TEXT PRIMARY KEY REFERENCES agents(id) ON DELETE CASCADE,
  enabled INTEGER NOT NULL,
  ws_server TEXT NOT NULL,
  uri TEXT NOT NULL,
  auth_user TEXT NOT NULL,
  password TEXT NOT NULL,
  display_name TEXT NOT NULL,
  -- JSON array of RTCIceServer-like objects; empty by default (no public STUN).
  ice_servers TEXT NOT NULL DEFAULT '[]',
  updated_at INTEGER NOT NULL
);

-- 话后处理 codes. Fixed ids for the seeded ones so every install names them the same.
CREATE TABLE wrap_up_codes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);
INSERT INTO wrap_up_codes (id, name, enabled, created_at) VALUES
  ('wrap-consulted', '咨询完成', 1, 0),
  ('wrap-callback', '需回访', 1, 1),
  ('wrap-complaint', '投诉处理', 1, 2),
  ('wrap-other', '其他', 1, 3);

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  -- The phone without spaces, dashes or a leading +86: what lookups and uniqueness compare.
  phone_key TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);

-- The call log. The id is made by the workstation, so a re-sent record lands on the same row.
CREATE TABLE calls (
  id TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES agents(id),
  direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  remote_number TEXT NOT NULL,
  remote_key TEXT NOT NULL,
  local_uri TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  answered_at INTEGER,
  ended_at INTEGER NOT NULL,
  duration_seconds INTEGER NOT NULL CHECK (duration_seconds >= 0),
  result TEXT NOT NULL CHECK (result IN ('answered', 'missed', 'rejected', 'busy', 'failed', 'cancelled', 'transferred')),
  wrap_up_code_id TEXT REFERENCES wrap_up_codes(id),
  note TEXT NOT NULL DEFAULT '',
  customer_id TEXT REFERENCES customers(id),
  synced_at INTEGER NOT NULL
);
CREATE INDEX calls_agent_started ON calls(agent_id, started_at);
CREATE INDEX calls_started ON calls(started_at);
CREATE INDEX calls_remote_key ON calls(remote_key, started_at);
