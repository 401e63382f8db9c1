import type { LocalMessage, WorkstationSettings } from '../../shared/ipc/contract.js';
import { IMAGE_MIME_TYPES } from '../../shared/limits.js';
import { uploadRuleFor, type UploadRule } from '../../shared/company-rules.js';

/** Stored messages in seq order; the agent's own not yet stored (seq 0) after them by creation time. */
export function compareMessages(a: LocalMessage, b: LocalMessage): number {
  const aStored = a.seq > 0;
  const bStored = b.seq > 0;
  if (aStored && bStored && a.seq !== b.seq) return a.seq - b.seq;
  if (aStored !== bStored) return aStored ? -1 : 1;
  return a.createdAt - b.createdAt || a.clientId.localeCompare(b.clientId);
}

/**
 * The usual case, live or catching up: stored messages newer than every stored one so far, none of
 * them the agent's own still shown as sending. They go between the stored ones and the unsent tail
 * without looking at the rest — one copy and a sort of the new ones, however long the transcript
 * (merging into the whole list made every batch of a catch-up dearer than the one before). Null
 * when that does not hold; the general merge takes over.
 */
function appendNewer(list: readonly LocalMessage[], incoming: readonly LocalMessage[]): LocalMessage[] | null {
  let storedEnd = list.length;
  while (storedEnd > 0 && list[storedEnd - 1]!.seq === 0) storedEnd--;
  const lastSeq = storedEnd > 0 ? list[storedEnd - 1]!.seq : 0;
  const unsent = list.slice(storedEnd);
  const seen = new Set<string>();
  for (const m of incoming) {
    // Seqs are unique in a conversation: one above the last stored is not among the stored ones.
    if (m.seq <= lastSeq || seen.has(m.clientId)) return null;
    if (unsent.some((u) => u.clientId === m.clientId || u.id === m.id)) return null;
    seen.add(m.clientId);
  }
  return [...list.slice(0, storedEnd), ...incoming.slice().sort(compareMessages), ...unsent];
}

/**
 * Adds or replaces by clientId, so a message going sending → sent never shows twice. A live
 * message is nearly always the newest: it is found or placed from the end, not by sorting.
 */
export function mergeMessage(list: readonly LocalMessage[], next: LocalMessage): LocalMessage[] {
  const appended = appendNewer(list, [next]);
  if (appended) return appended;
  let index = list.length - 1;
  while (index >= 0 && list[index]!.clientId !== next.clientId && list[index]!.id !== next.id) index--;
  const copy = list.slice();
  if (index !== -1) copy.splice(index, 1);
  let at = copy.length;
  while (at > 0 && compareMessages(copy[at - 1]!, next) > 0) at--;
  copy.splice(at, 0, next);
  return copy;
}

/**
 * Many messages at once (a page load, a catch-up batch): one pass and one sort, so merging k
 * messages into n costs O((n + k) log(n + k)), not k sorts of the whole list. Returns `list`
 * itself when `incoming` is empty.
 */
export function mergeMessages(list: readonly LocalMessage[], incoming: readonly LocalMessage[]): LocalMessage[] {
  if (incoming.length === 0) return list as LocalMessage[];
  const appended = appendNewer(list, incoming);
  if (appended) return appended;
  const copy = list.slice();
  const at = new Map<string, number>();
  copy.forEach((m, i) => at.set(`c:${m.clientId}`, i).set(`i:${m.id}`, i));
  for (const m of incoming) {
    const index = at.get(`c:${m.clientId}`) ?? at.get(`i:${m.id}`);
    if (index === undefined) {
      at.set(`c:${m.clientId}`, copy.length).set(`i:${m.id}`, copy.length);
      copy.push(m);
    } else {
      copy[index] = m;
      at.set(`i:${m.id}`, index);
    }
  }
  return copy.sort(compareMessages);
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

/**
 * Refuses here what the server would refuse, before reading megabytes into memory: the company's
 * size for agents (公司设置 文件, live) within the hard limits — those alone until it is known.
 */
export function checkFile(kind: 'image' | 'file', file: { size: number; type: string }, rule: UploadRule = uploadRuleFor(null, 'staff')): FileProblem {
  if (kind === 'image') {
    if (!(IMAGE_MIME_TYPES as readonly string[]).includes(file.type)) return { key: 'dialog.notImage', max: '' };
    if (file.size > rule.imageBytesMax) return { key: 'dialog.imageTooLarge', max: formatBytes(rule.imageBytesMax) };
    return null;
  }
  if (file.size > rule.fileBytesMax) return { key: 'dialog.fileTooLarge', max: formatBytes(rule.fileBytesMax) };
  return null;
}

/** Counted in UTF-16 units, exactly as the zod limit in shared/ counts them. */
export function textLength(text: string): number {
  return text.length;
}
