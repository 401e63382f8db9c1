import type { Migration } from './index.js';

/**
 * Knowledge base cache (issue 5). knowledge_fts is an external-content FTS5 table over the
 * entries with the trigram tokenizer (finds Chinese substrings of 3+ characters); triggers keep
 * it in step with knowledge_entries. 1–2 character queries use LIKE on the entries instead.
 */
export const migration004: Migration = {
  version: 4,
  name: 'knowledge',
  sql: `
    CREATE TABLE knowledge_categories (id TEXT PRIMARY KEY, name TEXT NOT NULL, sort_order INTEGER NOT NULL);

    CREATE TABLE knowledge_entries (
      doc INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      category_id TEXT,
      question TEXT NOT NULL,
      -- Keywords one per line: searchable text; the full entry is in data.
      keywords TEXT NOT NULL,
      answer_text TEXT NOT NULL,
      data TEXT NOT NULL,
      rev INTEGER NOT NULL
    );

    CREATE VIRTUAL TABLE knowledge_fts USING fts5(
      question, keywords, answer_text,
      content = 'knowledge_entries', content_rowid = 'doc', tokenize = 'trigram'
    );
    CREATE TRIGGER knowledge_entries_ai AFTER INSERT ON knowledge_entries BEGIN
      INSERT INTO knowledge_fts (rowid, question, keywords, answer_text) VALUES (new.doc, new.question, new.keywords, new.answer_text);
    END;
    CREATE TRIGGER knowledge_entries_ad AFTER DELETE ON knowledge_entries BEGIN
      INSERT INTO knowledge_fts (knowledge_fts, rowid, question, keywords, answer_text) VALUES ('delete', old.doc, old.question, old.keywords, old.answer_text);
    END;
    CREATE TRIGGER knowledge_entries_au AFTER UPDATE ON knowledge_entries BEGIN
      INSERT INTO knowledge_fts (knowledge_fts, rowid, question, keywords, answer_text) VALUES ('delete', old.doc, old.question, old.keywords, old.answer_text);
      INSERT INTO knowledge_fts (rowid, question, keywords, answer_text) VALUES (new.doc, new.question, new.keywords, new.answer_text);
    END;

    -- Where the sync stands; server_url so a cache filled from another server is thrown away.
    CREATE TABLE knowledge_sync (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      server_url TEXT NOT NULL,
      cursor INTEGER NOT NULL,
      synced_at INTEGER
    );
  `,
};
