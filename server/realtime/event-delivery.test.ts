/**
 * Delivery in seq order across nodes: another node's note that follows on from what was delivered
 * is delivered as it came, without reading the database; a gap (a note not here yet, a rolled-back
 * hole) is read from the event log, and nothing is delivered twice.
 */
import { describe, expect, it } from 'vitest';
import type { DurableEvent } from '../../shared/index.js';
import type { EventLog, StoredEvent } from '../store/types.js';
import { EventDelivery } from './event-delivery.js';

const event = (seq: number): StoredEvent => ({
  seq,
  event: { type: 'evaluation.requested', conversationId: `c${seq}` } as unknown as DurableEvent,
  audience: ['staff'],
});

/** An event log holding `seqs`, counting its reads. */
function logOf(seqs: number[]) {
  const rows = seqs.map(event);
  const reads: number[] = [];
  const log = {
    head: () => 0,
    pageAfter: (after: number, _reader: unknown, limit: number) => {
      reads.push(after);
      return rows.filter((r) => r.seq > after).slice(0, limit);
    },
  } as unknown as EventLog;
  return { log, reads };
}

describe('EventDelivery', () => {
  it("delivers another node's commit from its note when nothing is missing before it, and reads the log after a gap", () => {
    const { log, reads } = logOf([1, 2, 3, 5, 6, 7]);
    const delivered: number[] = [];
    const delivery = new EventDelivery(log, (events) => delivered.push(...events.map((e) => e.seq)));

    delivery.remote(2, [event(1), event(2)]);
    expect(reads).toEqual([]);
    // Seq 3's note is late; 5 and 6 arrive first: 3 is read from the log (4 was rolled back).
    delivery.remote(6, [event(5), event(6)]);
    expect(reads).toEqual([2]);
    // The late note and a repeat change nothing.
    delivery.remote(3, [event(3)]);
    delivery.remote(6, [event(5), event(6)]);
    delivery.local([event(7)]);
    expect(delivered).toEqual([1, 2, 3, 5, 6, 7]);
    expect(reads).toEqual([2]);
    expect(delivery.head).toBe(7);
  });

  it('a note without events (an older node) is read from the log', () => {
    const { log, reads } = logOf([1, 2]);
    const delivered: number[] = [];
    const delivery = new EventDelivery(log, (events) => delivered.push(...events.map((e) => e.seq)));
    delivery.remote(2);
    expect(delivered).toEqual([1, 2]);
    expect(reads.length).toBeGreaterThan(0);
  });
});
