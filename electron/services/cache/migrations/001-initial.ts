import type { Migration } from './index.js';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    -- One row: the logged-in agent and its session token (kept so a restart resumes the session).
    CREATE TABLE session (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      agent_id TEXT NOT NULL,
      token TEXT NOT NULL,
      agent TEXT NOT NULL
    );

    -- Last durable event seq applied, per agent (each agent sees its own event stream).
    CREATE TABLE sync_state (agent_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL);

    CREATE TABLE conversations (
      id TEXT PRIMARY KEY,
      agent_id TEXT,
      state TEXT NOT NULL,
      last_message_at INTEGER,
      data TEXT NOT NULL
    );

    CREATE TABLE unread (
      agent_id TEXT NOT NULL,
      conversation_id TEXT NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (agent_id, conversation_id)
    );

    CREATE TABLE messages (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL UNIQUE,
      conversation_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX messages_by_conversation ON messages (conversation_id, seq);

    -- The agent's messages not yet acknowledged by the server (docs/ARCHITECTURE.md, nothing is lost).
    -- order_no keeps creation order across restarts.
    CREATE TABLE outbox (
      order_no INTEGER PRIMARY KEY AUTOINCREMENT,
      client_id TEXT NOT NULL UNIQUE,
      agent_id TEXT NOT NULL,
      conversation_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('text', 'image', 'file')),
      text TEXT NOT NULL,
      file_name TEXT,
      file_bytes BLOB,
      attachment TEXT,
      state TEXT NOT NULL CHECK (state IN ('sending', 'failed')),
      failure TEXT,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX outbox_by_conversation ON outbox (conversation_id, order_no);
  `,
};
