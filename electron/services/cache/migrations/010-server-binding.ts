import type { Migration } from './index.js';

/**
 * 服务器地址 (issue 10): which server the cache's contents came from, and the server the agent
 * chose on the login page (NULL: the deployment's default). The cache belongs to one server —
 * switching clears what the other one sent (server-address/cache-binding.ts).
 *
 * Older versions wrote whatever server they were started with into settings.serverUrl. That was
 * never the agent's choice, but it is the server the cache was filled from: it becomes
 * cache_server, and the settings key goes (the address in use is derived, not stored).
 */
export const migration010: Migration = {
  version: 10,
  name: 'server-binding',
  sql: `
    CREATE TABLE server_binding (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      cache_server TEXT,
      chosen_server TEXT
    );
    INSERT INTO server_binding (id, cache_server, chosen_server)
      VALUES (1, (SELECT json_extract(value, '$') FROM settings WHERE key = 'serverUrl'), NULL);
    DELETE FROM settings WHERE key = 'serverUrl';
  `,
};
