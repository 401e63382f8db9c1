/**
 * The realtime socket's durable events, queued in arrival order and applied in batches: each batch
 * in one transaction (event-applier.ts), then the event loop is yielded so calls from the page are
 * answered in between. After a long time away the server replays thousands of events at once; one
 * transaction and one renderer update per event made that cost grow with the backlog, and froze
 * the page. Batches are sized to a time budget, so per-event cost stays flat and no single step
 * holds the loop for long; reading the socket pauses after a slice of events until the next batch
 * is applied, so parsing a backlog does not hold it either.
 *
 * Order is kept: replayed events, the server's replay.done, then live frames, exactly as they came.
 */
import type { DurableEvent } from '../../../shared/protocol/realtime.js';
import type { SeqEvent } from './event-applier.js';

export interface CatchUpProgress {
  done: number;
  total: number;
  /** Conversations with received events not applied yet (at most MAX_BEHIND_LISTED). */
  behind: string[];
}

export interface CatchUpOptions<E> {
  /** Apply these events (ascending seq), storing the last seq with them; throwing rolls back. `live`: after replay.done. */
  apply(batch: SeqEvent[], live: boolean): void;
  /** An ephemeral frame, in its place in the order. */
  ephemeral(frame: E): void;
  /** Replayed events applied so far (after each batch of the replay). */
  progress(progress: CatchUpProgress): void;
  /** Every replayed event before the server's replay.done is applied. */
  replayDone(): void;
  /** apply() threw: the queue is cleared; the caller drops the socket so the server replays from the stored seq. */
  failed(error: unknown): void;
  log?(message: string, detail?: unknown): void;
  /** Time one batch may take before the loop is yielded. */
  budgetMs?: number;
  /**
   * Stop / restart reading the socket. Node reads whatever the socket holds before anything else
   * runs (up to 2 MB a turn), and parsing thousands of replayed frames held page calls for
   * hundreds of ms: reading pauses after a slice of events and resumes once a batch is applied,
   * so each turn of the loop reads a little, applies a little, and answers the page in between.
   */
  pause?(): void;
  resume?(): void;
  /** Runs `fn` after pending I/O (setImmediate); returns a cancel function. */
  schedule?(fn: () => void): () => void;
  now?(): number;
}

export interface CatchUp<E> {
  /** A new connection: forget what was queued (it will be replayed) and count from `appliedSeq`. */
  begin(appliedSeq: number): void;
  event(seq: number, event: DurableEvent): void;
  ephemeral(frame: E): void;
  /** The server's count of events it is replaying (replay.progress). */
  replayTotal(total: number): void;
  replayDone(): void;
  /** Drop everything queued (socket closed, logout): it is replayed on the next connection. */
  clear(): void;
  /** Nothing queued or being applied. */
  readonly idle: boolean;
  /** Whether `conversationId` has received events not applied yet. */
  isBehind(conversationId: string): boolean;
}

type Item<E> =
  { kind: 'event'; seq: number; event: DurableEvent; live: boolean; conversationId: string | null } | { kind: 'replay-done' } | { kind: 'ephemeral'; frame: E };

const MAX_BEHIND_LISTED = 100;
/** Below this a commit (fsync) costs more than the events it carries. */
const MIN_BATCH = 100;
const MAX_BATCH = 5_000;
/** Events read before reading pauses for a batch to be applied: a few ms of parsing. */
const READ_SLICE = 250;

const setImmediateSchedule = (fn: () => void) => {
  const handle = setImmediate(fn);
  return () => clearImmediate(handle);
};

/** The conversation an event is about, so the page can show which ones are still behind. */
function conversationOf(event: DurableEvent): string | null {
  switch (event.type) {
    case 'message.created':
      return event.message.conversationId;
    case 'conversation.updated':
      return event.conversation.id;
    case 'conversation.removed':
    case 'evaluation.requested':
      return event.conversationId;
    default:
      return null;
  }
}

