import type { Migration } from './index.js';

/**
 * The local-first call log (issue 3): a call is written here when it starts and finished when it
 * ends; the syncer sends 'pending' rows to the server (idempotent on id) and marks them 'synced'.
 */
export const migration002: Migration = {
  version: 2,
  name: 'calls',
  sql: `
    CREATE TABLE calls (
      id TEXT PRIMARY KEY,
      agent_id TEXT NOT NULL,
      -- live: in progress; wrap-up: ended, waiting for the wrap-up code; pending: to sync; synced
      state TEXT NOT NULL CHECK (state IN ('live', 'wrap-up', 'pending', 'synced')),
      started_at INTEGER NOT NULL,
      record TEXT NOT NULL,
      last_error TEXT
    );
    CREATE INDEX calls_by_agent_state ON calls (agent_id, state, started_at);
  `,
};
