/**
 * The visitor's outbox (docs/ARCHITECTURE.md, "nothing is lost"): a message is written here before it is
 * sent, stays until the server acknowledges its clientId, and is re-sent in order after a
 * reconnect or a page reload. The server stores each clientId once, so re-sending is safe.
 */
import { z } from 'zod';
import { SendMessageBodySchema, type SendMessageBody } from '../../../shared/protocol/rest.js';
import { OUTBOX_KEY } from './storage.js';

const OutboxEntrySchema = z.object({
  conversationId: z.string(),
  body: SendMessageBodySchema,
  createdAt: z.number(),
  /** 'failed' after a non-retryable refusal; waits for the visitor's 重试. */
  state: z.enum(['pending', 'failed']),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Shown while pending, so an image or file message reads well before the ack. */
  preview: z.string(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

export class Outbox {
  private entries: OutboxEntry[];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: Storage | null,
    private readonly key: string = OUTBOX_KEY,
  ) {
    this.entries = this.load();
  }

  /** Writes the entry to storage first; only then may the caller send it. */
  add(conversationId: string, body: SendMessageBody, preview: string, now: number = Date.now()): OutboxEntry {
    const existing = this.get(body.clientId);
    if (existing) return existing;
    const entry: OutboxEntry = { conversationId, body, createdAt: now, state: 'pending', error: null, preview };
    this.entries.push(entry);
    this.save();
    return entry;
  }

  /** The server stored it: only now does it leave the outbox. Returns whether it was here. */
  ack(clientId: string): boolean {
    const before = this.entries.length;
    this.entries = this.entries.filter((entry) => entry.body.clientId !== clientId);
    if (this.entries.length === before) return false;
    this.save();
    return true;
  }

  markFailed(clientId: string, error: { code: string; message: string }): void {
    const entry = this.get(clientId);
    if (!entry) return;
    entry.state = 'failed';
    entry.error = error;
    this.save();
  }

  /** The visitor pressed 重试: back in line, in its original place. */
  retry(clientId: string): void {
    const entry = this.get(clientId);
    if (!entry) return;
    entry.state = 'pending';
    entry.error = null;
    this.save();
  }

  /** The visitor chose to drop a failed message. Pending ones cannot be discarded. */
  discard(clientId: string): void {
    const entry = this.get(clientId);
    if (!entry || entry.state !== 'failed') return;
    this.entries = this.entries.filter((other) => other !== entry);
    this.save();
  }

  get(clientId: string): OutboxEntry | undefined {
    return this.entries.find((entry) => entry.body.clientId === clientId);
  }

  /** Entries waiting to be (re)sent, oldest first. */
  pending(): OutboxEntry[] {
    return this.entries.filter((entry) => entry.state === 'pending');
  }

  all(conversationId?: string): OutboxEntry[] {
    return this.entries.filter((entry) => conversationId === undefined || entry.conversationId === conversationId);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private load(): OutboxEntry[] {
    let raw: string | null = null;
    try {
      raw = this.storage?.getItem(this.key) ?? null;
    } catch {
      return [];
    }
    if (!raw) return [];
    try {
      const parsed = z.array(OutboxEntrySchema).safeParse(JSON.parse(raw));
      // A corrupt outbox must not break the widget; entries that do parse are kept.
      if (parsed.success) return parsed.data;
      const list: unknown = JSON.parse(raw);
      if (!Array.isArray(list)) return [];
      return list.flatMap((item) => {
        const one = OutboxEntrySchema.safeParse(item);
        return one.success ? [one.data] : [];
      });
    } catch {
      return [];
    }
  }

  private save(): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(this.entries));
    } catch {
      // Storage full or blocked: the in-memory outbox still re-sends during this page view.
    }
    for (const listener of this.listeners) listener();
  }
}
