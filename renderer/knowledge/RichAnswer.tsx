import { createElement, type ReactElement } from 'react';
import type { RichDoc } from '../../shared/knowledge.js';
import { renderRichDoc } from '../../shared/knowledge-render.js';

/** A knowledge answer rendered from its structure as React elements (never as HTML); the console previews with the same renderRichDoc. */
export function RichAnswer({ doc }: { doc: RichDoc }) {
  return renderRichDoc<ReactElement>(doc, (tag, props, ...children) => createElement(tag, props, ...children));
}
