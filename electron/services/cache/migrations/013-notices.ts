import type { Migration } from './index.js';

/**
 * 通知 cached per agent as the server last listed them (newest first), so the list and its unread
 * count show at once and offline. Replaced as a whole on each sync; a mark-read updates its row.
 * IF NOT EXISTS: a cache rolled back to an older version (user_version lowered) runs it again.
 */
export const migration013: Migration = {
  version: 13,
  name: 'notices',
  sql: `
    CREATE TABLE IF NOT EXISTS notices (
      agent_id TEXT NOT NULL,
      id TEXT NOT NULL,
      sent_at INTEGER NOT NULL,
      read_at INTEGER,
      json TEXT NOT NULL,
      PRIMARY KEY (agent_id, id)
    );
  `,
};
