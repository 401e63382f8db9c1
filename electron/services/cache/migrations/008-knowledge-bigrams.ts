import type { Migration } from './index.js';

/**
 * A second FTS5 index over the knowledge entries for 1–2 character queries, which the trigram
 * index cannot answer (004 sent them to LIKE: a full scan whenever the term is rare, p99 ~100 ms
 * at 100k entries). One row per entry holds its fields split into overlapping 2-character tokens
 * tagged with the field ("退货流程" in the question → "q退货 q货流 q流程 q程"), so a 2-character
 * term is one exact token and a 1-character term a prefix query served by prefix='2'. The entry's
 * category is one more token ("c" + the id's UTF-8 bytes in hex), so a category filter is part of
 * the MATCH instead of a check on every matching row.
 *
 * Why these options:
 * - tokenize ascii: every non-ASCII character is part of a token and only ASCII letters are
 *   case-folded — the same folding as LIKE, so the index finds what LIKE found. All ASCII
 *   punctuation is added as token characters so "%" or '"' in a query is text; only ASCII
 *   spaces/control characters separate (the search sends a term holding one to LIKE).
 * - contentless with contentless_delete: the tokens are derived text nobody reads back, and a row
 *   can be deleted by rowid (the trigger below) without the old token text.
 * - detail=none: every query is single tokens and the field is in the token, so neither
 *   positions nor columns are needed; the index stays small and quick to build.
 *
 * The workstation code (knowledge/bigrams.ts, knowledge-repo.ts) writes an entry's tokens in the
 * same transaction as the entry; this migration fills them for the entries already cached, with
 * the same split in SQL (in chunks of 64 characters, so a 20,000-character answer is not a
 * quadratic walk). search.test.ts proves both splits give the same index.
 */
const pairs = (tag: string, column: string): string => `(
      WITH RECURSIVE at(n) AS (SELECT 1 UNION ALL SELECT n + 64 FROM at WHERE n + 64 <= length(${column})),
        p(s, i) AS (SELECT substr(${column}, n, 65), 1 FROM at UNION ALL SELECT s, i + 1 FROM p WHERE i < 64 AND i < length(s))
      SELECT group_concat('${tag}' || substr(s, i, 2), ' ') FROM p
      WHERE unicode(substr(s, i, 1)) > 32 AND unicode(substr(s, i, 1)) <> 127
    )`;

/** Fills the bigram index from knowledge_entries (also run alone by the benchmark to time it). */
export const KNOWLEDGE_BIGRAMS_FILL_SQL = `
  INSERT INTO knowledge_bigrams (rowid, tokens)
  SELECT doc, concat_ws(' ', ${pairs('q', 'question')}, ${pairs('k', 'keywords')}, ${pairs('a', 'answer_text')}, CASE WHEN category_id IS NOT NULL THEN 'c' || lower(hex(category_id)) END)
  FROM knowledge_entries;
`;

export const migration008: Migration = {
  version: 8,
  name: 'knowledge-bigrams',
  sql: `
    CREATE VIRTUAL TABLE knowledge_bigrams USING fts5(
      tokens,
      content = '', contentless_delete = 1, detail = 'none', prefix = '2',
      tokenize = "ascii tokenchars '!""#$%&''()*+,-./:;<=>?@[\\]^_\`{|}~'"
    );
    CREATE TRIGGER knowledge_entries_bigrams_ad AFTER DELETE ON knowledge_entries BEGIN
      DELETE FROM knowledge_bigrams WHERE rowid = old.doc;
    END;
    ${KNOWLEDGE_BIGRAMS_FILL_SQL}
  `,
};
