import type { Migration } from './index.js';

/** Canned phrases cached per agent (public + that agent's personal ones), and local preferences. */
export const migration003: Migration = {
  version: 3,
  name: 'phrases',
  sql: `
    CREATE TABLE phrase_categories (
      agent_id TEXT NOT NULL,
      id TEXT NOT NULL,
      sort_key INTEGER NOT NULL,
      json TEXT NOT NULL,
      PRIMARY KEY (agent_id, id)
    );
    CREATE TABLE phrases (
      agent_id TEXT NOT NULL,
      id TEXT NOT NULL,
      -- The server's order (public first, then by sort order), kept as the list position.
      sort_key INTEGER NOT NULL,
      title TEXT NOT NULL,
      shortcut TEXT,
      content TEXT NOT NULL,
      json TEXT NOT NULL,
      PRIMARY KEY (agent_id, id)
    );
    -- Workstation-local preferences that are not part of WorkstationSettings (e.g. the message font).
    CREATE TABLE local_prefs (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
};
