/**
 * The reads that phrases, canned files and their categories share: who sees which rows (public, the
 * reader's group, the reader's own) and how many one owner has. One text for the three tables.
 */
import type { PhraseOwner, PhraseReader, SharedPhraseFilter } from '../phrase-types.js';
import { cachedStatement, type SqlDb } from './sql-db.js';

type Table = 'phrases' | 'phrase_categories' | 'file_phrases';

// The company's first, then the group's, then the agent's own; each by its order, then age.
const ORDER = "ORDER BY CASE scope WHEN 'public' THEN 0 WHEN 'group' THEN 1 ELSE 2 END, sort_order, updated_at, id";
const OWNER = 'scope = @scope AND owner_id IS NOT DISTINCT FROM @ownerId AND group_id IS NOT DISTINCT FROM @groupId';

export function scopedReads(db: SqlDb, table: Table) {
  const visible = db.prepare(`SELECT * FROM ${table} WHERE scope = 'public' OR (scope = 'group' AND group_id = @groupId) OR owner_id = @agentId ${ORDER}`);
  const count = db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${OWNER}`);
  const next = db.prepare(`SELECT COALESCE(MAX(sort_order) + 1, 0) AS n FROM ${table} WHERE ${OWNER}`);
  return {
    visibleTo: (reader: PhraseReader): unknown[] => visible.all({ agentId: reader.agentId, groupId: reader.groupId }),
    shared(filter: SharedPhraseFilter): unknown[] {
      const either: string[] = [];
      if (filter.public) either.push("scope = 'public'");
      if (filter.groupIds === undefined) either.push("scope = 'group'");
      else if (filter.groupIds.length > 0) either.push(`(scope = 'group' AND group_id IN (${filter.groupIds.map(() => '?').join(', ')}))`);
      if (either.length === 0) return [];
      return cachedStatement(db, `SELECT * FROM ${table} WHERE ${either.join(' OR ')} ${ORDER}`).all(...(filter.groupIds ?? []));
    },
    countFor: (owner: PhraseOwner): number => (count.get(owner) as { n: number }).n,
    nextSortOrder: (owner: PhraseOwner): number => (next.get(owner) as { n: number }).n,
  };
}
