/**
 * The catch-up queue on its own, stepped by hand (the scheduler is a test double that runs one
 * turn of the loop when told): batch sizes, order, progress with the conversations behind,
 * exactly-once, and a failed batch.
 */
import { describe, expect, it } from 'vitest';
import type { DurableEvent } from '../../../shared/protocol/realtime.js';
import { createCatchUp, type CatchUpProgress } from './catch-up.js';
import type { SeqEvent } from './event-applier.js';

const messageIn = (conversationId: string): DurableEvent => ({ type: 'message.created', message: { conversationId } }) as unknown as DurableEvent;

function harness(apply: (batch: SeqEvent[], live: boolean) => void = () => undefined) {
  const turns: (() => void)[] = [];
  const log: string[] = [];
  /** The socket's reading, as the queue pauses and resumes it. */
  const reading = { paused: false, pauses: 0 };
  const progress: CatchUpProgress[] = [];
  const batches: { seqs: number[]; live: boolean }[] = [];
  let clock = 0;
  const catchUp = createCatchUp<string>({
    apply(batch, live) {
      batches.push({ seqs: batch.map((e) => e.seq), live });
      log.push(`batch:${batch.length}`);
      clock += batch.length; // 1 ms per event
      apply(batch, live);
    },
    ephemeral: (frame) => log.push(`ephemeral:${frame}`),
    progress: (p) => progress.push(p),
    replayDone: () => log.push('replay-done'),
    failed: (error) => log.push(`failed:${(error as Error).message}`),
    budgetMs: 150,
    pause() {
      reading.paused = true;
      reading.pauses++;
    },
    resume() {
      reading.paused = false;
    },
    now: () => clock,
    schedule(fn) {
      turns.push(fn);
      return () => turns.splice(turns.indexOf(fn), 1);
    },
  });
  /** Runs scheduled turns until none is left; returns how many ran. */
  const runAll = () => {
    let n = 0;
    while (turns.length > 0) {
      turns.shift()!();
      n++;
    }
    return n;
  };
  return { catchUp, turns, log, progress, batches, runAll, reading };
}

describe('catch-up queue', () => {
  it('applies a replay in batches sized to the budget, one per turn, then replay.done, then live frames in order', () => {
    const h = harness();
    h.catchUp.begin(10);
    for (let seq = 11; seq <= 1010; seq++) h.catchUp.event(seq, messageIn(seq % 2 ? 'a' : 'b'));
    h.catchUp.replayTotal(1000);
    h.catchUp.replayDone();
    h.catchUp.ephemeral('presence');
    h.catchUp.event(1011, messageIn('a'));
    expect(h.turns).toHaveLength(1);

    // First turn: one batch of the starting size, with the rest still behind.
    h.turns.shift()!();
    expect(h.batches[0]!.seqs.length).toBe(200);
    expect(h.progress[0]).toEqual({ done: 200, total: 1000, behind: ['a', 'b'] });
    expect(h.catchUp.isBehind('a')).toBe(true);

    const turns = h.runAll();
    // 1 ms per event against a 150 ms budget: 150 per batch after the first, each in its own turn.
    expect(h.batches.slice(1, -2).every((b) => b.seqs.length === 150)).toBe(true);
    expect(turns).toBeGreaterThan(5);
    expect(h.batches.flatMap((b) => b.seqs)).toEqual(Array.from({ length: 1001 }, (_, i) => 11 + i));
    expect(h.batches.at(-1)).toEqual({ seqs: [1011], live: true });
    expect(h.batches.slice(0, -1).every((b) => !b.live)).toBe(true);
    expect(h.log.slice(-3)).toEqual(['replay-done', 'ephemeral:presence', 'batch:1']);
    // At the last replayed batch, 'a' still had its live event waiting.
    expect(h.progress.at(-1)).toEqual({ done: 1000, total: 1000, behind: ['a'] });
    expect(h.catchUp.isBehind('a')).toBe(false);
    expect(h.catchUp.idle).toBe(true);
  });

  it('takes each seq once: a replayed duplicate and what was applied before are skipped', () => {
    const h = harness();
    h.catchUp.begin(5);
    for (const seq of [4, 5, 6, 6, 7, 5, 8]) h.catchUp.event(seq, messageIn('a'));
    h.runAll();
    expect(h.batches.flatMap((b) => b.seqs)).toEqual([6, 7, 8]);
  });

  it('a batch that fails drops the queue and reports it; a new connection starts clean', () => {
    let fail = true;
    const h = harness(() => {
      if (fail) throw new Error('disk full');
    });
    h.catchUp.begin(0);
    for (let seq = 1; seq <= 300; seq++) h.catchUp.event(seq, messageIn('a'));
    h.catchUp.replayDone();
    h.runAll();
    expect(h.log).toEqual(['batch:200', 'failed:disk full']);
    expect(h.catchUp.idle).toBe(true);
    expect(h.catchUp.isBehind('a')).toBe(false);

    fail = false;
    h.catchUp.begin(0);
    for (let seq = 1; seq <= 3; seq++) h.catchUp.event(seq, messageIn('a'));
    h.runAll();
    expect(h.batches.at(-1)!.seqs).toEqual([1, 2, 3]);
  });

  it('pauses reading the socket after a slice of events and resumes it once a batch is applied', () => {
    const h = harness();
    h.catchUp.begin(0);
    // The socket delivers as long as it is not paused, as Node reads a socket holding a backlog.
    let seq = 0;
    const deliver = () => {
      while (!h.reading.paused && seq < 3000) h.catchUp.event(++seq, messageIn('a'));
    };
    deliver();
    expect(h.reading.paused).toBe(true);
    const slice = seq;
    expect(slice).toBeLessThan(3000);
    while (h.turns.length > 0) {
      h.turns.shift()!();
      // A batch was applied: reading goes on, another slice, before the next turn.
      expect(h.reading.paused).toBe(false);
      deliver();
    }
    expect(h.batches.flatMap((b) => b.seqs)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    expect(h.reading.pauses).toBeGreaterThanOrEqual(Math.floor(3000 / slice) - 1);
    expect(h.reading.paused).toBe(false);
  });

  it('clear() forgets what was queued and cancels the pending turn', () => {
    const h = harness();
    h.catchUp.begin(0);
    h.catchUp.event(1, messageIn('a'));
    h.catchUp.clear();
    expect(h.turns).toHaveLength(0);
    expect(h.catchUp.idle).toBe(true);
    expect(h.batches).toEqual([]);
  });
});
