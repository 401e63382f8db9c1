/** 名片分类 (managed tag categories) on either engine: the same SQL. */
import type { TagCategoryRepositories, TagCategoryRow, TagCategoryWithTags } from '../tag-category-types.js';
import { type SqlDb, cachedStatement, fromRow, fromRows, inChunks, insertRow, updateRow } from './sql-db.js';

const ORDER = 'ORDER BY sort_order, name, id';

export function sqlTagCategoryRepositories(db: SqlDb): TagCategoryRepositories {
  const all = db.prepare(`SELECT * FROM tag_categories ${ORDER}`);
  const allTags = db.prepare('SELECT category_id, name FROM tag_category_tags ORDER BY category_id, position');
  const byId = db.prepare('SELECT * FROM tag_categories WHERE id = ?');
  const tagsOf = db.prepare('SELECT name FROM tag_category_tags WHERE category_id = ? ORDER BY position');
  const byName = db.prepare('SELECT * FROM tag_categories WHERE name = ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM tag_categories');
  const next = db.prepare('SELECT COALESCE(MAX(sort_order) + 1, 0) AS n FROM tag_categories');
  const removeTags = db.prepare('DELETE FROM tag_category_tags WHERE category_id = ?');
  const remove = db.prepare('DELETE FROM tag_categories WHERE id = ?');
  const insertTag = db.prepare('INSERT INTO tag_category_tags (category_id, name, position) VALUES (?, ?, ?)');

  return {
    tagCategories: {
      list: () => {
        const tags = new Map<string, string[]>();
        for (const row of allTags.all() as { category_id: string; name: string }[]) {
          tags.set(row.category_id, [...(tags.get(row.category_id) ?? []), row.name]);
        }
        return fromRows<TagCategoryRow>(all.all()).map((row): TagCategoryWithTags => ({ ...row, tags: tags.get(row.id) ?? [] }));
      },
      byId: (id) => {
        const row = byId.get(id);
        if (!row) return undefined;
        return { ...fromRow<TagCategoryRow>(row), tags: (tagsOf.all(id) as { name: string }[]).map((t) => t.name) };
      },
      byName: (name) => {
        const row = byName.get(name);
        return row ? fromRow<TagCategoryRow>(row) : undefined;
      },
      tagsTakenElsewhere: (tags, exceptId) => {
        const taken = new Map<string, string>();
        inChunks([...new Set(tags)], (chunk) => {
          const sql = `SELECT t.name AS tag, c.name AS category FROM tag_category_tags t JOIN tag_categories c ON c.id = t.category_id
             WHERE t.name IN (${chunk.map((_, i) => `@t${i}`).join(', ')}) AND c.id <> @except`;
          const params: Record<string, unknown> = { except: exceptId ?? '' };
          chunk.forEach((tag, i) => (params[`t${i}`] = tag));
          for (const row of cachedStatement(db, sql).all(params) as { tag: string; category: string }[]) taken.set(row.tag, row.category);
        });
        return taken;
      },
      count: () => Number((count.get() as { n: number }).n),
      nextSortOrder: () => Number((next.get() as { n: number }).n),
      insert: (row) => insertRow(db, 'tag_categories', row),
      update: (id, patch) => updateRow(db, 'tag_categories', 'id', id, patch),
      setTags: (id, tags) => {
        removeTags.run(id);
        tags.forEach((tag, position) => insertTag.run(id, tag, position));
      },
      remove: (id) => {
        removeTags.run(id);
        remove.run(id);
      },
    },
  };
}
