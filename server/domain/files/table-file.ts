/**
 * Reading a spreadsheet someone uploads for an import (知识库, 客服 …): the file arrives as base64
 * in a JSON body, is CSV (UTF-8, Excel's BOM allowed) or XLSX (first sheet), and its first
 * non-empty row names the columns — each column may go by several names (中文 and English).
 * Each import then checks its own rows; the pieces here are what they all share: the limits, the
 * rows with the numbers the spreadsheet shows, the header mapping, and how a refusal reads in a
 * per-row error.
 */
import { readSheet } from 'read-excel-file/node';
import { cellText, parseCsv } from '../../../shared/csv.js';
import type { TableFormat } from '../../../shared/table-import.js';
import { DomainError, refuse } from '../errors.js';

/** The body field the file arrives in, named in refusals the way the route validation names it. */
const FILE_FIELD = 'body.dataBase64';

/** One data row: its cells and its number as the spreadsheet shows it (the first row is 1). */
export interface TableRow {
  row: number;
  cells: string[];
}

/** The file's bytes from base64, refused when empty or over the import's limit. */
export function decodeTableFile(dataBase64: string, bytesMax: number): Buffer {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) refuse('VALIDATION_FAILED', 'The file is empty', { [FILE_FIELD]: 'empty' });
  if (bytes.length > bytesMax) refuse('PAYLOAD_TOO_LARGE', `The file is larger than ${bytesMax} bytes`);
  return bytes;
}

/** Every row of the file as text cells; refused when the bytes are not the format. */
export async function readTableRows(format: TableFormat, bytes: Buffer): Promise<string[][]> {
  if (format === 'csv') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return refuse('VALIDATION_FAILED', 'The CSV file is not UTF-8 text', { [FILE_FIELD]: 'not UTF-8' });
    }
    // A binary file that happens to decode (NUL bytes are valid UTF-8) is no table either.
    if (text.includes('\u0000')) return refuse('VALIDATION_FAILED', 'The CSV file is not text', { [FILE_FIELD]: 'not text' });
    return parseCsv(text);
  }
  try {
    const sheet = await readSheet(bytes);
    return sheet.map((row) => row.map(cellText));
  } catch {
    return refuse('VALIDATION_FAILED', 'The file is not a readable XLSX workbook', { [FILE_FIELD]: 'not XLSX' });
  }
}

/**
 * The header (the first non-empty row) and the non-empty rows after it, refused when there is
 * no header or more data rows than the import takes.
 */
export function splitTable(rows: string[][], rowsMax: number): { header: string[]; data: TableRow[] } {
  const headerIndex = rows.findIndex((row) => row.some((c) => c.trim()));
  if (headerIndex < 0) return refuse('VALIDATION_FAILED', 'The file has no rows', { [FILE_FIELD]: 'no rows' });
  const data = rows
    .map((cells, index) => ({ cells, row: index + 1 }))
    .slice(headerIndex + 1)
    .filter(({ cells }) => cells.some((c) => c.trim()));
  if (data.length > rowsMax) refuse('PAYLOAD_TOO_LARGE', `At most ${rowsMax} rows per import`);
  return { header: rows[headerIndex]!, data };
}

export type ColumnIndexes<C extends string> = Partial<Record<C, number>>;

/**
 * Which cell holds each column, by the header's names (trimmed, case-insensitive; the first
 * match wins); refused when a required column is missing.
 */
export function locateColumns<C extends string>(
  header: string[],
  names: Readonly<Record<C, readonly string[]>>,
  required: readonly C[],
  missingMessage: string,
): ColumnIndexes<C> {
  const columns: ColumnIndexes<C> = {};
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    for (const column of Object.keys(names) as C[]) {
      if (columns[column] === undefined && names[column].some((n) => n.toLowerCase() === name)) columns[column] = index;
    }
  });
  const missing = required.filter((column) => columns[column] === undefined);
  if (missing.length > 0) refuse('VALIDATION_FAILED', missingMessage, { header: `missing ${missing.join('/')} column` });
  return columns;
}

/** A row's cell of a column, trimmed; '' when the file has no such column. */
export const cellOf =
  <C extends string>(cells: string[], columns: ColumnIndexes<C>) =>
  (column: C): string =>
    (columns[column] === undefined ? '' : (cells[columns[column]] ?? '')).trim();

/** How a refusal reads in a per-row error: its message, and the fields it names. */
export function problemOf(error: unknown): string {
  if (error instanceof DomainError) {
    const details = error.details ? Object.entries(error.details).map(([key, value]) => `${key.replace(/^body\./, '')}: ${value}`) : [];
    return details.length > 0 ? `${error.message} (${details.join('; ')})` : error.message;
  }
  return 'could not be stored';
}
