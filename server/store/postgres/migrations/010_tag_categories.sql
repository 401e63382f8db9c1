-- SQLite's migration 017: 名片分类, the managed tag categories and their tags (a tag name is unique
-- across all categories).
CREATE TABLE tag_categories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  sort_order BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE tag_category_tags (
  category_id TEXT NOT NULL REFERENCES tag_categories(id),
  name TEXT NOT NULL UNIQUE,
  position BIGINT NOT NULL,
  PRIMARY KEY (category_id, name)
);
