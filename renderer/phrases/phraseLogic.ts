/** Pure rules of the phrase UI: what a click inserts, the "/" shortcut token, hotkeys. */
import { fillPhraseVariables, rankPhrases, type Phrase, type PhraseVariables } from '../../shared/phrases.js';

/** Links insert as their URL; text with its variables filled. */
export function phraseInsertText(phrase: Pick<Phrase, 'kind' | 'content'>, variables: PhraseVariables): string {
  return phrase.kind === 'link' ? phrase.content : fillPhraseVariables(phrase.content, variables);
}

export interface SlashToken {
  /** Where the "/" is. */
  start: number;
  /** The caret (end of the token). */
  end: number;
  query: string;
}

/** "/" at the start or after whitespace, then up to 20 non-space characters, right before the caret. */
export function slashTokenAt(text: string, caret: number): SlashToken | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([^\s/]{0,20})$/.exec(before);
  if (!match) return null;
  const start = caret - match[2]!.length - 1;
  return { start, end: caret, query: match[2]! };
}

/** The phrases the popup offers for a token: ranked, at most `limit`. */
export function slashMatches<P extends Pick<Phrase, 'title' | 'shortcut' | 'content'>>(phrases: readonly P[], query: string, limit = 8): P[] {
  return rankPhrases(phrases, query).slice(0, limit);
}

/** "Ctrl+Shift+H" from a key event, in the form PhraseHotkeySchema accepts; null without a modifier. */
export function hotkeyOf(e: { key: string; code?: string; ctrlKey: boolean; altKey: boolean; shiftKey: boolean }): string | null {
  const mods = [e.ctrlKey && 'Ctrl', e.altKey && 'Alt', e.shiftKey && 'Shift'].filter(Boolean) as string[];
  if (mods.length === 0 || (mods.length === 1 && mods[0] === 'Shift')) return null;
  // Alt+1 types "¡" on some layouts: use the physical key when there is one.
  const fromCode = e.code ? /^(?:Key([A-Z])|Digit([0-9]))$/.exec(e.code) : null;
  const key = fromCode ? (fromCode[1] ?? fromCode[2])! : e.key.length === 1 ? e.key.toUpperCase() : '';
  if (!/^[A-Z0-9]$/.test(key)) return null;
  return `${mods.join('+')}+${key}`;
}
