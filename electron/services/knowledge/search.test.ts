import { afterAll, describe, expect, it } from 'vitest';
import type { KnowledgeEntry } from '../../../shared/knowledge.js';
import { openDatabase } from '../cache/database.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { applyKnowledgeChanges, getKnowledgeEntry, putKnowledgeEntries } from './knowledge-repo.js';
import { searchKnowledge } from './search.js';

let rev = 0;
const entry = (id: string, question: string, answerText: string, keywords: string[] = [], categoryId: string | null = null): KnowledgeEntry => ({
  id,
  groupId: null,
  categoryId,
  question,
  keywords,
  answer: [{ type: 'p', children: [{ text: answerText }] }],
  answerText,
  enabled: true,
  rev: ++rev,
  updatedAt: 0,
});

const ENTRIES = [
  entry('answer-only', '七天无理由', '收到商品后七天内可以申请退货，退货流程见订单页。'),
  entry('keyword', '售后政策说明', '请联系客服。', ['退货', '换货'], 'after-sales'),
  entry('question', '退货流程是什么', '在订单页点击申请退货。', [], 'after-sales'),
  entry('english', 'How do I reset my password?', 'Open the login page and click "Forgot password".', ['account']),
  entry('percent', '100% 退款吗', '部分商品支持 100% 退款。'),
];

describe('knowledge search on the SQLite cache', () => {
  const db = openDatabase(tempDir('kefu-knowledge-'));
  putKnowledgeEntries(db, ENTRIES);
  afterAll(() => {
    db.close();
    removeTempDirs();
  });
  const search = (query: string, categoryId: string | null = null) => searchKnowledge(db, { query, limit: 20, categoryId });

  it('finds a 1-character Chinese query (bigram index, mode like), question matches first', () => {
    const result = search('退');
    expect(result.mode).toBe('like');
    expect(result.hits.map((h) => h.id)).toEqual(['question', 'percent', 'keyword', 'answer-only']);
    expect(result.hits[0]?.questionRanges).toEqual([[0, 1]]);
  });

  it('ranks a 2-character query question > keywords > answer and highlights by ranges', () => {
    const result = search('退货');
    expect(result.mode).toBe('like');
    expect(result.hits.map((h) => [h.id, h.matchedIn])).toEqual([
      ['question', 'question'],
      ['keyword', 'keywords'],
      ['answer-only', 'answer'],
    ]);
    const answerHit = result.hits[2]!;
    expect(answerHit.snippetRanges.map(([s, e]) => answerHit.snippet.slice(s, e))).toEqual(['退货', '退货']);
  });

  it('uses the FTS5 trigram index for 4 characters, ranked the same way', () => {
    const result = search('退货流程');
    expect(result.mode).toBe('fts');
    expect(result.hits.map((h) => h.id)).toEqual(['question', 'answer-only']);
    const [s, e] = result.hits[0]!.questionRanges[0]!;
    expect(result.hits[0]!.question.slice(s, e)).toBe('退货流程');
  });

  it('searches English case-insensitively with 1, 2 and 4 characters', () => {
    expect(search('P').hits.map((h) => h.id)).toContain('english');
    expect(search('pa').hits.map((h) => h.id)).toEqual(['english']);
    const four = search('PASS');
    expect(four.mode).toBe('fts');
    expect(four.hits.map((h) => h.id)).toEqual(['english']);
    const hit = four.hits[0]!;
    expect(hit.questionRanges.map(([s, e]) => hit.question.slice(s, e))).toEqual(['pass']);
    expect(search('reset password').hits.map((h) => h.id)).toEqual(['english']);
  });

  it('treats LIKE and FTS operator characters as text', () => {
    expect(search('%').hits.map((h) => h.id)).toEqual(['percent']);
    expect(search('_').hits).toEqual([]);
    expect(search('"Forgot').hits.map((h) => h.id)).toEqual(['english']);
    expect(search('OR NOT').hits).toEqual([]);
    expect(search('   ').mode).toBe('none');
  });

  it('filters by category', () => {
    expect(search('退货', 'after-sales').hits.map((h) => h.id)).toEqual(['question', 'keyword']);
    expect(search('退货流程', 'after-sales').hits.map((h) => h.id)).toEqual(['question']);
  });

  it('follows changes: an updated entry is found by its new text, a removed one is gone from the index', () => {
    applyKnowledgeChanges(
      db,
      {
        changes: [
          { id: 'question', rev: 100, entry: { ...ENTRIES[2]!, question: '换货流程是什么', rev: 100 } },
          { id: 'answer-only', rev: 101, entry: null },
        ],
        categories: [{ id: 'after-sales', groupId: null, name: '售后', sortOrder: 0 }],
        cursor: 101,
        groups: [],
      },
      'http://127.0.0.1:1',
      1,
    );
    expect(search('退货流程').hits).toEqual([]);
    expect(search('换货流程').hits.map((h) => h.id)).toEqual(['question']);
    expect(getKnowledgeEntry(db, 'answer-only')).toBeNull();
    expect(getKnowledgeEntry(db, 'question')?.question).toBe('换货流程是什么');
  });
});
