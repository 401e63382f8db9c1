/**
 * The loaded audit entries as CSV for Excel: UTF-8 with a byte-order mark (without it Excel on a
 * Chinese Windows reads the file as GBK and the names turn to mojibake), CRLF lines, RFC 4180 quoting.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function csvCell(text: string): string {
  // A name starting with = + - @ would run as a formula in Excel: a leading ' keeps it text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Hands the text (or a file already made, such as a report's XLSX) to the browser as a download. */
export function downloadText(fileName: string, text: string | Blob, mime = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is no longer needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
