/**
 * What a person reads must be what is there. Bidirectional controls (U+202A–202E, U+2066–2069)
 * reorder what follows them, so `invoice\u202Etxt.exe` reads as "invoiceexe.txt"; the other
 * invisible format characters (Unicode Cf: U+200B–200F, U+FEFF, U+061C, soft hyphen, tags…) make
 * two different names look the same. Names shown to people (file names, nicknames, visitor and
 * customer names, category and topic names) go through this one function before they are stored
 * and again where they leave in a header.
 */

/**
 * Format (Cf) and control (Cc) characters, lone surrogates (Cs) and the line/paragraph separators
 * (Zl, Zp): none of them belongs in a one-line name.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Cs}\p{Zl}\p{Zp}]/gu;

/** The name without characters that are invisible or that change how the rest is displayed. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
