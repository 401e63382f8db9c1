/**
 * What a group commit's sends read first (their conversations and any message already stored
 * under their clientIds), fetched for the whole batch in ONE read inside its transaction. On
 * PostgreSQL a read is a round trip the process waits for; with this, a batch's sends make none,
 * and the server works on one send's writes while the next one is prepared (store/postgres/pg-db.ts).
 *
 * The copies stay true for the rest of the transaction because nothing else runs inside it: each
 * stored send moves its conversation's copy on (`stored`), a refused send changes nothing, and a
 * clientId met again in the batch looks itself up (its first send may have stored it).
 *
 * The read happens before the cross-node write lock (PostgreSQL takes it only when the batch's
 * first write leaves): `recheck` then confirms, under the lock, that no other node changed those
 * conversations meanwhile — otherwise the batch fails and its sends run again one by one.
 */
import type { BeforeSend, ConversationRow } from '../store/types.js';
import type { DomainContext } from '../domain/context.js';

export interface BatchSend {
  conversationId: string;
  clientId: string;
}

export class BatchReads {
  private fetched: BeforeSend[] | null = null;
  private readonly latest = new Map<string, ConversationRow>();
  private readonly repeated = new Set<number>();

  constructor(
    private readonly ctx: DomainContext,
    private readonly sends: readonly BatchSend[],
  ) {
    const first = new Set<string>();
    sends.forEach(({ clientId }, i) => {
      if (first.has(clientId)) this.repeated.add(i);
      first.add(clientId);
    });
  }

  /** What send `index` would read. Call inside the batch's transaction only. */
  for(index: number): BeforeSend {
    this.fetched ??= this.ctx.store.messages.beforeSendEach(this.sends);
    const found = this.fetched[index]!;
    const send = this.sends[index]!;
    const conversation = this.latest.get(send.conversationId) ?? found.conversation;
    const existing = this.repeated.has(index) ? this.ctx.store.messages.byClientId(send.clientId) : found.existing;
    return { conversation, existing };
  }

  /** Under the write lock: fails unless the conversations read are as they were (see the file comment). */
  recheck(): void {
    const read = (this.fetched ?? []).flatMap((found) => (found.conversation ? [found.conversation] : []));
    if (read.length > 0) this.ctx.store.conversations.expectUnchanged(read);
  }

  /** Send `index` was stored (its savepoint released) and left its conversation like this. */
  stored(conversation: ConversationRow): void {
    this.latest.set(conversation.id, conversation);
  }
}