export function createCatchUp<E>(options: CatchUpOptions<E>): CatchUp<E> {
  // A page call waits at most about this long for a batch; longer batches pay fewer commits.
  const budgetMs = options.budgetMs ?? 20;
  const schedule = options.schedule ?? setImmediateSchedule;
  const now = options.now ?? (() => performance.now());
  // A ring would save the shifts; an index into an array that is dropped when drained does too.
  let items: Item<E>[] = [];
  let head = 0;
  let lastQueuedSeq = 0;
  let replayDoneQueued = false;
  let replayApplied = 0;
  let serverTotal: number | null = null;
  let queuedReplay = 0;
  const behind = new Map<string, number>();
  let batchSize = 200;
  let cancelScheduled: (() => void) | null = null;
  let readSinceResume = 0;
  let paused = false;

  function push(item: Item<E>) {
    items.push(item);
    if (!cancelScheduled) cancelScheduled = schedule(drain);
    if (item.kind === 'event' && ++readSinceResume >= READ_SLICE && !paused && options.pause) {
      paused = true;
      options.pause();
    }
  }

  function resumeReading() {
    readSinceResume = 0;
    if (!paused) return;
    paused = false;
    options.resume?.();
  }

  function progress(): CatchUpProgress {
    return {
      done: replayApplied,
      total: Math.max(serverTotal ?? 0, replayApplied + queuedReplay),
      behind: [...behind.keys()].slice(0, MAX_BEHIND_LISTED),
    };
  }

  function reset() {
    cancelScheduled?.();
    cancelScheduled = null;
    items = [];
    head = 0;
    queuedReplay = 0;
    behind.clear();
    resumeReading();
  }

  /** Consecutive events from the head with the same liveness, at most `max`. */
  function takeEvents(max: number): { batch: SeqEvent[]; live: boolean; ids: (string | null)[] } {
    const first = items[head] as Extract<Item<E>, { kind: 'event' }>;
    const batch: SeqEvent[] = [];
    const ids: (string | null)[] = [];
    while (head < items.length && batch.length < max) {
      const item = items[head]!;
      if (item.kind !== 'event' || item.live !== first.live) break;
      batch.push({ seq: item.seq, event: item.event });
      ids.push(item.conversationId);
      head++;
    }
    return { batch, live: first.live, ids };
  }

  function applied(ids: (string | null)[], live: boolean) {
    for (const id of ids) {
      if (id === null) continue;
      const left = (behind.get(id) ?? 1) - 1;
      if (left > 0) behind.set(id, left);
      else behind.delete(id);
    }
    if (!live) {
      replayApplied += ids.length;
      queuedReplay -= ids.length;
      options.progress(progress());
    }
  }

  function drain() {
    cancelScheduled = null;
    while (head < items.length) {
      const item = items[head]!;
      if (item.kind === 'replay-done') {
        head++;
        options.replayDone();
        continue;
      }
      if (item.kind === 'ephemeral') {
        head++;
        // Current state only: one that cannot be shown must not stop the events behind it.
        try {
          options.ephemeral(item.frame);
        } catch (error) {
          options.log?.('an ephemeral frame could not be handled', error instanceof Error ? error.message : error);
        }
        continue;
      }
      const { batch, live, ids } = takeEvents(batchSize);
      const batchStarted = now();
      try {
        options.apply(batch, live);
      } catch (error) {
        reset();
        options.failed(error);
        return;
      }
      // Size the next batch to the budget from what a full one cost per event (a short one is
      // mostly the commit's fixed cost and would say little).
      if (batch.length === batchSize) {
        const perEvent = Math.max((now() - batchStarted) / batch.length, 0.001);
        batchSize = Math.round(Math.min(MAX_BATCH, Math.max(MIN_BATCH, budgetMs / perEvent)));
      }
      applied(ids, live);
      // One batch per turn of the loop: page calls and the next slice of socket reads go in between.
      resumeReading();
      if (head < items.length) break;
    }
    if (head >= items.length) {
      items = [];
      head = 0;
      resumeReading();
    } else if (!cancelScheduled) cancelScheduled = schedule(drain);
  }

  return {
    begin(appliedSeq) {
      reset();
      lastQueuedSeq = appliedSeq;
      replayDoneQueued = false;
      replayApplied = 0;
      serverTotal = null;
    },
    event(seq, event) {
      // Already applied or queued (replayed twice): exactly once.
      if (seq <= lastQueuedSeq) return;
      lastQueuedSeq = seq;
      const conversationId = conversationOf(event);
      if (conversationId !== null) behind.set(conversationId, (behind.get(conversationId) ?? 0) + 1);
      if (!replayDoneQueued) queuedReplay++;
      push({ kind: 'event', seq, event, live: replayDoneQueued, conversationId });
    },
    ephemeral(frame) {
      push({ kind: 'ephemeral', frame });
    },
    replayTotal(total) {
      serverTotal = total;
    },
    replayDone() {
      replayDoneQueued = true;
      push({ kind: 'replay-done' });
    },
    clear: reset,
    get idle() {
      return head >= items.length;
    },
    isBehind: (conversationId) => behind.has(conversationId),
  };
}
