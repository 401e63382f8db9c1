/**
 * The editor toolbar's edits of an answer's source: each wraps the selected text in the tags the
 * safe answer format reads (shared/knowledge-rich-text.ts), and says where the selection goes next.
 */
export type AnswerFormat = 'bold' | 'italic' | 'ul' | 'ol';

export interface SourceEdit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

function replaceSelection(text: string, start: number, end: number, before: string, inner: string, after: string): SourceEdit {
  const next = text.slice(0, start) + before + inner + after + text.slice(end);
  return { text: next, selectionStart: start + before.length, selectionEnd: start + before.length + inner.length };
}

/** Bold or italic around the selection; a list with one item per selected line (an empty item when nothing is selected). */
export function applyFormat(text: string, start: number, end: number, format: AnswerFormat): SourceEdit {
  const selected = text.slice(start, end);
  switch (format) {
    case 'bold':
      return replaceSelection(text, start, end, '<b>', selected, '</b>');
    case 'italic':
      return replaceSelection(text, start, end, '<i>', selected, '</i>');
    case 'ul':
    case 'ol': {
      const lines = selected.split('\n').filter((line) => line.trim());
      const items = (lines.length > 0 ? lines : ['']).map((line) => `<li>${line.trim()}</li>`).join('\n');
      return replaceSelection(text, start, end, `<${format}>\n`, items, `\n</${format}>`);
    }
  }
}

/** A link to `href` (already checked as http(s)) around the selection, or showing the address when nothing is selected. */
export function applyLink(text: string, start: number, end: number, href: string): SourceEdit {
  const escaped = href.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const selected = text.slice(start, end);
  return replaceSelection(text, start, end, `<a href="${escaped}">`, selected || href.replace(/&/g, '&amp;').replace(/</g, '&lt;'), '</a>');
}
