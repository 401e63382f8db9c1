/**
 * The 1–2 character index (cache migration 008, knowledge_bigrams): how an entry is split into its
 * tokens and how a short query term becomes a MATCH expression. The split must give the same
 * tokens as the SQL fill in 008-knowledge-bigrams.ts (search.test.ts compares the two).
 *
 * A token is a field tag and two characters of that field ("q退货"): with the field in the token
 * each tier reads only its own doclist — a character frequent in answers but absent from questions
 * costs the question tier nothing — and the index needs no column or position data (detail=none).
 */

/** The tag of each field, in tier order (question above keywords above answer). */
export const FIELD_TAGS = ['q', 'k', 'a'] as const;
export type FieldTag = (typeof FIELD_TAGS)[number];

/** ASCII spaces and control characters separate tokens in the ascii tokenizer. */
const isSeparator = (char: string): boolean => {
  const code = char.codePointAt(0)!;
  return code <= 0x20 || code === 0x7f;
};

/**
 * Every character of the text with the one after it, tagged ("退货流程" → "q退货 q货流 q流程 q程"),
 * by code point like LIKE and substr(). A separator starts no token; one in second place cuts the
 * token to one character, which still lets every character start a token.
 */
export function fieldBigrams(tag: FieldTag, text: string): string {
  const chars = [...text];
  const tokens: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (!isSeparator(chars[i]!)) tokens.push(tag + chars[i]! + (chars[i + 1] ?? ''));
  }
  return tokens.join(' ');
}

/**
 * One token naming the category ("c" and the id's UTF-8 bytes in hex, so any id is one token):
 * a category filter joins the MATCH instead of checking every matching row, which took ~100 ms
 * for a frequent term in a category with few entries.
 */
export function categoryToken(categoryId: string): string {
  return `c${Buffer.from(categoryId, 'utf8').toString('hex')}`;
}

/** The token text of one entry (keywords one per line, as stored). */
export function entryBigrams(entry: { question: string; keywords: string; answerText: string; categoryId: string | null }): string {
  const fields = [fieldBigrams('q', entry.question), fieldBigrams('k', entry.keywords), fieldBigrams('a', entry.answerText)];
  if (entry.categoryId !== null) fields.push(categoryToken(entry.categoryId));
  return fields.filter(Boolean).join(' ');
}

/** True when the index can answer this 1–2 character term exactly as LIKE would. */
export function bigramSearchable(term: string): boolean {
  const chars = [...term];
  return chars.length >= 1 && chars.length <= 2 && !chars.some(isSeparator);
}

/**
 * The term in one field as one quoted FTS5 token (quotes doubled, so operators and quotes in it
 * are text): a 2-character term is an exact token, a 1-character term any token it starts
 * (served by prefix='2': the tag and the character).
 */
export function bigramMatch(tag: FieldTag, term: string): string {
  const quoted = `"${tag}${term.replace(/"/g, '""')}"`;
  return [...term].length === 1 ? `${quoted}*` : quoted;
}
