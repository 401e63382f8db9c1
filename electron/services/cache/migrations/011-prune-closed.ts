import type { Migration } from './index.js';

/**
 * Closed conversations (ended with their summary) go from the cache as they close
 * (conversations-repo.ts upsertConversation); older versions kept their rows and messages for
 * good. This drops what they left: closed conversations, and unread counts and messages of
 * conversations the cache no longer has (the records view reads those from the server).
 */
export const migration011: Migration = {
  version: 11,
  name: 'prune-closed',
  sql: `
    DELETE FROM conversations WHERE state = 'ended' AND json_extract(data, '$.summary') IS NOT NULL;
    DELETE FROM unread WHERE conversation_id NOT IN (SELECT id FROM conversations);
    DELETE FROM messages WHERE conversation_id NOT IN (SELECT id FROM conversations);
  `,
};
