/**
 * Reads a chosen spreadsheet into rows of text in the browser, as the server would read it
 * (server/domain/files/table-file.ts): CSV must be UTF-8, XLSX is its first sheet.
 */
import { cellText, parseCsv } from '../../shared/csv.js';
import { tableFormatOf } from '../../shared/table-import.js';

/** Larger files are refused before reading: an import is not how a whole database moves. */
export const IMPORT_FILE_MAX_MB = 10;

export type ReadProblem = 'notSpreadsheet' | 'tooLarge' | 'notUtf8' | 'notXlsx' | 'noRows';
export type ReadResult = { ok: true; rows: string[][] } | { ok: false; problem: ReadProblem };

async function bytesOf(file: Blob): Promise<ArrayBuffer> {
  // FileReader rather than Blob.arrayBuffer(): every browser the console supports, and jsdom, have it.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

export async function readImportFile(file: File): Promise<ReadResult> {
  const format = tableFormatOf(file.name);
  if (!format) return { ok: false, problem: 'notSpreadsheet' };
  if (file.size > IMPORT_FILE_MAX_MB * 1024 * 1024) return { ok: false, problem: 'tooLarge' };
  const bytes = await bytesOf(file);
  let rows: string[][];
  if (format === 'csv') {
    try {
      rows = parseCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      return { ok: false, problem: 'notUtf8' };
    }
  } else {
    try {
      // Loaded only when an XLSX is chosen: the reader is most of the import's code.
      const { readSheet } = await import('read-excel-file/browser');
      rows = (await readSheet(bytes)).map((row) => row.map(cellText));
    } catch {
      return { ok: false, problem: 'notXlsx' };
    }
  }
  return rows.some((row) => row.some((cell) => cell.trim())) ? { ok: true, rows } : { ok: false, problem: 'noRows' };
}
