/**
 * Keyboard access to phrases inside the input box: "/" + a few characters of the title or code
 * opens a filtered popup (↑/↓ choose, Enter or Tab insert, Esc closes); per-phrase hotkeys
 * (e.g. Alt+1) insert directly. Used by MessageInput; the popup renders above the textarea.
 */
import { useEffect, useMemo, useState, type KeyboardEvent, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phrase } from '../../shared/phrases.js';
import { hotkeyOf, phraseInsertText, slashMatches, slashTokenAt } from './phraseLogic.js';
import { usePhrasesStore } from './phrasesStore.js';
import { usePhraseVariables } from './usePhraseVariables.js';

const POPUP_STYLE = {
  position: 'absolute',
  bottom: '100%',
  left: 0,
  right: 0,
  maxHeight: 240,
  overflow: 'auto',
  background: '#fff',
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  boxShadow: '0 4px 12px rgba(0,0,0,0.12)',
  zIndex: 10,
} as const;

export interface PhraseShortcuts {
  /** True when the key was handled here (the input must not act on it). */
  onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): boolean;
  /** Spread on the textarea's onSelect and call from onChange: tracks the caret. */
  onCaret(e: SyntheticEvent<HTMLTextAreaElement>): void;
  popup: ReactNode;
}

export function usePhraseShortcuts(opts: { conversationId: string; text: string; replace(start: number, end: number, insert: string): void }): PhraseShortcuts {
  const { t } = useTranslation();
  const phrases = usePhrasesStore((s) => s.phrases);
  const loaded = usePhrasesStore((s) => s.loaded);
  const variables = usePhraseVariables(opts.conversationId);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);

  useEffect(() => {
    if (!loaded) void usePhrasesStore.getState().load();
  }, [loaded]);

  const token = slashTokenAt(opts.text, Math.min(caret, opts.text.length));
  const query = token?.query ?? null;
  const matches = useMemo(() => (query === null ? [] : slashMatches(phrases, query)), [phrases, query]);
  const open = token !== null && matches.length > 0 && dismissedAt !== opts.text;
  const current = Math.min(active, Math.max(0, matches.length - 1));

  useEffect(() => setActive(0), [query]);

  const choose = (phrase: Phrase) => {
    if (!token) return;
    opts.replace(token.start, token.end, phraseInsertText(phrase, variables));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((current + step + matches.length) % matches.length);
        return true;
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && !e.nativeEvent.isComposing) {
        e.preventDefault();
        choose(matches[current]!);
        return true;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setDismissedAt(opts.text);
        return true;
      }
    }
    const hotkey = hotkeyOf(e);
    const phrase = hotkey ? phrases.find((p) => p.hotkey === hotkey) : undefined;
    if (phrase) {
      e.preventDefault();
      const el = e.currentTarget;
      opts.replace(el.selectionStart, el.selectionEnd, phraseInsertText(phrase, variables));
      return true;
    }
    return false;
  };

  const popup = open ? (
    <div className="kefu-phrase-popup" role="listbox" aria-label={t('phrases.popup')} style={POPUP_STYLE}>
      {matches.map((p, i) => (
        <div
          key={p.id}
          role="option"
          aria-selected={i === current}
          style={{
            padding: '4px 8px',
            cursor: 'pointer',
            background: i === current ? '#e6f4ff' : undefined,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
          onMouseDown={(e) => {
            e.preventDefault(); // keep the caret in the textarea
            choose(p);
          }}
        >
          {p.shortcut ? <code>/{p.shortcut}</code> : null} <strong>{p.title}</strong> <span>{p.content.slice(0, 40)}</span>
        </div>
      ))}
    </div>
  ) : null;

  return { onKeyDown, onCaret: (e) => setCaret(e.currentTarget.selectionStart), popup };
}
