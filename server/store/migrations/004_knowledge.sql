-- Knowledge base (知识库, issue 5): categories and entries.

CREATE TABLE knowledge_categories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

-- Entries are never removed: a delete leaves a tombstone (deleted = 1) with a new rev, so a
-- workstation syncing "changes after rev N" learns about it. rev grows with every change.
-- answer holds the RichDoc JSON (no HTML); answer_text its plain text.
CREATE TABLE knowledge_entries (
  id TEXT PRIMARY KEY,
  category_id TEXT REFERENCES knowledge_categories(id),
  question TEXT NOT NULL,
  keywords TEXT NOT NULL DEFAULT '[]',
  answer TEXT NOT NULL,
  answer_text TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  rev INTEGER NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX knowledge_entries_by_category ON knowledge_entries (category_id) WHERE deleted = 0;
