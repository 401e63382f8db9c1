/**
 * Sends what the outbox holds, oldest first: over the realtime socket once it has replayed, else
 * over REST one at a time. An entry leaves the outbox only when the server says it stored it
 * (ack, REST answer, or the message coming back as an event); retryable failures stay pending and
 * go again after a reconnect; other refusals become 发送失败 with 重试.
 */
import type { SendMessageBody } from '../../../shared/protocol/rest.js';
import type { Message } from '../../../shared/domain.js';
import { isRetryable, type WidgetApi } from './api.js';
import type { Outbox, OutboxEntry } from './outbox.js';
import type { RealtimeClient } from './realtime.js';

export interface SenderDeps {
  outbox: Outbox;
  api: WidgetApi;
  realtime: () => RealtimeClient | null;
  /** The server stored a message (REST path); the caller shows it. */
  onStored: (message: Message) => void;
  /** Which conversation the visitor is looking at now. */
  currentConversationId: () => string | null;
  /** A send was refused for good (e.g. BLOCKED: the visitor is on the blacklist). */
  onRefused?: (code: string) => void;
}

const RETRY_LATER_MS = 3000;

export class MessageSender {
  /** clientIds already written to the current socket; cleared when a new socket opens. */
  private sentOnSocket = new Set<string>();
  private restLoop: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: SenderDeps) {}

  /** Writes to the outbox first, then tries to send. */
  send(conversationId: string, body: SendMessageBody, preview: string): OutboxEntry {
    const entry = this.deps.outbox.add(conversationId, body, preview);
    this.flush();
    return entry;
  }

  retry(clientId: string): void {
    this.deps.outbox.retry(clientId);
    this.sentOnSocket.delete(clientId);
    this.flush();
  }

  /** A new socket finished its replay: everything pending goes again, in order. */
  socketReady(): void {
    this.sentOnSocket.clear();
    this.flush();
  }

  stored(clientId: string): void {
    this.sentOnSocket.delete(clientId);
    this.deps.outbox.ack(clientId);
  }

  refused(clientId: string, code: string, message: string): void {
    this.sentOnSocket.delete(clientId);
    this.deps.onRefused?.(code);
    if (isRetryable(code)) {
      this.retryLater();
      return;
    }
    const entry = this.deps.outbox.get(clientId);
    // A refusal for a conversation no longer on screen can never be retried by the visitor.
    if (entry && entry.conversationId !== this.deps.currentConversationId()) {
      this.deps.outbox.markFailed(clientId, { code, message });
      this.deps.outbox.discard(clientId);
      return;
    }
    this.deps.outbox.markFailed(clientId, { code, message });
  }

  flush(): void {
    const realtime = this.deps.realtime();
    if (realtime?.isOpen) {
      for (const entry of this.deps.outbox.pending()) {
        if (this.sentOnSocket.has(entry.body.clientId)) continue;
        const sent = realtime.send({ type: 'message.send', conversationId: entry.conversationId, message: entry.body });
        if (!sent) break;
        this.sentOnSocket.add(entry.body.clientId);
      }
      return;
    }
    if (!this.restLoop) {
      this.restLoop = this.sendOverRest().finally(() => {
        this.restLoop = null;
      });
    }
  }

  private async sendOverRest(): Promise<void> {
    for (;;) {
      if (this.deps.realtime()?.isOpen) {
        this.flush();
        return;
      }
      const entry = this.deps.outbox.pending()[0];
      if (!entry) return;
      const result = await this.deps.api.call('sendMessage', { params: { id: entry.conversationId }, body: entry.body });
      if (result.ok) {
        this.deps.onStored(result.value);
        this.stored(entry.body.clientId);
        continue;
      }
      if (isRetryable(result.error.code)) {
        // Keep the order: nothing behind this entry goes before it. The socket's return (or the
        // timer) tries again.
        this.retryLater();
        return;
      }
      this.refused(entry.body.clientId, result.error.code, result.error.message);
    }
  }

  private retryLater(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush();
    }, RETRY_LATER_MS);
  }
}
