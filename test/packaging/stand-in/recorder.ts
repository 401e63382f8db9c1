/**
 * What the main bundle did to Electron, in order. Every stand-in call is recorded here as plain
 * data (it crosses to the test process as JSON), and `until` resolves when a matching call
 * happens — the test waits for an effect, never for a length of time.
 */
import { EventEmitter } from 'node:events';

export interface Recorded {
  seq: number;
  /** e.g. 'app.quit', 'webContents.send', 'Tray.setContextMenu'. */
  api: string;
  /** The object the call was made on, e.g. 'window:1'. */
  target: string | null;
  args: unknown[];
}

const log: Recorded[] = [];
const added = new EventEmitter();
added.setMaxListeners(0);

/** Objects the stand-in hands out name themselves in records instead of being copied. */
export const REF = Symbol('stand-in reference');

export function toPlain(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? '[function]' : value;
  const ref = (value as { [REF]?: string })[REF];
  if (ref) return { ref };
  if (Buffer.isBuffer(value)) return { bytes: value.length };
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.map((item) => toPlain(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item, depth + 1)]));
}

export function record(api: string, args: unknown[] = [], target: string | null = null): void {
  const entry: Recorded = { seq: log.length, api, target, args: args.map((arg) => toPlain(arg)) };
  log.push(entry);
  added.emit('record', entry);
}

export function records(api?: string): Recorded[] {
  return api ? log.filter((entry) => entry.api === api) : [...log];
}

/** Subset match: every key of the pattern (deeply, arrays by index) equals the value's. */
export function matches(value: unknown, pattern: unknown): boolean {
  if (pattern === null || typeof pattern !== 'object') return Object.is(value, pattern);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(pattern).every(([key, expected]) => matches((value as Record<string, unknown>)[key], expected));
}

export interface Wanted {
  api: string;
  target?: string;
  /** Matched against the args array: `['message:upserted', { kind: 'image' }]`. */
  args?: unknown[];
  /** Only calls recorded at or after this sequence number. */
  after?: number;
}

const fits = (entry: Recorded, wanted: Wanted) =>
  entry.api === wanted.api &&
  entry.seq >= (wanted.after ?? 0) &&
  (wanted.target === undefined || entry.target === wanted.target) &&
  (wanted.args === undefined || matches(entry.args, wanted.args));

/** The first call that fits, past or future; rejects after timeoutMs naming what was awaited. */
export function until(wanted: Wanted, timeoutMs = 10_000): Promise<Recorded> {
  const found = log.find((entry) => fits(entry, wanted));
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const onRecord = (entry: Recorded) => {
      if (!fits(entry, wanted)) return;
      clearTimeout(timer);
      added.off('record', onRecord);
      resolve(entry);
    };
    const timer = setTimeout(() => {
      added.off('record', onRecord);
      const recent = log.slice(-15).map((entry) => `${entry.api}${entry.target ? `@${entry.target}` : ''} ${JSON.stringify(entry.args).slice(0, 120)}`);
      reject(new Error(`stand-in: no ${JSON.stringify(wanted)} within ${timeoutMs} ms; last calls:\n  ${recent.join('\n  ')}`));
    }, timeoutMs);
    added.on('record', onRecord);
  });
}

export const nextSeq = (): number => log.length;
