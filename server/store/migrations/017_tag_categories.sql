-- 名片分类 (issue 13): tag categories an admin manages (客户等级, 意向 …) and the tags of each.
-- A visitor's profile keeps plain tag strings (a JSON list in their `tags` column), so a managed tag is a
-- name that belongs to one category only: tag names are unique across all categories. Deleting a
-- category leaves the profiles alone; its tags stay on them as free tags.
CREATE TABLE tag_categories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  sort_order INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE tag_category_tags (
  category_id TEXT NOT NULL REFERENCES tag_categories(id),
  name TEXT NOT NULL UNIQUE,
  -- The order the admin gave the tags in.
  position INTEGER NOT NULL,
  PRIMARY KEY (category_id, name)
);
