import type { KnowledgeCategoryRow, KnowledgeEntryFilter, KnowledgeEntryRow, KnowledgeGroupFilter, KnowledgeRepository } from '../knowledge-types.js';
import { cachedStatement, type SqlDb, fromRow, fromRows, insertRow } from './sql-db.js';

type RawEntry = Omit<KnowledgeEntryRow, 'keywords' | 'answer'> & { keywords: string; answer: string };

const toEntry = (raw: unknown): KnowledgeEntryRow => {
  const row = fromRow<RawEntry>(raw, ['enabled', 'deleted']);
  return { ...row, keywords: JSON.parse(row.keywords) as string[], answer: JSON.parse(row.answer) as KnowledgeEntryRow['answer'] };
};

/** LIKE pattern for a literal substring (the admin list filter). */
const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The company's rows and/or some groups' as one condition (named parameters g0, g1, …). */
function inGroups(filter: KnowledgeGroupFilter, params: Record<string, unknown>): string {
  const either: string[] = [];
  if (filter.public) either.push('group_id IS NULL');
  if (filter.groupIds === undefined) either.push('group_id IS NOT NULL');
  else if (filter.groupIds.length > 0) {
    filter.groupIds.forEach((id, i) => (params[`g${i}`] = id));
    either.push(`group_id IN (${filter.groupIds.map((_, i) => `@g${i}`).join(', ')})`);
  }
  return either.length === 0 ? '1 = 0' : `(${either.join(' OR ')})`;
}

/** The admin list's filter as a WHERE clause over live entries, for the page and its count alike. */
function matching(filter: Omit<KnowledgeEntryFilter, 'limit' | 'offset'>): { where: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const where = ['deleted = 0', inGroups(filter, params)];
  if (filter.categoryId !== undefined) {
    where.push('category_id = @categoryId');
    params.categoryId = filter.categoryId;
  }
  if (filter.text) {
    where.push("(question LIKE @text ESCAPE '\\' OR keywords LIKE @text ESCAPE '\\' OR answer_text LIKE @text ESCAPE '\\')");
    params.text = likePattern(filter.text);
  }
  if (filter.enabled !== undefined) {
    where.push('enabled = @enabled');
    params.enabled = filter.enabled ? 1 : 0;
  }
  return { where: where.join(' AND '), params };
}

export function sqlKnowledge(db: SqlDb): KnowledgeRepository {
  const COLUMNS = 'id, group_id, name, sort_order, created_at';
  const categoryById = db.prepare(`SELECT ${COLUMNS} FROM knowledge_categories WHERE id = ?`);
  const categoryByName = db.prepare(`SELECT ${COLUMNS} FROM knowledge_categories WHERE name = ?`);
  const updateCategory = db.prepare('UPDATE knowledge_categories SET name = @name, sort_order = @sortOrder WHERE id = @id');
  const deleteCategory = db.prepare('DELETE FROM knowledge_categories WHERE id = ?');
  // A tombstone only tells workstations "this id is gone" (they look at id and rev, never at its
  // category), so it need not name a category; rows deleted before tombstones dropped theirs
  // still did, and their foreign key would block the category's delete.
  const detachTombstones = db.prepare('UPDATE knowledge_entries SET category_id = NULL WHERE category_id = ? AND deleted = 1');
  const countInCategory = db.prepare('SELECT COUNT(*) AS n FROM knowledge_entries WHERE category_id = ? AND deleted = 0');
  const entryById = db.prepare('SELECT * FROM knowledge_entries WHERE id = ?');
  const head = db.prepare('SELECT COALESCE(MAX(rev), 0) AS rev FROM knowledge_entries');
  const put = db.prepare(
    `INSERT INTO knowledge_entries (id, group_id, category_id, question, keywords, answer, answer_text, enabled, deleted, rev, created_at, updated_at)
     VALUES (@id, @groupId, @categoryId, @question, @keywords, @answer, @answerText, @enabled, @deleted, @rev, @createdAt, @updatedAt)
     ON CONFLICT(id) DO UPDATE SET category_id = excluded.category_id, question = excluded.question, keywords = excluded.keywords,
       answer = excluded.answer, answer_text = excluded.answer_text, enabled = excluded.enabled, deleted = excluded.deleted,
       rev = excluded.rev, updated_at = excluded.updated_at`,
  );
  const changesAfter = db.prepare('SELECT * FROM knowledge_entries WHERE rev > ? ORDER BY rev LIMIT ?');
  const toCategory = (raw: unknown): KnowledgeCategoryRow | undefined => (raw ? fromRow<KnowledgeCategoryRow>(raw) : undefined);

  return {
    categories: (filter) => {
      const params: Record<string, unknown> = {};
      const sql = `SELECT ${COLUMNS} FROM knowledge_categories WHERE ${inGroups(filter, params)} ORDER BY group_id IS NOT NULL, sort_order, name`;
      return fromRows<KnowledgeCategoryRow>(cachedStatement(db, sql).all(params));
    },
    categoryById: (id) => toCategory(categoryById.get(id)),
    categoryByName: (name) => toCategory(categoryByName.get(name)),
    insertCategory: (row) => insertRow(db, 'knowledge_categories', row),
    updateCategory: (row) => void updateCategory.run({ id: row.id, name: row.name, sortOrder: row.sortOrder }),
    deleteCategory: (id) => {
      detachTombstones.run(id);
      deleteCategory.run(id);
    },
    countInCategory: (id) => (countInCategory.get(id) as { n: number }).n,
    entryById: (id) => {
      const raw = entryById.get(id);
      return raw ? toEntry(raw) : undefined;
    },
    nextRev: () => (head.get() as { rev: number }).rev + 1,
    putEntry: (row) =>
      void put.run({
        ...row,
        keywords: JSON.stringify(row.keywords),
        answer: JSON.stringify(row.answer),
        enabled: row.enabled ? 1 : 0,
        deleted: row.deleted ? 1 : 0,
      }),
    list: (filter) => {
      const { where, params } = matching(filter);
      const sql = `SELECT * FROM knowledge_entries WHERE ${where} ORDER BY rev DESC LIMIT @limit OFFSET @offset`;
      return cachedStatement(db, sql)
        .all({ ...params, limit: filter.limit, offset: filter.offset })
        .map(toEntry);
    },
    count: (filter) => {
      const { where, params } = matching(filter);
      return (cachedStatement(db, `SELECT COUNT(*) AS n FROM knowledge_entries WHERE ${where}`).get(params) as { n: number }).n;
    },
    changesAfter: (after, limit) => changesAfter.all(after, limit).map(toEntry),
    head: () => (head.get() as { rev: number }).rev,
  };
}

export const sqlKnowledgeRepositories = (db: SqlDb): { knowledge: KnowledgeRepository } => ({ knowledge: sqlKnowledge(db) });
