/**
 * Turns an admin's answer (a small HTML subset, or plain text) into the RichDoc structure we store,
 * and back (richDocToSource: what the console's editor and the CSV export show). Here in shared/
 * because the server stores what parseRichText makes and the console previews it with the same
 * function, so the preview is exactly what agents will see.
 * A whitelist, not a blacklist: p/div, br, b/strong, i/em, ul/ol/li and a href=http(s) are
 * understood; every other tag (script, style, img, iframe…) stays in the text as the literal
 * characters the admin typed, so it is shown as text and can never run. Attributes other than an
 * http(s) href are dropped. The result holds no HTML at all.
 */
import { assertNever } from './errors.js';
import type { RichBlock, RichDoc, RichInline } from './knowledge.js';

/** WHATWG URL, present in browsers and Node alike; typed here because shared/ sees no platform types. */
const platform = globalThis as unknown as { URL: new (input: string) => { protocol: string; toString(): string } };

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^<>]*)?)\s*(\/?)>/;
const KNOWN = new Set(['p', 'div', 'br', 'b', 'strong', 'i', 'em', 'ul', 'ol', 'li', 'a']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6}|#39);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x') || lower.startsWith('#')) {
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      // Control characters other than tab/newline are not text anyone meant to send.
      if (!Number.isFinite(code) || code > 0x10ffff || (code < 32 && code !== 9 && code !== 10)) return '';
      return String.fromCodePoint(code);
    }
    return ENTITIES[lower] ?? whole;
  });
}

function safeHref(attributes: string): string | undefined {
  const match = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
  const raw = decodeEntities((match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim());
  if (!/^https?:\/\//i.test(raw) || raw.length > 2000) return undefined;
  try {
    const url = new platform.URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    const href = url.toString();
    return /^https?:\/\/[^\s<>"']+$/i.test(href) ? href : undefined;
  } catch {
    return undefined;
  }
}

class DocBuilder {
  readonly blocks: RichBlock[] = [];
  private paragraph: RichInline[] = [];
  private list: { type: 'ul' | 'ol'; items: RichInline[][] } | null = null;
  private item: RichInline[] | null = null;
  bold = 0;
  italic = 0;
  readonly links: (string | undefined)[] = [];

  text(raw: string): void {
    if (raw.length === 0) return;
    // A blank line is a paragraph break (plain-text answers and text between tags alike).
    const parts = this.list ? [raw] : raw.split(/\r?\n[ \t]*\r?\n/);
    parts.forEach((part, index) => {
      if (index > 0) this.endParagraph();
      this.run(part.replace(/\r\n?/g, '\n'));
    });
  }

  private run(text: string): void {
    if (!text) return;
    const run: RichInline = { text };
    if (this.bold > 0) run.bold = true;
    if (this.italic > 0) run.italic = true;
    const href = this.links.at(-1);
    if (href) run.href = href;
    const target = this.list ? (this.item ??= []) : this.paragraph;
    const last = target.at(-1);
    if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href) last.text += text;
    else target.push(run);
  }

  lineBreak(): void {
    this.run('\n');
  }

  endParagraph(): void {
    const children = tidy(this.paragraph);
    this.paragraph = [];
    if (children.length > 0) this.blocks.push({ type: 'p', children });
  }

  startList(type: 'ul' | 'ol'): void {
    this.endParagraph();
    this.endList();
    this.list = { type, items: [] };
  }

  startItem(): void {
    if (!this.list) this.startList('ul');
    this.endItem();
    this.item = [];
  }

  endItem(): void {
    if (!this.list || !this.item) return;
    const item = tidy(this.item);
    this.item = null;
    if (item.length > 0) this.list.items.push(item);
  }

  endList(): void {
    this.endItem();
    if (this.list && this.list.items.length > 0) this.blocks.push({ type: this.list.type, items: this.list.items });
    this.list = null;
  }

  finish(): RichDoc {
    this.endList();
    this.endParagraph();
    return this.blocks;
  }
}

/** Trims whitespace at the ends of a run list and drops runs left empty. */
function tidy(runs: RichInline[]): RichInline[] {
  const out = runs.map((r) => ({ ...r }));
  if (out[0]) out[0].text = out[0].text.replace(/^\s+/, '');
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/\s+$/, '');
  return out.filter((r) => r.text.length > 0);
}

function applyTag(doc: DocBuilder, closing: boolean, name: string, attributes: string): void {
  switch (name) {
    case 'p':
    case 'div':
      doc.endParagraph();
      return;
    case 'br':
      doc.lineBreak();
      return;
    case 'b':
    case 'strong':
      doc.bold = Math.max(0, doc.bold + (closing ? -1 : 1));
      return;
    case 'i':
    case 'em':
      doc.italic = Math.max(0, doc.italic + (closing ? -1 : 1));
      return;
    case 'ul':
    case 'ol':
      if (closing) doc.endList();
      else doc.startList(name);
      return;
    case 'li':
      if (closing) doc.endItem();
      else doc.startItem();
      return;
    case 'a':
      if (closing) doc.links.pop();
      else doc.links.push(safeHref(attributes));
      return;
    default:
      return;
  }
}

/** Parses an answer into the stored structure. Never throws; unknown markup becomes text. */
export function parseRichText(source: string): RichDoc {
  const doc = new DocBuilder();
  let text = '';
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    if (lt < 0) {
      text += source.slice(i);
      break;
    }
    text += source.slice(i, lt);
    const match = TAG.exec(source.slice(lt, lt + 2100));
    const name = match?.[2]?.toLowerCase();
    if (!match || !name || !KNOWN.has(name)) {
      // Not ours: the "<" is just a character of the text.
      text += '<';
      i = lt + 1;
      continue;
    }
    doc.text(decodeEntities(text));
    text = '';
    applyTag(doc, match[1] === '/', name, match[3] ?? '');
    i = lt + match[0].length;
  }
  doc.text(decodeEntities(text));
  return doc.finish();
}

