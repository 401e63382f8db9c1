/** File names as we keep and offer them. */
import { LIMITS } from '../../../shared/limits.js';
import { stripInvisible } from '../../../shared/visible-text.js';

/**
 * Keeps a name safe to show and to put in Content-Disposition: no path, no control, bidi or other
 * invisible character (a `\u202E` would make "invoice\u202Etxt.exe" read as a .txt), no quote.
 */
export function cleanFileName(name: string): string {
  const base = stripInvisible(name).replace(/[\\/]/g, '_').replace(/"/g, '').trim();
  return (base || 'file').slice(0, LIMITS.fileNameMax);
}

/** The Content-Disposition of a download, with the name cleaned again: rows stored before the cleaning existed still reach here. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  return `${kind}; filename*=UTF-8''${encodeURIComponent(cleanFileName(name))}`;
}
