import type { KnowledgeEntry } from '../../shared/knowledge.js';

/** A knowledge entry for console tests: 怎么退货, in 售后 (c1), enabled, its answer partly bold. */
export function entry(overrides: Partial<KnowledgeEntry> = {}): KnowledgeEntry {
  return {
    id: 'k1',
    groupId: null,
    categoryId: 'c1',
    question: '怎么退货',
    keywords: ['退货'],
    answer: [{ type: 'p', children: [{ text: '七天内', bold: true }, { text: '申请' }] }],
    answerText: '七天内申请',
    enabled: true,
    rev: 1,
    updatedAt: Date.UTC(2026, 0, 5, 2, 0),
    ...overrides,
  };
}
