/**
 * Spreadsheet import (CSV or XLSX) of knowledge entries. The header row names the columns
 * (问题/question, 答案/answer, and optionally 分类/category, 关键词/keywords, 启用/enabled). Each data
 * row is checked and written in its own savepoint: good rows go in, each bad row is reported with
 * the row number the spreadsheet shows, and no row is ever half written.
 */
import { nameField } from '../../../shared/domain.js';
import { KNOWLEDGE_LIMITS, NewKnowledgeEntryBodySchema, type KnowledgeImportResult } from '../../../shared/knowledge.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';
import { cellOf, decodeTableFile, locateColumns, problemOf, readTableRows, splitTable, type ColumnIndexes } from '../files/table-file.js';
import { categoryNamed } from './categories.js';
import { createEntry } from './entries.js';

type Column = 'question' | 'answer' | 'category' | 'keywords' | 'enabled';
const HEADER_NAMES: Record<Column, readonly string[]> = {
  question: ['问题', '标题', 'question', 'title'],
  answer: ['答案', '回答', 'answer'],
  category: ['分类', '类别', 'category'],
  keywords: ['关键词', '关键字', 'keywords', 'keyword'],
  enabled: ['启用', '是否启用', '状态', 'enabled'],
};
const YES = new Set(['', '1', 'true', 'yes', 'y', '是', '启用', '有效']);
const NO = new Set(['0', 'false', 'no', 'n', '否', '禁用', '停用', '无效']);
/** A category name from a spreadsheet cell gets the same rule as one an admin types. */
const CategoryName = nameField(KNOWLEDGE_LIMITS.categoryNameMax);

const splitKeywords = (text: string): string[] =>
  text
    .split(/[,，;；、|\s]+/)
    .map((k) => k.trim())
    .filter(Boolean);

/** Builds the unit that stores one row, or throws a DomainError naming what is wrong with it. */
function rowUnit(ctx: DomainContext, cells: string[], columns: ColumnIndexes<Column>): () => void {
  const cell = cellOf(cells, columns);
  const enabledText = cell('enabled').toLowerCase();
  if (!YES.has(enabledText) && !NO.has(enabledText)) refuse('VALIDATION_FAILED', 'Unknown value in 启用 (use 是/否)', { enabled: enabledText });
  const parsed = NewKnowledgeEntryBodySchema.safeParse({
    question: cell('question'),
    answer: cell('answer'),
    keywords: splitKeywords(cell('keywords')),
    enabled: !NO.has(enabledText),
  });
  if (!parsed.success) {
    const details: Record<string, string> = {};
    for (const issue of parsed.error.issues) details[issue.path.join('.') || 'row'] ??= issue.message;
    return refuse('VALIDATION_FAILED', 'The row is not valid', details);
  }
  const categoryText = cell('category');
  const category = categoryText ? CategoryName.safeParse(categoryText) : null;
  if (category && !category.success)
    refuse('VALIDATION_FAILED', 'The category name is not valid', { category: category.error.issues[0]?.message ?? 'not valid' });
  return () => {
    const categoryId = category?.success ? categoryNamed(ctx, category.data).id : null;
    createEntry(ctx, { ...parsed.data, categoryId });
  };
}

export async function importEntries(ctx: DomainContext, format: 'csv' | 'xlsx', dataBase64: string): Promise<KnowledgeImportResult> {
  const bytes = decodeTableFile(dataBase64, KNOWLEDGE_LIMITS.importBytesMax);
  const { header, data } = splitTable(await readTableRows(format, bytes), KNOWLEDGE_LIMITS.importRowsMax);
  const columns = locateColumns(header, HEADER_NAMES, ['question', 'answer'], 'The first row must name the columns 问题 (question) and 答案 (answer)');

  const errors: KnowledgeImportResult['errors'] = [];
  const units: { row: number; unit: () => void }[] = [];
  for (const { cells, row } of data) {
    try {
      units.push({ row, unit: rowUnit(ctx, cells, columns) });
    } catch (error) {
      errors.push({ row, message: problemOf(error) });
    }
  }
  const results = units.length > 0 ? ctx.store.transactionEach(units.map((u) => u.unit)) : [];
  let imported = 0;
  results.forEach((result, index) => {
    if (result.ok) imported++;
    else errors.push({ row: units[index]!.row, message: problemOf(result.error) });
  });
  errors.sort((a, b) => a.row - b.row);
  return { imported, errors };
}
