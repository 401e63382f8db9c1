/**
 * What a group commit's sends read first (their conversations and any message already stored
 * under their clientIds), fetched for the whole batch in ONE read inside its transaction. On
 * PostgreSQL a read is a round trip the process waits for; with this, a batch's sends make none,
 * and the server works on one send's writes while the next one is prepared (store/postgres/pg-db.ts).
 *
 * The copies stay true for the rest of the transaction because nothing else runs inside it: each
 * stored send moves its conversation's copy on (`stored`), a refused send changes nothing, and a
 * clientId met again in the batch reads for itself (its first send may have stored it).
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

  /** What send `index` would read, or undefined when it must read for itself. Call inside the batch's transaction only. */
  for(index: number): BeforeSend | undefined {
    if (this.repeated.has(index)) return undefined;
    this.fetched ??= this.ctx.store.messages.beforeSendEach(this.sends);
    const found = this.fetched[index]!;
    const conversation = this.latest.get(this.sends[index]!.conversationId) ?? found.conversation;
    return { conversation, existing: found.existing };
  }

  /** Send `index` was stored (its savepoint released) and left its conversation like this. */
  stored(conversation: ConversationRow): void {
    this.latest.set(conversation.id, conversation);
  }
}
