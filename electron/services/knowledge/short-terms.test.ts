/**
 * 1–2 character search through the bigram index (migration 008) must find exactly what the LIKE
 * scan found. The oracle here is SQLite's own LIKE over the same rows (the old path's semantics:
 * ASCII-only case folding, %/_ escaped), tiered by the longest term, in entry order within a tier.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { KnowledgeEntry } from '../../../shared/knowledge.js';
import { openDatabase, type Db } from '../cache/database.js';
import { KNOWLEDGE_BIGRAMS_FILL_SQL, migration008 } from '../cache/migrations/008-knowledge-bigrams.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { putKnowledgeEntries } from './knowledge-repo.js';
import { queryTerms, searchKnowledge } from './search.js';

const entry = (n: number, question: string, answerText: string, keywords: string[], categoryId: string | null): KnowledgeEntry => ({
  id: `e${n}`,
  groupId: null,
  categoryId,
  question,
  keywords,
  answer: [{ type: 'p', children: [{ text: answerText }] }],
  answerText,
  enabled: true,
  rev: n + 1,
  updatedAt: 0,
});

/** Seeded so every run checks the same corpus; the texts mix scripts, case, operators and quotes. */
function corpus(): KnowledgeEntry[] {
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pieces = [
    '退货',
    '退款',
    '换货',
    '流程',
    '订单',
    'Pass',
    'word',
    'AB',
    'c"d',
    '100%',
    'a_b',
    'OR',
    'NOT',
    '*',
    '^',
    '{q}',
    ':',
    '，',
    '。',
    '😀',
    'é',
    'Ä',
    ' ',
    '\t',
    '\u3000',
    '申请',
  ];
  const text = (n: number) => Array.from({ length: n }, () => pieces[Math.floor(random() * pieces.length)]).join('');
  const categories = ['after-sales', 'account', 'shipping', null];
  const entries = Array.from({ length: 150 }, (_, i) =>
    entry(i, text(2 + Math.floor(random() * 5)), text(3 + Math.floor(random() * 60)), [text(1), text(2)], categories[i % categories.length]!),
  );
  // Lengths around the migration's 64-character chunks, so a pair that spans two chunks is checked.
  for (const length of [63, 64, 65, 128, 129, 300]) {
    const answer = Array.from({ length }, (_, i) => '退货流程订单申请'[i % 8]).join('');
    entries.push(entry(entries.length, `长答案${length}`, `${answer}尾巴`, [], 'shipping'));
  }
  entries.push(entry(entries.length, '空', '', [], null));
  entries.push(entry(entries.length, 'x', 'y', ['跨\n行'], 'account'));
  return entries;
}

interface Expected {
  id: string;
  tier: number;
}

/** Every row, tested with SQLite LIKE per term and field; tier from the first term. */
function oracle(db: Db, query: string, categoryId: string | null, limit: number): Expected[] {
  const terms = queryTerms(query);
  const like = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const per = db.prepare(
    `SELECT doc, id, category_id AS category, question LIKE @p ESCAPE '\\' AS q, keywords LIKE @p ESCAPE '\\' AS k, answer_text LIKE @p ESCAPE '\\' AS a
     FROM knowledge_entries ORDER BY doc`,
  );
  const byTerm = terms.map((t) => per.all({ p: like(t) }) as { id: string; category: string | null; q: number; k: number; a: number }[]);
  const found: (Expected & { doc: number })[] = [];
  byTerm[0]!.forEach((row, doc) => {
    if (categoryId && row.category !== categoryId) return;
    if (!byTerm.every((rows) => rows[doc]!.q || rows[doc]!.k || rows[doc]!.a)) return;
    const tier = row.q ? 0 : row.k ? 1 : row.a ? 2 : -1;
    if (tier >= 0) found.push({ id: row.id, tier, doc });
  });
  found.sort((x, y) => x.tier - y.tier || x.doc - y.doc);
  return found.slice(0, limit).map(({ id, tier }) => ({ id, tier }));
}

const TIER = { question: 0, keywords: 1, answer: 2 } as const;
/** bm25 orders within a tier on the trigram path, so there each tier is compared as a set. */
const byTier = (hits: Expected[]): string[] => hits.map((h) => `${h.tier}:${h.id}`).sort();

/** 1- and 2-character substrings actually in the corpus, plus some that are nowhere. */
function shortQueries(entries: KnowledgeEntry[]): string[] {
  const found = new Set<string>();
  for (const e of entries.slice(0, 40)) {
    const chars = [...`${e.question}${e.keywords.join('')}${e.answerText.slice(0, 40)}`];
    chars.forEach((c, i) => {
      found.add(c);
      if (chars[i + 1]) found.add(c + chars[i + 1]);
    });
  }
  const queries = [...found].filter((q) => q.trim().length === q.length && q.length > 0);
  return [...queries, 'P', 'PA', 'ä', 'ÄB', 'zz', '无', '%', '_', '%_', '"', '""', '*', 'OR', 'ab', '货流', '程订', '巴', '尾巴', '行', '跨'];
}

