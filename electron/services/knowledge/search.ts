/**
 * Knowledge search over the cache. docs/PLATFORM-NOTES.md: FTS5 trigram finds substrings of 3+ characters
 * (fast, ranked by bm25); 1–2 character terms find nothing through MATCH. A query of only such
 * terms goes to the bigram index (cache migration 008, see bigrams.ts) — a LIKE scan was ~100 ms
 * at 100k entries whenever the term was rare — and to LIKE only for a term the index cannot hold
 * (ASCII control characters). Short terms beside a 3+ character one stay LIKE filters on the
 * trigram matches. Ranking everywhere: a match in the question above one in the keywords above
 * one in the answer; bm25 orders within a tier for trigram queries, entry order for short ones.
 * Results carry highlight ranges, never markup.
 */
import type { KnowledgeHit, KnowledgeSearchResult } from '../../../shared/ipc/knowledge.js';
import type { Db } from '../cache/database.js';
import { bigramMatch, bigramSearchable, categoryToken, FIELD_TAGS } from './bigrams.js';
import { findRanges, snippetOf } from './highlight.js';

export interface KnowledgeQuery {
  query: string;
  limit: number;
  categoryId: string | null;
}

interface Row {
  id: string;
  category_id: string | null;
  question: string;
  keywords: string;
  answer_text: string;
  tier: number;
}

const MAX_TERMS = 8;

/** Prepared statements by SQL text: the set is small (term counts × category filter) and parsing costs. */
const prepared = new WeakMap<Db, Map<string, ReturnType<Db['prepare']>>>();
function statement(db: Db, sql: string): ReturnType<Db['prepare']> {
  let bySql = prepared.get(db);
  if (!bySql) prepared.set(db, (bySql = new Map()));
  let found = bySql.get(sql);
  if (!found) bySql.set(sql, (found = db.prepare(sql)));
  return found;
}
const TIERS = ['question', 'keywords', 'answer'] as const;

/** Whitespace-separated terms, duplicates dropped, longest first (the longest decides the tier). */
export function queryTerms(query: string): string[] {
  const terms = [...new Set(query.trim().toLowerCase().split(/\s+/).filter(Boolean))];
  return terms.sort((a, b) => [...b].length - [...a].length).slice(0, MAX_TERMS);
}

const like = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** An FTS5 string literal: the term as one phrase, so operators in it mean nothing. */
const phrase = (term: string): string => `"${term.replace(/"/g, '""')}"`;
const anyColumn = (p: string): string => `(e.question LIKE ${p} ESCAPE '\\' OR e.keywords LIKE ${p} ESCAPE '\\' OR e.answer_text LIKE ${p} ESCAPE '\\')`;
const COLUMNS = 'e.id, e.category_id, e.question, e.keywords, e.answer_text';

function ftsRows(db: Db, long: string[], short: string[], q: KnowledgeQuery): Row[] {
  const params: Record<string, unknown> = { match: long.map(phrase).join(' '), p0: like(long[0]!), limit: q.limit };
  const where = ['knowledge_fts MATCH @match'];
  short.forEach((term, i) => {
    params[`s${i}`] = like(term);
    where.push(anyColumn(`@s${i}`));
  });
  if (q.categoryId) {
    params.category = q.categoryId;
    where.push('e.category_id = @category');
  }
  const sql = `SELECT ${COLUMNS},
      CASE WHEN e.question LIKE @p0 ESCAPE '\\' THEN 0 WHEN e.keywords LIKE @p0 ESCAPE '\\' THEN 1 ELSE 2 END AS tier
    FROM knowledge_fts JOIN knowledge_entries e ON e.doc = knowledge_fts.rowid
    WHERE ${where.join(' AND ')}
    ORDER BY tier, bm25(knowledge_fts, 10.0, 5.0, 1.0)
    LIMIT @limit`;
  return statement(db, sql).all(params) as Row[];
}

/**
 * Question matches first, with a LIMIT that stops early when a short term is frequent. Only if
 * those do not fill the page, one more pass ranks keyword over answer matches: at most two scans.
 */
