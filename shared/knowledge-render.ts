/**
 * How a knowledge answer looks, decided once for the workstation (renderer/knowledge/RichAnswer)
 * and the console's editor preview (admin/knowledge/AnswerPreview): both hand in React's
 * createElement, so the preview is the agents' view element for element. Only the structure's
 * text goes in, as text children: nothing here is ever parsed as HTML.
 */
import { assertNever } from './errors.js';
import type { RichDoc, RichInline } from './knowledge.js';

/** createElement's shape: a tag, its props, its children. */
export type ElementFactory<E> = (tag: string, props: Record<string, unknown> | null, ...children: (E | string)[]) => E;

const BLOCK_STYLE = { margin: '0 0 6px' };
const LIST_STYLE = { margin: '0 0 6px', paddingLeft: 18 };

function inline<E>(run: RichInline, h: ElementFactory<E>): E | string {
  let node: E | string = run.text;
  if (run.italic) node = h('em', null, node);
  if (run.bold) node = h('strong', null, node);
  // The schema only lets http(s) hrefs through; a new window, no opener, no referrer.
  if (run.href) node = h('a', { href: run.href, target: '_blank', rel: 'noopener noreferrer nofollow' }, node);
  return node;
}

const runs = <E>(items: RichInline[], h: ElementFactory<E>): (E | string)[] => items.map((run) => inline(run, h));

export function renderRichDoc<E>(doc: RichDoc, h: ElementFactory<E>): E {
  const blocks = doc.map((block) => {
    switch (block.type) {
      case 'p':
        return h('p', { style: BLOCK_STYLE }, ...runs(block.children, h));
      case 'ul':
      case 'ol':
        return h(block.type, { style: LIST_STYLE }, ...block.items.map((item) => h('li', null, ...runs(item, h))));
      default:
        return assertNever(block);
    }
  });
  return h('div', { className: 'kefu-kb-answer', style: { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } }, ...blocks);
}
