-- Kefu Desk server schema, version 1. Times are epoch milliseconds.
CREATE TABLE groups (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE agents (
  id TEXT PRIMARY KEY,
  account TEXT NOT NULL UNIQUE COLLATE NOCASE,
  nickname TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'agent')),
  password_hash TEXT NOT NULL,
  -- After login the status is 离开 until the agent switches (SPEC A).
  status TEXT NOT NULL DEFAULT 'away' CHECK (status IN ('online', 'busy', 'away')),
  max_concurrent INTEGER NOT NULL CHECK (max_concurrent >= 1),
  group_id TEXT REFERENCES groups(id),
  created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL
);

CREATE TABLE visitors (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  -- The group or agent named by the widget link this visitor came through (指定客服).
  pref_group_id TEXT REFERENCES groups(id),
  pref_agent_id TEXT REFERENCES agents(id),
  created_at INTEGER NOT NULL
);

CREATE TABLE topics (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  room_no TEXT NOT NULL,
  visitor_id TEXT NOT NULL REFERENCES visitors(id),
  agent_id TEXT REFERENCES agents(id),
  group_id TEXT REFERENCES groups(id),
  requested_agent_id TEXT REFERENCES agents(id),
  state TEXT NOT NULL CHECK (state IN ('queued', 'active', 'ended')),
  started_by TEXT NOT NULL CHECK (started_by IN ('visitor', 'transfer')),
  ended_by TEXT CHECK (ended_by IN ('visitor', 'agent', 'system')),
  valid INTEGER,
  created_at INTEGER NOT NULL,
  assigned_at INTEGER,
  ended_at INTEGER,
  queued_at INTEGER,
  -- FIFO order of the queue; a counter rather than a time so two arrivals in one ms stay ordered.
  queue_order INTEGER,
  last_message_at INTEGER,
  last_message_seq INTEGER NOT NULL DEFAULT 0,
  last_agent_message_at INTEGER,
  last_visitor_message_at INTEGER,
  -- 1 while the agent spoke last (the 系统关闭 clock runs), 0 once the visitor answers.
  awaiting_visitor INTEGER NOT NULL DEFAULT 0,
  summary_topic_id TEXT REFERENCES topics(id),
  summary_topic_name TEXT,
  summary_note TEXT,
  summary_agent_id TEXT REFERENCES agents(id),
  summary_at INTEGER,
  evaluation_pushed INTEGER NOT NULL DEFAULT 0,
  evaluation_rating INTEGER CHECK (evaluation_rating BETWEEN 1 AND 5),
  evaluation_comment TEXT,
  evaluation_at INTEGER
);
-- Room numbers are unique among open conversations only (SPEC C).
CREATE UNIQUE INDEX conversations_open_room ON conversations(room_no) WHERE state <> 'ended';
CREATE INDEX conversations_agent_state ON conversations(agent_id, state);
CREATE INDEX conversations_visitor ON conversations(visitor_id, created_at);
CREATE INDEX conversations_queue ON conversations(state, queue_order);

CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  mime TEXT NOT NULL,
  is_image INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  seq INTEGER NOT NULL,
  client_id TEXT NOT NULL UNIQUE,
  sender TEXT NOT NULL CHECK (sender IN ('visitor', 'agent', 'system')),
  sender_id TEXT,
  sender_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('text', 'image', 'file', 'system')),
  text TEXT NOT NULL,
  attachment_id TEXT REFERENCES attachments(id),
  created_at INTEGER NOT NULL,
  UNIQUE (conversation_id, seq)
);

CREATE TABLE offline_messages (
  id TEXT PRIMARY KEY,
  visitor_id TEXT NOT NULL REFERENCES visitors(id),
  name TEXT NOT NULL,
  contact TEXT NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('unreplied', 'replied')),
  reply TEXT,
  replied_by TEXT REFERENCES agents(id),
  created_at INTEGER NOT NULL,
  replied_at INTEGER
);
CREATE INDEX offline_messages_visitor ON offline_messages(visitor_id);
CREATE INDEX offline_messages_status ON offline_messages(status, created_at);

-- Durable events, written in the same transaction as the change they describe, before broadcast.
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
-- Who may see each event: 'a:<agentId>', 'v:<visitorId>' or 'staff' (every agent). Admins see all.
CREATE TABLE event_audience (
  principal TEXT NOT NULL,
  seq INTEGER NOT NULL REFERENCES events(seq),
  PRIMARY KEY (principal, seq)
) WITHOUT ROWID;