function likeRows(db: Db, terms: string[], q: KnowledgeQuery): Row[] {
  const params: Record<string, unknown> = { p0: like(terms[0]!) };
  const others = terms.slice(1).map((term, i) => {
    params[`s${i}`] = like(term);
    return anyColumn(`@s${i}`);
  });
  if (q.categoryId) {
    params.category = q.categoryId;
    others.push('e.category_id = @category');
  }
  const filter = others.map((c) => ` AND ${c}`).join('');
  const inQuestion = `SELECT ${COLUMNS}, 0 AS tier FROM knowledge_entries e WHERE e.question LIKE @p0 ESCAPE '\\'${filter} LIMIT @limit`;
  const rows = statement(db, inQuestion).all({ ...params, limit: q.limit }) as Row[];
  if (rows.length >= q.limit) return rows;
  const elsewhere = `SELECT ${COLUMNS}, CASE WHEN e.keywords LIKE @p0 ESCAPE '\\' THEN 1 ELSE 2 END AS tier
    FROM knowledge_entries e
    WHERE (e.keywords LIKE @p0 ESCAPE '\\' OR e.answer_text LIKE @p0 ESCAPE '\\') AND e.question NOT LIKE @p0 ESCAPE '\\'${filter}
    ORDER BY tier LIMIT @limit`;
  return [...rows, ...(statement(db, elsewhere).all({ ...params, limit: q.limit - rows.length }) as Row[])];
}

/**
 * Short terms through the bigram index: one MATCH per tier, in tier order, each in entry order
 * and stopping at the LIMIT (as the LIKE scan did), so a frequent term reads only a page of rows
 * and a rare one only its own doclists. The first (longest) term decides the tier; the others may
 * match in any field.
 */
function bigramRows(db: Db, terms: string[], q: KnowledgeQuery): Row[] {
  const [first, ...others] = terms;
  const [inQuestion, inKeywords, inAnswer] = FIELD_TAGS.map((tag) => bigramMatch(tag, first!));
  const tierMatches = [inQuestion, `${inKeywords} NOT ${inQuestion}`, `${inAnswer} NOT ${inQuestion} NOT ${inKeywords}`];
  const rest = others.map((term) => ` AND (${FIELD_TAGS.map((tag) => bigramMatch(tag, term)).join(' OR ')})`).join('');
  // The category token narrows the MATCH itself; the category_id check keeps the answer exact regardless.
  const inCategory = q.categoryId ? ` AND "${categoryToken(q.categoryId)}"` : '';
  const category = q.categoryId ? ' AND e.category_id = @category' : '';
  const sql = `SELECT ${COLUMNS}, @tier AS tier
    FROM knowledge_bigrams b JOIN knowledge_entries e ON e.doc = b.rowid
    WHERE knowledge_bigrams MATCH @match${category}
    ORDER BY b.rowid LIMIT @limit`;
  const rows: Row[] = [];
  for (const [tier, match] of tierMatches.entries()) {
    if (rows.length >= q.limit) break;
    const params = { match: `(${match})${rest}${inCategory}`, tier, limit: q.limit - rows.length, ...(q.categoryId ? { category: q.categoryId } : {}) };
    rows.push(...(statement(db, sql).all(params) as Row[]));
  }
  return rows;
}

/**
 * The skill group of a found entry (null: the company's). Read per hit, after the search: the
 * group is only in the entry's JSON, and reading it for every candidate row would slow the search.
 */
function groupOfEntry(db: Db): (id: string) => string | null {
  const read = statement(db, "SELECT json_extract(data, '$.groupId') AS groupId FROM knowledge_entries WHERE id = ?");
  return (id) => (read.get(id) as { groupId: string | null } | undefined)?.groupId ?? null;
}

function toHit(row: Row, terms: string[], groupOf: (id: string) => string | null): KnowledgeHit {
  const { snippet, ranges } = snippetOf(row.answer_text, terms);
  return {
    id: row.id,
    groupId: groupOf(row.id),
    categoryId: row.category_id,
    question: row.question,
    questionRanges: findRanges(row.question, terms),
    keywords: row.keywords ? row.keywords.split('\n') : [],
    snippet,
    snippetRanges: ranges,
    matchedIn: TIERS[row.tier] ?? 'answer',
  };
}

export function searchKnowledge(db: Db, q: KnowledgeQuery): Omit<KnowledgeSearchResult, 'syncedAt'> {
  const terms = queryTerms(q.query);
  if (terms.length === 0) return { hits: [], mode: 'none' };
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  const mode = long.length > 0 ? 'fts' : 'like';
  const rows = mode === 'fts' ? ftsRows(db, long, short, q) : short.every(bigramSearchable) ? bigramRows(db, short, q) : likeRows(db, short, q);
  const groupOf = groupOfEntry(db);
  return { hits: rows.map((row) => toHit(row, terms, groupOf)), mode };
}
