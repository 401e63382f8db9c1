/**
 * The host-page half of 轨迹, bundled into widget.js (so it imports nothing heavy). Only the host
 * page knows its own URL, title and referrer; only our origin holds the visitor's token. So a hidden
 * iframe of our /widget page in trail mode (trail.ts) gets the page facts by postMessage and
 * reports them with the visitor's identity — the same identity the chat window uses later.
 */
import { LIMITS } from '../../../shared/limits.js';

export const PAGE_MESSAGE = 'kefu-widget:page';

export interface HostPage {
  url: string;
  title: string;
  referrer: string;
}

export function hostPage(doc: Document = document): HostPage {
  // Cut to the server's limits here: a long title must not cost the visitor their page view.
  return {
    url: doc.location.href.slice(0, LIMITS.pageUrlMax),
    title: doc.title.slice(0, LIMITS.pageTitleMax),
    referrer: doc.referrer.slice(0, LIMITS.pageUrlMax),
  };
}

/** Adds the hidden trail frame; `widgetQuery` is the chat iframe's query (lang, group, agent). */
export function installTrailFrame(origin: string, widgetQuery: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.src = `${origin}/widget?${widgetQuery}&mode=trail`;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = 'kefu-trail';
  frame.id = 'kefu-widget-trail';
  frame.style.display = 'none';
  // Sent to our origin only: the page facts are the host's, nobody else's business.
  frame.addEventListener('load', () => frame.contentWindow?.postMessage({ type: PAGE_MESSAGE, page: hostPage() }, origin), { once: true });
  document.body.appendChild(frame);
  return frame;
}
