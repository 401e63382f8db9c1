/** One chat bubble: visitor right, agent left, system centred. User text only ever as text nodes. */
import type { Message } from '../../../../shared/domain.js';
import { assertNever } from '../../../../shared/errors.js';
import { messageStyleDeclarations } from '../../../../shared/message-style.js';
import { h, formatBytes } from '../dom.js';
import { renderLinkified } from '../linkify.js';
import { formatTime, t } from '../i18n.js';
import type { OutboxEntry } from '../outbox.js';
import { icon } from './icons.js';

export function renderMessage(message: Message, attachmentUrl: (id: string) => string): HTMLElement {
  if (message.kind === 'system' || message.sender === 'system') {
    return h('li', { className: 'msg msg-system', 'data-seq': message.seq }, h('span', { className: 'msg-system-text' }, message.text));
  }
  const side = message.sender === 'visitor' ? 'msg-visitor' : 'msg-agent';
  const who = message.sender === 'visitor' ? t('visitor') : message.senderName || t('agent');
  return h(
    'li',
    { className: `msg ${side}`, 'data-seq': message.seq, 'data-client-id': message.clientId },
    h('div', { className: 'msg-meta' }, `${who} ${formatTime(message.createdAt)}`),
    applyMessageStyle(h('div', { className: 'msg-bubble' }, messageBody(message, attachmentUrl)), message),
  );
}

/**
 * The agent's 字体设置, carried as a small object: validated again here and set property by
 * property on element.style — never a CSS string, so nothing in it can reach a stylesheet.
 */
export function applyMessageStyle(bubble: HTMLElement, message: Pick<Message, 'kind' | 'sender' | 'style'>): HTMLElement {
  if (message.kind !== 'text' || message.sender !== 'agent' || message.style === undefined) return bubble;
  const declarations = messageStyleDeclarations(message.style);
  if (declarations) Object.assign(bubble.style, declarations);
  return bubble;
}

function messageBody(message: Message, attachmentUrl: (id: string) => string): Node {
  switch (message.kind) {
    case 'text':
    case 'system':
      return renderLinkified(h('span', { className: 'msg-text' }), message.text);
    case 'image': {
      const attachment = message.attachment;
      if (!attachment) return h('span', { className: 'msg-text' }, message.text);
      const url = attachmentUrl(attachment.id);
      return h(
        'a',
        { href: url, target: '_blank', rel: 'noopener noreferrer', 'aria-label': t('image', { name: attachment.name }) },
        h('img', { className: 'msg-image', src: url, alt: attachment.name, loading: 'lazy' }),
      );
    }
    case 'file': {
      const attachment = message.attachment;
      if (!attachment) return h('span', { className: 'msg-text' }, message.text);
      return h(
        'a',
        {
          className: 'msg-file',
          href: attachmentUrl(attachment.id),
          download: attachment.name,
          rel: 'noopener noreferrer',
          'aria-label': t('download', { name: attachment.name }),
        },
        icon('file'),
        h('span', { className: 'msg-file-name' }, attachment.name),
        h('span', { className: 'msg-file-size' }, formatBytes(attachment.size)),
      );
    }
    default:
      return assertNever(message.kind);
  }
}

/** A message still in the outbox: 发送中, or 发送失败 with 重试. */
export function renderPending(entry: OutboxEntry, onRetry: (clientId: string) => void, onDiscard: (clientId: string) => void): HTMLElement {
  const clientId = entry.body.clientId;
  const failed = entry.state === 'failed';
  const body =
    entry.body.kind === 'text' ? renderLinkified(h('span', { className: 'msg-text' }), entry.body.text) : h('span', { className: 'msg-text' }, entry.preview);
  const status = failed
    ? h(
        'div',
        { className: 'msg-status msg-status-failed', role: 'alert' },
        h('span', {}, entry.error ? `${t('sendFailed')}：${entry.error.message}` : t('sendFailed')),
        h('button', { type: 'button', className: 'link-button', 'aria-label': `${t('retry')} ${entry.preview}`, onclick: () => onRetry(clientId) }, t('retry')),
        h(
          'button',
          { type: 'button', className: 'link-button', 'aria-label': `${t('discard')} ${entry.preview}`, onclick: () => onDiscard(clientId) },
          t('discard'),
        ),
      )
    : h('div', { className: 'msg-status' }, t('sending'));
  return h(
    'li',
    { className: `msg msg-visitor ${failed ? 'msg-failed' : 'msg-pending'}`, 'data-client-id': clientId, 'aria-busy': failed ? null : 'true' },
    h('div', { className: 'msg-meta' }, `${t('visitor')} ${formatTime(entry.createdAt)}`),
    h('div', { className: 'msg-bubble' }, body),
    status,
  );
}
