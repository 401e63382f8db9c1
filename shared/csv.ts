/**
 * Spreadsheet rows as text, the same on the server (imports read them) and in the console (which
 * splits an import file into batches and writes exports): RFC 4180 CSV both ways, and an XLSX
 * cell's value as the text an import reads.
 *
 * Reading CSV: quoted fields with "" escapes, commas and newlines inside quotes, CRLF or LF, a
 * UTF-8 BOM (Excel writes one). Returns rows of cells; never throws — an unclosed quote simply
 * runs to the end of the file, and the row checks then report what is missing.
 */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
      continue;
    }
    if (ch === '"' && cell.length === 0) quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell.length > 0 || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** An XLSX cell (read-excel-file's value) as text: dates as ISO time, numbers and booleans spelled out. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

const csvCell = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * Rows as RFC 4180 CSV with CRLF lines; with `bom` a UTF-8 byte-order mark first (without it Excel
 * on a Chinese Windows reads the file as GBK). parseCsv reads back exactly these cells.
 */
export function writeCsv(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  return `${options.bom ? '\uFEFF' : ''}${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
