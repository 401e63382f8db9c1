-- 组长 content of their own group (issue 13): phrases, their categories and canned files get a third
-- scope, 'group', naming its skill group in group_id (NULL for public and personal rows); knowledge
-- entries and categories get group_id (NULL: the company's). A group's content goes with its group.
-- SQLite cannot change a CHECK in place, so the three phrase tables are rebuilt by SQLite's documented
-- procedure (create, copy, drop, rename; as 014); migrate() runs with foreign keys off and checks every
-- reference after. group_id comes last, where PostgreSQL's ADD COLUMN puts it.
CREATE TABLE phrase_categories_new (
  id TEXT PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('public', 'group', 'personal')),
  owner_id TEXT REFERENCES agents(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  group_id TEXT REFERENCES groups(id) ON DELETE CASCADE,
  CHECK ((scope = 'personal') = (owner_id IS NOT NULL)),
  CHECK ((scope = 'group') = (group_id IS NOT NULL))
);
INSERT INTO phrase_categories_new (id, scope, owner_id, name, sort_order, updated_at)
  SELECT id, scope, owner_id, name, sort_order, updated_at FROM phrase_categories;
DROP TABLE phrase_categories;
ALTER TABLE phrase_categories_new RENAME TO phrase_categories;
CREATE INDEX phrase_categories_owner ON phrase_categories(owner_id);
CREATE INDEX phrase_categories_group ON phrase_categories(group_id);

CREATE TABLE phrases_new (
  id TEXT PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('public', 'group', 'personal')),
  owner_id TEXT REFERENCES agents(id) ON DELETE CASCADE,
  category_id TEXT REFERENCES phrase_categories(id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN ('text', 'link')),
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  shortcut TEXT,
  hotkey TEXT,
  sort_order INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  group_id TEXT REFERENCES groups(id) ON DELETE CASCADE,
  CHECK ((scope = 'personal') = (owner_id IS NOT NULL)),
  CHECK ((scope = 'group') = (group_id IS NOT NULL))
);
INSERT INTO phrases_new (id, scope, owner_id, category_id, kind, title, content, shortcut, hotkey, sort_order, updated_at)
  SELECT id, scope, owner_id, category_id, kind, title, content, shortcut, hotkey, sort_order, updated_at FROM phrases;
DROP TABLE phrases;
ALTER TABLE phrases_new RENAME TO phrases;
CREATE INDEX phrases_owner ON phrases(owner_id);
CREATE INDEX phrases_group ON phrases(group_id);

CREATE TABLE file_phrases_new (
  id TEXT PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('public', 'group', 'personal')),
  owner_id TEXT REFERENCES agents(id) ON DELETE CASCADE,
  category_id TEXT REFERENCES phrase_categories(id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  mime TEXT NOT NULL,
  is_image INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  group_id TEXT REFERENCES groups(id) ON DELETE CASCADE,
  CHECK ((scope = 'personal') = (owner_id IS NOT NULL)),
  CHECK ((scope = 'group') = (group_id IS NOT NULL))
);
INSERT INTO file_phrases_new (id, scope, owner_id, category_id, name, size, mime, is_image, sha256, sort_order, updated_at)
  SELECT id, scope, owner_id, category_id, name, size, mime, is_image, sha256, sort_order, updated_at FROM file_phrases;
DROP TABLE file_phrases;
ALTER TABLE file_phrases_new RENAME TO file_phrases;
CREATE INDEX file_phrases_owner ON file_phrases(owner_id);
CREATE INDEX file_phrases_group ON file_phrases(group_id);

-- Knowledge category names stay unique company-wide (a group's and the company's alike), so an
-- import naming a category finds one. A tombstone keeps its group: the feed tells only that group's
-- members (and admins) that it is gone.
ALTER TABLE knowledge_categories ADD COLUMN group_id TEXT REFERENCES groups(id) ON DELETE CASCADE;
ALTER TABLE knowledge_entries ADD COLUMN group_id TEXT REFERENCES groups(id) ON DELETE CASCADE;
CREATE INDEX knowledge_entries_by_group ON knowledge_entries (group_id) WHERE deleted = 0;
