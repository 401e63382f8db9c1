/**
 * Live events to this node's clients in seq order, from every node's commits. Commits reach here
 * two ways: this node's own (with their events, right after COMMIT) and another node's (a
 * `committed` note on the cluster bus with its head and events). The database holds the truth:
 * whatever lies between what was delivered and a newer commit is read from the event log, so
 * nothing is skipped when notes arrive late, out of order, or not at all before this node's next
 * commit; a note that follows on from what was delivered needs no read.
 *
 * That reading is complete because PostgreSQL transactions commit one at a time (the write lock,
 * store/postgres/lock-keys.ts): once seq N is committed, every lower seq is committed or was
 * rolled back for good (a hole, which is simply passed over).
 */
import type { EventLog, StoredEvent } from '../store/types.js';

const CATCH_UP_PAGE = 500;

export class EventDelivery {
  private delivered: number;

  constructor(
    private readonly log: EventLog,
    private readonly deliver: (events: StoredEvent[]) => void,
  ) {
    this.delivered = log.head();
  }

  /** This node committed these events (seq order). */
  local(events: StoredEvent[]): void {
    if (events.length === 0) return;
    const first = events[0]!.seq;
    if (first > this.delivered + 1) this.catchUp(first - 1);
    const fresh = this.delivered < first ? events : events.filter((e) => e.seq > this.delivered);
    if (fresh.length === 0) return;
    this.delivered = fresh[fresh.length - 1]!.seq;
    this.deliver(fresh);
  }

  /**
   * Another node committed everything up to `head`; `events` are that commit's own. Commits are
   * serialised, so no other transaction's seq lies among them: with nothing missing before the
   * first of them, they are delivered as they came and the database is not read.
   */
  remote(head: number, events: StoredEvent[] = []): void {
    if (head <= this.delivered) return;
    const first = events[0]?.seq;
    if (first === undefined || first > this.delivered + 1) return this.catchUp(head);
    const fresh = events.filter((e) => e.seq > this.delivered);
    this.delivered = head;
    if (fresh.length > 0) this.deliver(fresh);
  }

  /** The newest seq delivered here. */
  get head(): number {
    return this.delivered;
  }

  private catchUp(upTo: number): void {
    while (this.delivered < upTo) {
      const page = this.log.pageAfter(this.delivered, { all: true }, CATCH_UP_PAGE).filter((e) => e.seq <= upTo);
      if (page.length === 0) break;
      this.delivered = page[page.length - 1]!.seq;
      this.deliver(page);
    }
    // Seqs up to upTo with no row were rolled back: none of them will ever appear.
    this.delivered = Math.max(this.delivered, upTo);
  }
}
