-- Canned files (常用文件), issue 5: like phrases (public: owner_id NULL, admin-managed; personal:
-- the owning agent), filed in the same phrase categories. The bytes live in the attachments
-- folder under the row's id; sending one links them to a new attachment of the conversation,
-- so deleting the canned file never breaks a message that already carries it.
CREATE TABLE file_phrases (
  id TEXT PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('public', 'personal')),
  owner_id TEXT REFERENCES agents(id) ON DELETE CASCADE,
  category_id TEXT REFERENCES phrase_categories(id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  mime TEXT NOT NULL,
  is_image INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((scope = 'public') = (owner_id IS NULL))
);
CREATE INDEX file_phrases_owner ON file_phrases(owner_id);

-- A public category for files, so a fresh install files them somewhere named (fixed id like 003's).
INSERT INTO phrase_categories (id, scope, owner_id, name, sort_order, updated_at) VALUES
  ('pc-files', 'public', NULL, '产品资料', 3, 0);