const inlineText = (runs: RichInline[]): string => runs.map((r) => (r.href && r.href !== r.text.trim() ? `${r.text} (${r.href})` : r.text)).join('');

/** The answer as plain text: what search indexes and what an agent puts into a message. */
export function richDocToText(doc: RichDoc): string {
  return doc
    .map((block) => {
      switch (block.type) {
        case 'p':
          return inlineText(block.children);
        case 'ul':
          return block.items.map((item) => `• ${inlineText(item)}`).join('\n');
        case 'ol':
          return block.items.map((item, n) => `${n + 1}. ${inlineText(item)}`).join('\n');
        default:
          return assertNever(block);
      }
    })
    .join('\n\n');
}

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A blank line inside a paragraph's text would split it in two when read back: such text says <br>. */
const BLANK_LINE = /\n[ \t]*\n/;

function runSource(run: RichInline, inParagraph: boolean): string {
  const escaped = escapeText(run.text);
  let source = inParagraph && !BLANK_LINE.test(run.text) ? escaped : escaped.replace(/\n/g, '<br>');
  if (run.italic) source = `<i>${source}</i>`;
  if (run.bold) source = `<b>${source}</b>`;
  if (run.href) source = `<a href="${run.href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">${source}</a>`;
  return source;
}

/**
 * The answer as the source an admin edits: paragraphs as plain text separated by a blank line,
 * lists and marks as the tags parseRichText reads. parseRichText(richDocToSource(doc)) gives doc
 * back for every doc parseRichText made, so editing or exporting and re-importing loses nothing.
 */
export function richDocToSource(doc: RichDoc): string {
  return doc
    .map((block) => {
      switch (block.type) {
        case 'p':
          return block.children.map((run) => runSource(run, true)).join('');
        case 'ul':
        case 'ol':
          return `<${block.type}>\n${block.items.map((item) => `<li>${item.map((run) => runSource(run, false)).join('')}</li>`).join('\n')}\n</${block.type}>`;
        default:
          return assertNever(block);
      }
    })
    .join('\n\n');
}
