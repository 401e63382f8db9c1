/** SQLite repository of canned files (常用文件); migration 006_file_phrases.sql. */
import type { FilePhraseRepository, FilePhraseRow } from '../phrase-types.js';
import { type SqlDb, fromRow, fromRows, insertRow, updateRow } from './sql-db.js';
import { scopedReads } from './phrase-scope-sql.js';

const BOOLEANS = ['isImage'] as const;

export function sqlFilePhrases(db: SqlDb): FilePhraseRepository {
  // Public first, then the group's, then personal; each by its order, then age (as phrases).
  const reads = scopedReads(db, 'file_phrases');
  const byId = db.prepare('SELECT * FROM file_phrases WHERE id = ?');
  const remove = db.prepare('DELETE FROM file_phrases WHERE id = ?');
  return {
    visibleTo: (reader) => fromRows<FilePhraseRow>(reads.visibleTo(reader), BOOLEANS),
    shared: (filter) => fromRows<FilePhraseRow>(reads.shared(filter), BOOLEANS),
    byId: (id) => {
      const row = byId.get(id);
      return row ? fromRow<FilePhraseRow>(row, BOOLEANS) : undefined;
    },
    countFor: reads.countFor,
    insert: (row) => insertRow(db, 'file_phrases', row),
    update: (id, patch) => updateRow(db, 'file_phrases', 'id', id, patch),
    remove: (id) => void remove.run(id),
    nextSortOrder: reads.nextSortOrder,
  };
}
