/**
 * The knowledge base as a spreadsheet: the columns the import reads (server/domain/knowledge/import.ts),
 * so an export imports back as the same entries, and the template shows the same columns.
 */
import { writeCsv } from './csv.js';
import type { KnowledgeEntry } from './knowledge.js';
import { richDocToSource } from './knowledge-rich-text.js';

export const KNOWLEDGE_CSV_HEADER = ['问题', '答案', '分类', '关键词', '启用'] as const;

/** One entry's cells: the answer as its source (the import parses it back), keywords comma-separated. */
export interface KnowledgeCsvRow {
  question: string;
  answer: string;
  category: string;
  keywords: readonly string[];
  enabled: boolean;
}

/**
 * A cell Excel would run as a formula (= + - @ first) gets a tab in front: Excel then shows it as
 * text, and the import trims every cell, so the entry comes back unchanged.
 */
const guarded = (text: string): string => (/^[=+\-@]/.test(text) ? `\t${text}` : text);

export function knowledgeCsv(rows: readonly KnowledgeCsvRow[]): string {
  return writeCsv(
    [KNOWLEDGE_CSV_HEADER, ...rows.map((row) => [row.question, row.answer, row.category, row.keywords.join(', '), row.enabled ? '是' : '否'].map(guarded))],
    { bom: true },
  );
}

/** Entries as export rows; a category that is gone (or none) is an empty cell. */
export function knowledgeCsvRows(entries: readonly KnowledgeEntry[], categoryName: (id: string) => string | undefined): KnowledgeCsvRow[] {
  return entries.map((entry) => ({
    question: entry.question,
    answer: richDocToSource(entry.answer),
    category: (entry.categoryId && categoryName(entry.categoryId)) || '',
    keywords: entry.keywords,
    enabled: entry.enabled,
  }));
}
