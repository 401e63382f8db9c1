-- SQLite's migration 024 (实时监控): node heartbeats, agents' presence with their phone status, the phone log.
CREATE TABLE server_nodes (
  node_id TEXT PRIMARY KEY,
  started_at BIGINT NOT NULL,
  beat_at BIGINT NOT NULL
);

CREATE TABLE agent_presence (
  agent_id TEXT NOT NULL,
  node_id TEXT NOT NULL,
  since BIGINT NOT NULL,
  phone_status TEXT CHECK (phone_status IN ('unregistered', 'idle', 'busy', 'dnd', 'ringing', 'talking', 'wrap-up')),
  phone_since BIGINT,
  PRIMARY KEY (agent_id, node_id)
);
CREATE INDEX agent_presence_node ON agent_presence (node_id);

CREATE TABLE phone_activity (
  id TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('unregistered', 'idle', 'busy', 'dnd', 'ringing', 'talking', 'wrap-up')),
  reason TEXT NOT NULL,
  -- Mirrors SQLite's rowid: the order of facts written in the same millisecond.
  rowid BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX phone_activity_agent ON phone_activity (agent_id, at);
