/** The frame around every screen: title bar with 结束对话 and (inside an iframe) a close button. */
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';

export const CLOSE_MESSAGE = 'kefu-widget:close';

export class Shell {
  readonly element: HTMLElement;
  readonly main = h('main', { className: 'screen', 'aria-label': t('title') });
  private readonly endButton: HTMLButtonElement;

  constructor(onEnd: () => void) {
    this.endButton = h('button', { type: 'button', className: 'header-button', 'aria-label': t('endChat'), hidden: true, onclick: onEnd }, t('endChat'));
    const embedded = window.parent !== window;
    const closeButton = embedded
      ? h(
          'button',
          {
            type: 'button',
            className: 'header-button close',
            'aria-label': t('close'),
            title: t('close'),
            // The embed script checks that this came from our origin; it carries no data.
            onclick: () => window.parent.postMessage({ type: CLOSE_MESSAGE }, '*'),
          },
          '×',
        )
      : null;
    this.element = h(
      'div',
      { className: 'shell' },
      h('header', { className: 'header' }, h('h1', {}, t('title')), h('div', { className: 'header-actions' }, this.endButton, closeButton)),
      this.main,
    );
  }

  showEnd(visible: boolean): void {
    this.endButton.hidden = !visible;
  }

  show(...content: (HTMLElement | null)[]): void {
    clear(this.main);
    for (const element of content) if (element) this.main.append(element);
  }
}
