/** Replies to the visitor's earlier offline messages (留言回复), shown above everything else. */
import type { OfflineMessage } from '../../../../shared/domain.js';
import { h } from '../dom.js';
import { renderLinkified } from '../linkify.js';
import { formatTime, t } from '../i18n.js';

export function repliesPanel(offlineMessages: OfflineMessage[]): HTMLElement | null {
  const replied = offlineMessages.filter((message) => message.reply !== null).sort((a, b) => (b.repliedAt ?? 0) - (a.repliedAt ?? 0));
  if (replied.length === 0) return null;
  return h(
    'section',
    { className: 'replies', 'aria-label': t('repliesTitle') },
    h('h2', {}, t('repliesTitle')),
    ...replied.map((message) =>
      h(
        'article',
        { className: 'reply' },
        h('div', { className: 'reply-question' }, h('strong', {}, `${t('yourMessage')}：`), renderLinkified(h('span', {}), message.text)),
        h(
          'div',
          { className: 'reply-answer' },
          h('strong', {}, `${t('reply')}${message.repliedAt ? ` ${formatTime(message.repliedAt)}` : ''}：`),
          renderLinkified(h('span', {}), message.reply ?? ''),
        ),
      ),
    ),
  );
}
