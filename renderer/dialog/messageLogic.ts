import type { LocalMessage, WorkstationSettings } from '../../shared/ipc/contract.js';
import { IMAGE_MIME_TYPES, LIMITS } from '../../shared/limits.js';

/** Stored messages in seq order; the agent's own not yet stored (seq 0) after them by creation time. */
export function compareMessages(a: LocalMessage, b: LocalMessage): number {
  const aStored = a.seq > 0;
  const bStored = b.seq > 0;
  if (aStored && bStored && a.seq !== b.seq) return a.seq - b.seq;
  if (aStored !== bStored) return aStored ? -1 : 1;
  return a.createdAt - b.createdAt || a.clientId.localeCompare(b.clientId);
}

/** Adds or replaces by clientId, so a message going sending → sent never shows twice. */
export function mergeMessage(list: readonly LocalMessage[], next: LocalMessage): LocalMessage[] {
  const index = list.findIndex((m) => m.clientId === next.clientId || m.id === next.id);
  const copy = list.slice();
  if (index === -1) copy.push(next);
  else copy[index] = next;
  return copy.sort(compareMessages);
}

export function mergeMessages(list: readonly LocalMessage[], incoming: readonly LocalMessage[]): LocalMessage[] {
  return incoming.reduce<LocalMessage[]>((acc, m) => mergeMessage(acc, m), list.slice());
}

export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; href: string; text: string };

const LINK = /https?:\/\/[^\s<>"'，。！？、）]+/gi;

/** Visitor text stays text; only http(s) URLs become links (never javascript: or data:). */
export function splitLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index ?? 0;
    const raw = match[0].replace(/[.,;:!?)]+$/, '');
    let href: string | null = null;
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'link', href, text: raw });
    last = start + raw.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** True while an IME (Chinese input) is composing: Enter then picks a candidate. */
  isComposing: boolean;
}

/** What a key press in the input box does, per the agent's 信息发送快捷键设置. */
export function sendKeyAction(sendKey: WorkstationSettings['sendKey'], e: KeyLike): 'send' | 'newline' | 'none' {
  if (e.key !== 'Enter' || e.isComposing) return 'none';
  const ctrl = e.ctrlKey || e.metaKey;
  if (e.shiftKey) return 'newline';
  if (sendKey === 'enter') return ctrl ? 'newline' : 'send';
  return ctrl ? 'send' : 'newline';
}

export type FileProblem = { key: 'dialog.notImage' | 'dialog.imageTooLarge' | 'dialog.fileTooLarge'; max: string } | null;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Refuses here what the server would refuse, before reading megabytes into memory. */
export function checkFile(kind: 'image' | 'file', file: { size: number; type: string }): FileProblem {
  if (kind === 'image') {
    if (!(IMAGE_MIME_TYPES as readonly string[]).includes(file.type)) return { key: 'dialog.notImage', max: '' };
    if (file.size > LIMITS.imageBytesMax) return { key: 'dialog.imageTooLarge', max: formatBytes(LIMITS.imageBytesMax) };
    return null;
  }
  if (file.size > LIMITS.fileBytesMax) return { key: 'dialog.fileTooLarge', max: formatBytes(LIMITS.fileBytesMax) };
  return null;
}

/** Counted in UTF-16 units, exactly as the zod limit in shared/ counts them. */
export function textLength(text: string): number {
  return text.length;
}
