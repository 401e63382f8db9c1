/**
 * The exactly-once ledger of one phase: every message the generator sent, whether the target
 * acknowledged it (stored), and how many times an agent received it. A phase is only "complete"
 * when every acked message reached the right agent exactly once and nothing unknown arrived.
 */

const ACKED = 1;
const NACKED = 2;
const DELIVERY = 4; // deliveries are counted in the bits above the two flags

export interface DeliveryVerdict {
  sent: number;
  acked: number;
  nacked: number;
  /** Sent but neither acked nor nacked when the drain ended. */
  unanswered: number;
  /** Distinct messages agents received. */
  delivered: number;
  /** Acked but never delivered. */
  missing: number;
  /** Delivered more than once (count of extra copies). */
  duplicates: number;
  /** Delivered to an agent other than the conversation's. */
  wrongAgent: number;
  /** Acks or deliveries for client ids this phase never sent. */
  unknown: number;
  /** Delivered but never acked (a nacked message must not be delivered). */
  deliveredUnacked: number;
  complete: boolean;
}

export class DeliveryLedger {
  private readonly entries = new Map<string, number>();
  private unknown = 0;
  private wrongAgent = 0;
  private duplicates = 0;
  ackCount = 0;
  nackCount = 0;
  /** Distinct deliveries so far. */
  deliveryCount = 0;
  readonly nackCodes = new Map<string, number>();

  constructor(private readonly agentByConversation: ReadonlyMap<string, string>) {}

  get sentCount(): number {
    return this.entries.size;
  }

  sent(clientId: string): void {
    this.entries.set(clientId, 0);
  }

  acked(clientId: string): boolean {
    const state = this.entries.get(clientId);
    if (state === undefined || (state & (ACKED | NACKED)) !== 0) {
      this.unknown += state === undefined ? 1 : 0;
      return false;
    }
    this.entries.set(clientId, state | ACKED);
    this.ackCount += 1;
    return true;
  }

  nacked(clientId: string, code: string): void {
    const state = this.entries.get(clientId);
    this.nackCodes.set(code, (this.nackCodes.get(code) ?? 0) + 1);
    if (state === undefined) {
      this.unknown += 1;
      return;
    }
    this.entries.set(clientId, state | NACKED);
    this.nackCount += 1;
  }

  delivered(clientId: string, conversationId: string, agentId: string): boolean {
    const state = this.entries.get(clientId);
    if (state === undefined) {
      this.unknown += 1;
      return false;
    }
    if (this.agentByConversation.get(conversationId) !== agentId) this.wrongAgent += 1;
    this.entries.set(clientId, state + DELIVERY);
    if (state >= DELIVERY) {
      this.duplicates += 1;
      return false;
    }
    this.deliveryCount += 1;
    return true;
  }

  /** True once every sent message was answered and every acked one delivered. */
  settled(): boolean {
    return this.ackCount + this.nackCount === this.entries.size && this.deliveryCount >= this.ackCount;
  }

  verdict(): DeliveryVerdict {
    let unanswered = 0;
    let missing = 0;
    let deliveredUnacked = 0;
    for (const state of this.entries.values()) {
      const answered = (state & (ACKED | NACKED)) !== 0;
      const deliveries = state >>> 2;
      if (!answered) unanswered += 1;
      if ((state & ACKED) !== 0 && deliveries === 0) missing += 1;
      if ((state & ACKED) === 0 && deliveries > 0) deliveredUnacked += 1;
    }
    const verdict = {
      sent: this.entries.size,
      acked: this.ackCount,
      nacked: this.nackCount,
      unanswered,
      delivered: this.deliveryCount,
      missing,
      duplicates: this.duplicates,
      wrongAgent: this.wrongAgent,
      unknown: this.unknown,
      deliveredUnacked,
    };
    const complete = missing === 0 && this.duplicates === 0 && this.wrongAgent === 0 && this.unknown === 0 && deliveredUnacked === 0 && unanswered === 0;
    return { ...verdict, complete };
  }
}
