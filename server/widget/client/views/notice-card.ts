/** A notice in place of the chat (an error, 黑名单) with one button to ask the server again. */
import { h } from '../dom.js';

export function noticeCard(text: string, retryLabel: string, onRetry: () => void, className = ''): HTMLElement {
  const retry = h('button', { type: 'button', className: 'primary', onclick: onRetry }, retryLabel);
  return h('div', { className: `card centered ${className}`.trim(), role: 'alert' }, h('p', {}, text), retry);
}
