-- SQLite's migration 020 (对话监控): whispers (悄悄话) and review marks (标记待复核).
CREATE TABLE whispers (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  client_id TEXT NOT NULL UNIQUE,
  from_role TEXT NOT NULL CHECK (from_role IN ('supervisor', 'agent')),
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  -- Mirrors SQLite's rowid: the order of whispers written in the same millisecond.
  rowid BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX whispers_conversation ON whispers (conversation_id, created_at);

CREATE TABLE conversation_reviews (
  conversation_id TEXT PRIMARY KEY REFERENCES conversations(id),
  note TEXT NOT NULL,
  marked_by_id TEXT NOT NULL,
  marked_by_name TEXT NOT NULL,
  marked_at BIGINT NOT NULL
);
