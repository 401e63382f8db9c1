import { createElement, type ReactElement } from 'react';
import type { RichDoc } from '../../shared/knowledge.js';
import { renderRichDoc } from '../../shared/knowledge-render.js';

/** The answer as agents see it in the workstation: the same renderRichDoc as renderer/knowledge/RichAnswer. */
export function AnswerPreview({ doc }: { doc: RichDoc }) {
  return renderRichDoc<ReactElement>(doc, (tag, props, ...children) => createElement(tag, props, ...children));
}
