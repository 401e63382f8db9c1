/**
 * The knowledge base in the workstation cache: entries (with their FTS indexes), categories, sync
 * cursor. Triggers keep the trigram index in step and drop a deleted entry's bigram row; the bigram
 * tokens of a written entry are computed here (no SQL function can), in the same transaction.
 */
import { KnowledgeEntrySchema, type KnowledgeCategory, type KnowledgeChange, type KnowledgeEntry } from '../../../shared/knowledge.js';
import type { Db } from '../cache/database.js';
import { entryBigrams } from './bigrams.js';

export interface KnowledgeSyncState {
  serverUrl: string;
  cursor: number;
  syncedAt: number | null;
  /** The skill groups whose entries the cache holds (the feed's `groups` when it was read), sorted. */
  groups: string[];
}

export function readSyncState(db: Db): KnowledgeSyncState | null {
  const row = db.prepare('SELECT server_url, cursor, synced_at, groups FROM knowledge_sync WHERE id = 1').get() as
    { server_url: string; cursor: number; synced_at: number | null; groups: string } | undefined;
  return row ? { serverUrl: row.server_url, cursor: row.cursor, syncedAt: row.synced_at, groups: JSON.parse(row.groups) as string[] } : null;
}

/** The same set of groups, whatever the order. */
export const sameGroups = (a: readonly string[], b: readonly string[]): boolean => [...a].sort().join('\n') === [...b].sort().join('\n');

/** Forget everything (another server, a cursor the server no longer knows, another reader's groups). */
export function resetKnowledge(db: Db, serverUrl: string, groups: readonly string[] = []): void {
  db.transaction(() => {
    db.exec('DELETE FROM knowledge_entries; DELETE FROM knowledge_categories;');
    db.prepare('INSERT OR REPLACE INTO knowledge_sync (id, server_url, cursor, synced_at, groups) VALUES (1, ?, 0, NULL, ?)').run(
      serverUrl,
      JSON.stringify([...groups].sort()),
    );
  })();
}

/** Applies one page of the server's changes feed atomically, cursor included. Returns entries changed. */
export function applyKnowledgeChanges(
  db: Db,
  page: { changes: KnowledgeChange[]; categories: KnowledgeCategory[]; cursor: number; groups: string[] },
  serverUrl: string,
  now: number,
): number {
  const remove = db.prepare('DELETE FROM knowledge_entries WHERE id = ?');
  const write = entryWriter(db);
  const insertCategory = db.prepare('INSERT INTO knowledge_categories (id, group_id, name, sort_order) VALUES (?, ?, ?, ?)');
  return db.transaction(() => {
    for (const change of page.changes) {
      if (!change.entry) remove.run(change.id);
      else write(change.entry);
    }
    db.exec('DELETE FROM knowledge_categories');
    for (const c of page.categories) insertCategory.run(c.id, c.groupId, c.name, c.sortOrder);
    db.prepare('INSERT OR REPLACE INTO knowledge_sync (id, server_url, cursor, synced_at, groups) VALUES (1, ?, ?, ?, ?)').run(
      serverUrl,
      page.cursor,
      now,
      JSON.stringify([...page.groups].sort()),
    );
    return page.changes.length;
  })();
}

/** Upserts entries (the doc rowid survives an update) and rewrites their bigram row; call inside a transaction. */
function entryWriter(db: Db): (entry: KnowledgeEntry) => void {
  const upsert = db.prepare(
    `INSERT INTO knowledge_entries (id, category_id, question, keywords, answer_text, data, rev)
     VALUES (@id, @categoryId, @question, @keywords, @answerText, @data, @rev)
     ON CONFLICT(id) DO UPDATE SET category_id = excluded.category_id, question = excluded.question, keywords = excluded.keywords,
       answer_text = excluded.answer_text, data = excluded.data, rev = excluded.rev
     RETURNING doc`,
  );
  const bigrams = db.prepare('INSERT OR REPLACE INTO knowledge_bigrams (rowid, tokens) VALUES (?, ?)');
  return (entry) => {
    const keywords = entry.keywords.join('\n');
    const { doc } = upsert.get({
      id: entry.id,
      categoryId: entry.categoryId,
      question: entry.question,
      keywords,
      answerText: entry.answerText,
      data: JSON.stringify(entry),
      rev: entry.rev,
    }) as { doc: number };
    bigrams.run(doc, entryBigrams({ ...entry, keywords }));
  };
}

/** Bulk load for benchmarks and first syncs: many entries in one transaction. */
export function putKnowledgeEntries(db: Db, entries: KnowledgeEntry[]): void {
  const write = entryWriter(db);
  db.transaction(() => {
    for (const entry of entries) write(entry);
  })();
}

export function getKnowledgeEntry(db: Db, id: string): KnowledgeEntry | null {
  const row = db.prepare('SELECT data FROM knowledge_entries WHERE id = ?').get(id) as { data: string } | undefined;
  // The cache is ours, but a row written by an older version must not reach the renderer unchecked.
  return row ? KnowledgeEntrySchema.parse(JSON.parse(row.data)) : null;
}

/** The company's categories first, then the group's; each by its order, then name. */
export function listKnowledgeCategories(db: Db): KnowledgeCategory[] {
  return db
    .prepare('SELECT id, group_id AS groupId, name, sort_order AS sortOrder FROM knowledge_categories ORDER BY group_id IS NOT NULL, sort_order, name')
    .all() as KnowledgeCategory[];
}
