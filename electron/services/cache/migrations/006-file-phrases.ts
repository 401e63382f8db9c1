import type { Migration } from './index.js';

/** Canned files (常用文件) cached per agent: name, size and type only; the bytes stay on the server. */
export const migration006: Migration = {
  version: 6,
  name: 'file-phrases',
  sql: `
    CREATE TABLE file_phrases (
      agent_id TEXT NOT NULL,
      id TEXT NOT NULL,
      -- The server's order (public first, then by sort order), kept as the list position.
      sort_key INTEGER NOT NULL,
      json TEXT NOT NULL,
      PRIMARY KEY (agent_id, id)
    );
  `,
};
