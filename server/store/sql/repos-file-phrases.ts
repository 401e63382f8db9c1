/** SQLite repository of canned files (常用文件); migration 006_file_phrases.sql. */
import type { FilePhraseRepository, FilePhraseRow } from '../phrase-types.js';
import { type SqlDb, fromRow, fromRows, insertRow, updateRow } from './sql-db.js';

const BOOLEANS = ['isImage'] as const;

export function sqlFilePhrases(db: SqlDb): FilePhraseRepository {
  // Public first, then personal; each by its order, then age (as phrases).
  const visible = db.prepare("SELECT * FROM file_phrases WHERE owner_id IS NULL OR owner_id = ? ORDER BY scope = 'personal', sort_order, updated_at, id");
  const byId = db.prepare('SELECT * FROM file_phrases WHERE id = ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM file_phrases WHERE owner_id IS NOT DISTINCT FROM ?');
  const next = db.prepare('SELECT COALESCE(MAX(sort_order) + 1, 0) AS n FROM file_phrases WHERE owner_id IS NOT DISTINCT FROM ?');
  const remove = db.prepare('DELETE FROM file_phrases WHERE id = ?');
  return {
    visibleTo: (agentId) => fromRows<FilePhraseRow>(visible.all(agentId), BOOLEANS),
    byId: (id) => {
      const row = byId.get(id);
      return row ? fromRow<FilePhraseRow>(row, BOOLEANS) : undefined;
    },
    countFor: (ownerId) => (count.get(ownerId) as { n: number }).n,
    insert: (row) => insertRow(db, 'file_phrases', row),
    update: (id, patch) => updateRow(db, 'file_phrases', 'id', id, patch),
    remove: (id) => void remove.run(id),
    nextSortOrder: (ownerId) => (next.get(ownerId) as { n: number }).n,
  };
}
