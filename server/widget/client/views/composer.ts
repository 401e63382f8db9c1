/** The input row: text with a counter, Enter sends / Shift+Enter new line, image and file buttons. */
import { LIMITS } from '../../../../shared/limits.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { icon } from './icons.js';
import { EmojiPicker } from './emoji.js';
import type { UploadKind } from '../upload.js';

export interface ComposerHandlers {
  onSend: (text: string) => void;
  onDraft: (text: string) => void;
  onPick: (kind: UploadKind, file: File) => void;
}

export class Composer {
  readonly element: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly counter: HTMLElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly progress: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly controls: (HTMLButtonElement | HTMLTextAreaElement)[];
  private readonly emoji: EmojiPicker;
  private readonly uploadButtons: HTMLButtonElement[];
  private readonly tools: HTMLElement;

  constructor(private readonly handlers: ComposerHandlers) {
    this.input = h('textarea', {
      className: 'composer-input',
      rows: 3,
      'aria-label': t('inputLabel'),
      placeholder: t('inputPlaceholder'),
      maxlength: LIMITS.messageTextMax,
    });
    this.counter = h('span', { className: 'composer-counter', 'aria-live': 'polite' });
    this.sendButton = h('button', { type: 'button', className: 'primary', 'aria-label': t('send') }, t('send'));
    this.progress = h('div', { className: 'composer-progress', hidden: true, role: 'status' });
    this.notice = h('div', { className: 'composer-notice', hidden: true, role: 'alert' });
    const imageInput = h('input', { type: 'file', accept: 'image/png,image/jpeg,image/gif,image/webp', hidden: true, 'aria-label': t('sendImage') });
    const fileInput = h('input', { type: 'file', hidden: true, 'aria-label': t('sendFile') });
    const imageButton = h(
      'button',
      { type: 'button', className: 'tool', 'aria-label': t('sendImage'), title: t('sendImage'), onclick: () => imageInput.click() },
      icon('image'),
    );
    const fileButton = h(
      'button',
      { type: 'button', className: 'tool', 'aria-label': t('sendFile'), title: t('sendFile'), onclick: () => fileInput.click() },
      icon('attach'),
    );
    this.emoji = new EmojiPicker(this.input);
    this.controls = [this.input, this.sendButton, imageButton, fileButton, this.emoji.button];
    this.uploadButtons = [imageButton, fileButton];
    for (const [input, kind] of [
      [imageInput, 'image'],
      [fileInput, 'file'],
    ] as const) {
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        input.value = '';
        if (file) this.handlers.onPick(kind, file);
      });
    }
    this.input.addEventListener('input', () => {
      this.updateCounter();
      this.handlers.onDraft(this.input.value);
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    this.sendButton.addEventListener('click', () => this.submit());
    this.tools = h('div', { className: 'composer-tools' }, this.emoji.button, imageButton, fileButton, imageInput, fileInput);
    this.element = h(
      'div',
      { className: 'composer' },
      this.progress,
      this.notice,
      this.emoji.panel,
      this.tools,
      this.input,
      h('div', { className: 'composer-actions' }, this.counter, this.sendButton),
    );
    this.updateCounter();
  }

  setEnabled(enabled: boolean): void {
    for (const control of this.controls) control.disabled = !enabled;
  }

  /** 访客端设置 → 表情 on or off. */
  setEmojiPicker(available: boolean): void {
    this.emoji.setAvailable(available);
    this.updateTools();
  }

  /** 公司设置 → 文件: visitors may send images and files or not (the buttons go; the server refuses anyway). */
  setUploadsAllowed(allowed: boolean): void {
    for (const button of this.uploadButtons) button.hidden = !allowed;
    this.updateTools();
  }

  /** No row of tools with none in it. */
  private updateTools(): void {
    this.tools.hidden = this.tools.querySelector('button:not([hidden])') === null;
  }

  showNotice(text: string | null): void {
    this.notice.hidden = text === null;
    this.notice.textContent = text ?? '';
  }

  showProgress(text: string | null, fraction = 0): void {
    this.progress.hidden = text === null;
    this.progress.textContent = text ?? '';
    this.progress.style.setProperty('--progress', `${Math.round(fraction * 100)}%`);
  }

  focus(): void {
    this.input.focus();
  }

  private submit(): void {
    const text = this.input.value;
    if (text.trim() === '') return;
    if (text.length > LIMITS.messageTextMax) {
      this.showNotice(t('tooLong', { n: LIMITS.messageTextMax }));
      return;
    }
    this.showNotice(null);
    this.input.value = '';
    this.updateCounter();
    this.handlers.onSend(text);
  }

  private updateCounter(): void {
    const length = this.input.value.length;
    this.counter.textContent = `${length}/${LIMITS.messageTextMax}`;
    this.counter.classList.toggle('over', length > LIMITS.messageTextMax);
  }
}
