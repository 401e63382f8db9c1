/**
 * What the widget keeps in the visitor's browser between visits: the visitor token (same identity
 * next time, so offline-message replies find them), the last applied event seq (resume), and the
 * outbox (outbox.ts). Storage can be missing or full (private mode); the widget then still works
 * for this page view.
 */
const TOKEN_KEY = 'kefu.widget.token';
const LAST_SEQ_KEY = 'kefu.widget.lastSeq';
export const OUTBOX_KEY = 'kefu.widget.outbox';

export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export class WidgetStore {
  constructor(private readonly storage: Storage | null = browserStorage()) {}

  get token(): string | undefined {
    return this.read(TOKEN_KEY) ?? undefined;
  }

  /** A new identity starts its event stream from zero. */
  setToken(token: string): void {
    if (this.token !== token) this.write(LAST_SEQ_KEY, '0');
    this.write(TOKEN_KEY, token);
  }

  get lastSeq(): number {
    const value = Number(this.read(LAST_SEQ_KEY) ?? '0');
    return Number.isInteger(value) && value >= 0 ? value : 0;
  }

  setLastSeq(seq: number): void {
    if (seq > this.lastSeq) this.write(LAST_SEQ_KEY, String(seq));
  }

  /** After a resync only: the server's head, even below what we had (its log is behind ours). */
  resetLastSeq(seq: number): void {
    this.write(LAST_SEQ_KEY, String(seq));
  }

  private read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  private write(key: string, value: string): void {
    try {
      this.storage?.setItem(key, value);
    } catch {
      // Quota or privacy mode: keep going with in-memory state for this page view.
    }
  }
}
