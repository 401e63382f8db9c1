/**
 * Turns message text into text nodes and safe links. Only http(s) URLs become links; everything
 * else (including "javascript:" and markup) stays literal text, set through text nodes.
 */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Stops at whitespace, quotes and angle brackets so "<a href=…>" fragments never join a URL, and
// at non-ASCII characters because Chinese text usually follows a URL without a space.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`\u0080-\uffff]+/gi;
// Punctuation that usually ends a sentence rather than a URL (ASCII and full-width).
const TRAILING = /[.,;:!?)\]}。，；：！？）】」』、]+$/;

export function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href;
}

export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    let raw = match[0];
    const trailing = TRAILING.exec(raw);
    if (trailing) raw = raw.slice(0, raw.length - trailing[0].length);
    const href = safeHref(raw);
    if (!href) continue;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return mergeText(parts);
}

function mergeText(parts: TextPart[]): TextPart[] {
  const merged: TextPart[] = [];
  for (const part of parts) {
    const previous = merged[merged.length - 1];
    if (part.kind === 'text' && previous?.kind === 'text') previous.text += part.text;
    else merged.push(part);
  }
  return merged;
}

/** Appends the text to `parent` as text nodes and <a> elements; returns `parent`. */
export function renderLinkified<T extends Node>(parent: T, text: string): T {
  const doc = parent.ownerDocument ?? document;
  for (const part of splitLinks(text)) {
    if (part.kind === 'text') {
      parent.appendChild(doc.createTextNode(part.text));
    } else {
      const anchor = doc.createElement('a');
      anchor.href = part.href;
      anchor.target = '_blank';
      anchor.rel = 'noopener noreferrer nofollow';
      anchor.textContent = part.text;
      parent.appendChild(anchor);
    }
  }
  return parent;
}
