-- SQLite's migration 022: 组长 content of their own group. Phrases, their categories and canned files
-- get the scope 'group' with group_id; knowledge entries and categories get group_id (NULL: the company's).
ALTER TABLE phrase_categories ADD COLUMN group_id TEXT REFERENCES groups(id) ON DELETE CASCADE;
ALTER TABLE phrase_categories DROP CONSTRAINT phrase_categories_scope_check;
ALTER TABLE phrase_categories DROP CONSTRAINT phrase_categories_check;
ALTER TABLE phrase_categories ADD CONSTRAINT phrase_categories_scope_check CHECK (scope IN ('public', 'group', 'personal'));
ALTER TABLE phrase_categories ADD CONSTRAINT phrase_categories_owner_check CHECK ((scope = 'personal') = (owner_id IS NOT NULL));
ALTER TABLE phrase_categories ADD CONSTRAINT phrase_categories_group_check CHECK ((scope = 'group') = (group_id IS NOT NULL));
CREATE INDEX phrase_categories_group ON phrase_categories(group_id);

ALTER TABLE phrases ADD COLUMN group_id TEXT REFERENCES groups(id) ON DELETE CASCADE;
ALTER TABLE phrases DROP CONSTRAINT phrases_scope_check;
ALTER TABLE phrases DROP CONSTRAINT phrases_check;
ALTER TABLE phrases ADD CONSTRAINT phrases_scope_check CHECK (scope IN ('public', 'group', 'personal'));
ALTER TABLE phrases ADD CONSTRAINT phrases_owner_check CHECK ((scope = 'personal') = (owner_id IS NOT NULL));
ALTER TABLE phrases ADD CONSTRAINT phrases_group_check CHECK ((scope = 'group') = (group_id IS NOT NULL));
CREATE INDEX phrases_group ON phrases(group_id);

ALTER TABLE file_phrases ADD COLUMN group_id TEXT REFERENCES groups(id) ON DELETE CASCADE;
ALTER TABLE file_phrases DROP CONSTRAINT file_phrases_scope_check;
ALTER TABLE file_phrases DROP CONSTRAINT file_phrases_check;
ALTER TABLE file_phrases ADD CONSTRAINT file_phrases_scope_check CHECK (scope IN ('public', 'group', 'personal'));
ALTER TABLE file_phrases ADD CONSTRAINT file_phrases_owner_check CHECK ((scope = 'personal') = (owner_id IS NOT NULL));
ALTER TABLE file_phrases ADD CONSTRAINT file_phrases_group_check CHECK ((scope = 'group') = (group_id IS NOT NULL));
CREATE INDEX file_phrases_group ON file_phrases(group_id);

ALTER TABLE knowledge_categories ADD COLUMN group_id TEXT REFERENCES groups(id) ON DELETE CASCADE;
ALTER TABLE knowledge_entries ADD COLUMN group_id TEXT REFERENCES groups(id) ON DELETE CASCADE;
CREATE INDEX knowledge_entries_by_group ON knowledge_entries (group_id) WHERE deleted = 0;
