/** The frame around every screen: title bar (the company's title and logo) with 结束对话 and (inside an iframe) a close button. */
import type { WidgetConfig } from '../../../../shared/widget-settings.js';
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { applyTheme } from '../theme.js';
import { LOOK_MESSAGE } from '../launcher-look.js';

export const CLOSE_MESSAGE = 'kefu-widget:close';

export class Shell {
  readonly element: HTMLElement;
  readonly main = h('main', { className: 'screen', 'aria-label': t('title') });
  private readonly endButton: HTMLButtonElement;
  private readonly title = h('h1', {}, t('title'));
  /** Decorative beside the title (alt=''): the title says who this is. */
  private readonly logo = h('img', { className: 'header-logo', alt: '', hidden: true });

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
      h(
        'header',
        { className: 'header' },
        h('div', { className: 'header-title' }, this.logo, this.title),
        h('div', { className: 'header-actions' }, this.endButton, closeButton),
      ),
      this.main,
    );
  }

  /** 访客端设置: title, logo and colours, at load and whenever an admin saves them (live). */
  applyConfig(config: WidgetConfig): void {
    const title = config.title || t('title');
    this.title.textContent = title;
    this.main.setAttribute('aria-label', title);
    document.title = title;
    if (config.logoUrl) this.logo.setAttribute('src', config.logoUrl);
    else this.logo.removeAttribute('src');
    this.logo.hidden = !config.logoUrl;
    applyTheme(config);
    // Inside a site: the launcher (widget.js) moves and recolours with us. Public settings, so '*'.
    if (window.parent !== window) window.parent.postMessage({ type: LOOK_MESSAGE, look: config }, '*');
  }

  showEnd(visible: boolean): void {
    this.endButton.hidden = !visible;
  }

  show(...content: (HTMLElement | null)[]): void {
    clear(this.main);
    for (const element of content) if (element) this.main.append(element);
  }
}
