/**
 * An import file in batches: the console reads the spreadsheet itself and sends its rows a batch
 * at a time (each with the header row), so the progress it shows is rows the server has really
 * processed, and a file of any length fits the route's per-request limits. The server numbers a
 * batch's rows from 2; they are mapped back to the file's own row numbers.
 */
import { writeCsv } from '../../shared/csv.js';
import type { KnowledgeImportResult } from '../../shared/knowledge.js';

/** Rows per request: small enough that progress moves, large enough that a big file is few calls. */
const BATCH_ROWS = 100;
/** Bytes of one batch's CSV, well under the route's limit (KNOWLEDGE_LIMITS.importBytesMax). */
const BATCH_BYTES = 96 * 1024;

export interface ImportBatch {
  csv: string;
  /** The file's row number of each data row in the batch, in order. */
  rows: number[];
}

const filled = (cells: readonly string[]) => cells.some((cell) => cell.trim());
const bytesOf = (text: string) => new TextEncoder().encode(text).length;

/**
 * The batches of a file's rows; null when the file has no rows at all. The first non-empty row is
 * the header (as the server reads it); a file with a header only is one batch, so a wrong header
 * is still reported.
 */
export function importBatches(rows: readonly string[][]): ImportBatch[] | null {
  const headerIndex = rows.findIndex(filled);
  if (headerIndex < 0) return null;
  const header = rows[headerIndex]!;
  const data = rows.flatMap((cells, index) => (index > headerIndex && filled(cells) ? [{ cells, row: index + 1 }] : []));
  const batches: ImportBatch[] = [];
  let current: { cells: string[]; row: number }[] = [];
  let size = 0;
  const flush = () => {
    batches.push({ csv: writeCsv([header, ...current.map((r) => r.cells)]), rows: current.map((r) => r.row) });
    current = [];
    size = 0;
  };
  for (const row of data) {
    const rowBytes = bytesOf(writeCsv([row.cells]));
    if (current.length > 0 && (current.length >= BATCH_ROWS || size + rowBytes > BATCH_BYTES)) flush();
    current.push(row);
    size += rowBytes;
  }
  if (current.length > 0 || batches.length === 0) flush();
  return batches;
}

/** A batch's row errors with the file's row numbers. */
export function fileRowErrors(batch: ImportBatch, errors: KnowledgeImportResult['errors']): KnowledgeImportResult['errors'] {
  return errors.map((error) => ({ ...error, row: batch.rows[error.row - 2] ?? error.row }));
}

/** UTF-8 text as base64, the way the import route takes a file. */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