describe('1–2 character search through the bigram index', () => {
  const db = openDatabase(tempDir('kefu-knowledge-short-'));
  const entries = corpus();
  putKnowledgeEntries(db, entries);
  afterAll(() => {
    db.close();
    removeTempDirs();
  });
  const got = (query: string, categoryId: string | null, limit: number): Expected[] =>
    searchKnowledge(db, { query, limit, categoryId }).hits.map((h) => ({ id: h.id, tier: TIER[h.matchedIn] }));
  const queries = shortQueries(entries);

  it('returns the same hits, tiers and order as LIKE for every 1- and 2-character query', () => {
    expect(queries.length).toBeGreaterThan(100);
    let withHits = 0;
    for (const query of queries) {
      for (const limit of [5, 50]) {
        const expected = oracle(db, query, null, limit);
        if (expected.length > 0) withHits++;
        expect({ query, limit, hits: got(query, null, limit) }).toEqual({ query, limit, hits: expected });
      }
    }
    expect(withHits).toBeGreaterThan(150);
  });

  it('does the same with several short terms and with a category filter', () => {
    const pairs = queries.filter((q) => [...q].length === 2).slice(0, 40);
    const singles = queries.filter((q) => [...q].length === 1).slice(0, 20);
    for (const [i, two] of pairs.entries()) {
      const query = `${two} ${singles[i % singles.length]}`;
      for (const category of [null, 'after-sales', 'shipping', 'no-such-category']) {
        expect({ query, category, hits: got(query, category, 50) }).toEqual({ query, category, hits: oracle(db, query, category, 50) });
      }
    }
  });

  it('keeps 3+ character terms on the trigram index and short terms beside them as filters', () => {
    for (const query of ['退货流程', '退货流 申', '退货流程 尾巴', 'pass wo', 'word "', '100% 退款', 'NOT', '{q} 退']) {
      // A limit above every hit count: the sets are compared whole, whatever bm25 puts first.
      const result = searchKnowledge(db, { query, limit: 1000, categoryId: null });
      expect(result.mode).toBe('fts');
      expect({ query, hits: byTier(got(query, null, 1000)) }).toEqual({ query, hits: byTier(oracle(db, query, null, 1000)) });
    }
  });

  it('treats quotes, operators and LIKE wildcards in a query as text', () => {
    for (const query of ['"', '"退', 'c"', '%', '_', '*', '^', ':', '{q', 'OR', 'a_', '0%']) {
      expect({ query, hits: got(query, null, 50) }).toEqual({ query, hits: oracle(db, query, null, 50) });
    }
    expect(got('c"', null, 50).length).toBeGreaterThan(0);
    const underscore = got('_', null, 50);
    expect(underscore.length).toBeGreaterThan(0);
    for (const hit of underscore) {
      const e = entries.find((x) => x.id === hit.id)!;
      expect(`${e.question}\n${e.keywords.join('\n')}\n${e.answerText}`).toContain('_');
    }
  });

  it('highlights the short term where it is in the question and snippet', () => {
    const hit = searchKnowledge(db, { query: '退货', limit: 5, categoryId: null }).hits[0]!;
    expect(hit.matchedIn).toBe('question');
    expect(hit.questionRanges.length).toBeGreaterThan(0);
    for (const [s, e] of hit.questionRanges) expect(hit.question.slice(s, e)).toContain('退货');
  });

  it('the migration fill in SQL gives the same index as the tokens written by the code', () => {
    const vocab = () => {
      db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.bigram_vocab USING fts5vocab(main, knowledge_bigrams, 'instance')");
      return (db.prepare('SELECT term, doc FROM temp.bigram_vocab ORDER BY term, doc').all() as { term: string; doc: number }[]).map(
        (r) => `${r.doc} ${r.term}`,
      );
    };
    const written = vocab();
    expect(written.length).toBeGreaterThan(5000);
    db.exec("INSERT INTO knowledge_bigrams (knowledge_bigrams) VALUES ('delete-all')");
    expect(vocab()).toEqual([]);
    db.exec(KNOWLEDGE_BIGRAMS_FILL_SQL);
    expect(vocab()).toEqual(written);
  });
});

describe('migration 008 on a cache that already holds entries', () => {
  afterAll(() => removeTempDirs());

  it('fills the index for the existing rows, so a reopened old cache answers short queries', () => {
    const dir = tempDir('kefu-knowledge-migrate-');
    const entries = corpus();
    const db = openDatabase(dir);
    putKnowledgeEntries(db, entries);
    // Back to the version-7 shape of the knowledge tables (the entries without their bigram index),
    // then migration 008 itself, as a cache upgraded from version 7 runs it. Only 008 is rewound:
    // later migrations touch other tables and stay applied.
    db.exec('DROP TRIGGER knowledge_entries_bigrams_ad; DROP TABLE knowledge_bigrams;');
    db.transaction(() => db.exec(migration008.sql))();
    try {
      for (const query of ['退', '退货', '货流', 'p', 'AB', '😀', '尾巴', '"']) {
        const hits = searchKnowledge(db, { query, limit: 50, categoryId: null }).hits.map((h) => ({ id: h.id, tier: TIER[h.matchedIn] }));
        expect({ query, hits }).toEqual({ query, hits: oracle(db, query, null, 50) });
      }
      expect(searchKnowledge(db, { query: '退', limit: 50, categoryId: 'shipping' }).hits.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
