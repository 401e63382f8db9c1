/**
 * 表情: a button that opens a small grid of emoji; a pick goes into the message at the caret. The
 * company may turn it off (访客端设置), live: the button hides and an open grid closes.
 */
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { icon } from './icons.js';
import { EMOJI } from '../../../../shared/emoji.js';

/** Puts `text` into the field at its caret (replacing a selection) and tells its listeners, as typing would. */
export function insertAtCaret(input: HTMLTextAreaElement, text: string): void {
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  input.setRangeText(text, start, end, 'end');
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.focus();
}

export class EmojiPicker {
  readonly button: HTMLButtonElement;
  readonly panel: HTMLElement;

  constructor(target: HTMLTextAreaElement) {
    this.panel = h(
      'div',
      { className: 'emoji-panel', id: 'kefu-emoji-panel', role: 'group', 'aria-label': t('emoji'), hidden: true },
      ...EMOJI.map((emoji) =>
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              insertAtCaret(target, emoji);
              this.close();
            },
          },
          emoji,
        ),
      ),
    );
    this.button = h(
      'button',
      {
        type: 'button',
        className: 'tool',
        'aria-label': t('emoji'),
        title: t('emoji'),
        'aria-expanded': 'false',
        'aria-controls': 'kefu-emoji-panel',
        onclick: () => (this.panel.hidden ? this.open() : this.close()),
      },
      icon('emoji'),
    );
  }

  /** Shown or not (访客端设置 → 表情); hiding also closes the grid. */
  setAvailable(available: boolean): void {
    this.button.hidden = !available;
    if (!available) this.close();
  }

  private open(): void {
    this.panel.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.panel.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
  }
}
