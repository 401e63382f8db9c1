/**
 * What every spreadsheet import shares with its callers: the two formats it reads, how a file's
 * name says which, the base64 body's length for a byte limit, and a bad row's report.
 */
import { z } from 'zod';

export const TableFormatSchema = z.enum(['csv', 'xlsx']);
export type TableFormat = z.infer<typeof TableFormatSchema>;

/** The format a file name promises (.csv or .xlsx, any case); null for anything else. */
export function tableFormatOf(fileName: string): TableFormat | null {
  const ext = /\.([A-Za-z]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  return ext === 'csv' || ext === 'xlsx' ? ext : null;
}

/** Characters of the base64 text of a file of at most `bytes` bytes. */
export const base64LengthMax = (bytes: number): number => Math.ceil((bytes * 4) / 3) + 4;

/** One bad row: its number as the spreadsheet shows it (the header is row 1), the column at fault if one is, and why. */
export const ImportRowErrorSchema = z.object({
  row: z.number().int(),
  /** The column's key (e.g. 'account'), not its header text; null when the row as a whole is refused. */
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;
