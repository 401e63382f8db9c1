import type { Migration } from './index.js';

/**
 * 技能组 content (issue 13): phrases, canned files, their categories, knowledge entries and
 * categories now say which skill group they belong to (groupId; null: not a group's). Rows cached
 * before it were never a group's: they get groupId null in place. Knowledge categories are replaced
 * whole on every sync, so their table is simply made again with the column. The knowledge sync now
 * remembers the groups its entries were read for (knowledge/sync.ts starts over when the feed names
 * others); its state is made again too, so the next sync starts from cursor 0 (the entries stay
 * searchable until then). Every statement may run twice: a cache rolled back to an older version
 * (user_version lowered) runs it again.
 */
export const migration014: Migration = {
  version: 14,
  name: 'group-content',
  sql: `
    UPDATE phrases SET json = json_set(json, '$.groupId', json('null')) WHERE json_type(json, '$.groupId') IS NULL;
    UPDATE phrase_categories SET json = json_set(json, '$.groupId', json('null')) WHERE json_type(json, '$.groupId') IS NULL;
    UPDATE file_phrases SET json = json_set(json, '$.groupId', json('null')) WHERE json_type(json, '$.groupId') IS NULL;
    UPDATE knowledge_entries SET data = json_set(data, '$.groupId', json('null')) WHERE json_type(data, '$.groupId') IS NULL;
    DROP TABLE IF EXISTS knowledge_categories;
    CREATE TABLE knowledge_categories (id TEXT PRIMARY KEY, group_id TEXT, name TEXT NOT NULL, sort_order INTEGER NOT NULL);
    DROP TABLE IF EXISTS knowledge_sync;
    CREATE TABLE knowledge_sync (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      server_url TEXT NOT NULL,
      cursor INTEGER NOT NULL,
      synced_at INTEGER,
      -- The skill groups the entries were read for, as a sorted JSON array.
      groups TEXT NOT NULL DEFAULT '[]'
    );
  `,
};
