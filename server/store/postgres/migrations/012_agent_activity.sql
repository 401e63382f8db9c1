-- SQLite's migration 019 (实时监控): the agent activity log and the wallboard's day indexes.
CREATE TABLE agent_activity (
  id TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('login', 'logout', 'status', 'assigned')),
  status TEXT CHECK (status IN ('online', 'busy', 'away', 'offline')),
  reason TEXT NOT NULL,
  session_id TEXT,
  conversation_id TEXT,
  -- Mirrors SQLite's rowid: the order of facts written in the same millisecond.
  rowid BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX agent_activity_agent ON agent_activity (agent_id, kind, at);
CREATE INDEX agent_activity_at ON agent_activity (at);
CREATE INDEX agent_activity_conversation ON agent_activity (conversation_id);

CREATE INDEX conversations_created_at ON conversations (created_at);
CREATE INDEX conversations_ended_at ON conversations (ended_at);
CREATE INDEX conversations_evaluation_at ON conversations (evaluation_at);
