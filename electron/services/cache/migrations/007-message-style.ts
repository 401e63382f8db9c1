import type { Migration } from './index.js';

/**
 * 字体设置 on the agent's unsent text messages (issue 5): the outbox keeps the style object (JSON)
 * chosen when the message was written, so a retry after a restart sends the same style. Stored
 * messages keep theirs inside their JSON `data` already.
 */
export const migration007: Migration = {
  version: 7,
  name: 'message-style',
  sql: `ALTER TABLE outbox ADD COLUMN style TEXT;`,
};
