-- 对话监控 (issue 14): whispers (悄悄话) and review marks (标记待复核).
-- Whispers are kept apart from messages: they take no message seq, so the visitor's sequence stays
-- gap-free, and no read a visitor can make touches this table.
CREATE TABLE whispers (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  client_id TEXT NOT NULL UNIQUE,
  from_role TEXT NOT NULL CHECK (from_role IN ('supervisor', 'agent')),
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX whispers_conversation ON whispers (conversation_id, created_at);

-- One mark per conversation; marking again replaces the note.
CREATE TABLE conversation_reviews (
  conversation_id TEXT PRIMARY KEY REFERENCES conversations(id),
  note TEXT NOT NULL,
  marked_by_id TEXT NOT NULL,
  marked_by_name TEXT NOT NULL,
  marked_at INTEGER NOT NULL
);
