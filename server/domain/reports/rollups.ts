/**
 * Keeping the report rollups (migration 023) right: a catch-up with a watermark, not writes in
 * every transaction that changes a conversation. The facts a figure depends on are written by many
 * paths (routing, messages, lifecycle, evaluation, the activity log); hooking each would spread the
 * rollups over the chat's hot paths. Instead every such change already writes a durable event in
 * its own transaction (conversation.updated, message.created), in commit order (one write lock per
 * transaction on both engines), so the events after the watermark name every conversation whose
 * figures may have moved. The catch-up recomputes the hours those conversations' moments fall in
 * from the raw rows — a recompute, never an increment, so running it twice or on two nodes at
 * once is harmless — and moves the watermark in the same transaction.
 *
 * Every node also catches up on a timer (rollup-timer.ts), so a report after a quiet spell reads
 * rollups that are already current instead of paying for everything since the last report; a
 * report still catches up before it reads, so it is never stale. `npm run reports:rebuild` rebuilds
 * everything from scratch. A change of the company zone to one with another offset within the hour
 * (e.g. +05:30) moves the hours' alignment: the next catch-up rebuilds.
 */
import type { DomainContext } from '../context.js';
import { HOUR_MS, hourStartOf } from '../../store/sql/report-buckets.js';
import { wallClock } from '../zoned-time.js';

/** What keeping rollups needs (a DomainContext has it; the rebuild command makes just this). */
export type RollupDeps = Pick<DomainContext, 'store' | 'settings' | 'clock'>;

/** Events read per catch-up transaction. */
const EVENTS_PER_STEP = 5_000;
/** Hours recomputed per transaction of a rebuild (30 days). */
const REBUILD_HOURS_PER_STEP = 24 * 30;

/** Where the company's hours begin within a UTC hour (0 for whole-hour zones like Asia/Shanghai). */
export function alignOf(timeZone: string, at: number): number {
  const offset = wallClock(at, timeZone).offset;
  return (((-offset % HOUR_MS) + HOUR_MS) % HOUR_MS) as number;
}

/** Recomputes each run of consecutive hours once. */
function recomputeHours(ctx: RollupDeps, hourStarts: number[], alignMs: number): void {
  const sorted = [...new Set(hourStarts)].sort((a, b) => a - b);
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + HOUR_MS) j++;
    ctx.store.reports.recompute(sorted[i]!, sorted[j]! + HOUR_MS, alignMs);
    i = j + 1;
  }
}

/**
 * Rebuilds every rollup from the raw rows, in steps of a month, and sets the watermark. Each step
 * deletes and recomputes its own hours in one transaction — there is no separate "clear everything"
 * first: two rebuilds at once (two nodes starting on a fresh schema, or a zone change) could
 * otherwise leave hours one of them cleared and had not recomputed yet while the other declared the
 * rollups complete. Rows before the first hour (only a previous alignment's) go with the first step.
 */
export function rebuildRollups(ctx: RollupDeps, onStep?: (doneHours: number, totalHours: number) => void): void {
  const alignMs = alignOf(ctx.settings().timeZone, ctx.clock());
  // The watermark is read before the rows: a change committed during the rebuild is caught up after.
  const eventSeq = ctx.store.events.head();
  const span = ctx.store.reports.factSpan();
  if (span) {
    const first = hourStartOf(span.min, alignMs);
    const last = hourStartOf(span.max, alignMs) + HOUR_MS;
    const total = (last - first) / HOUR_MS;
    for (let at = first; at < last; at += REBUILD_HOURS_PER_STEP * HOUR_MS) {
      const to = Math.min(last, at + REBUILD_HOURS_PER_STEP * HOUR_MS);
      ctx.store.transaction(() => {
        if (at === first) ctx.store.reports.clearBefore(first);
        ctx.store.reports.recompute(at, to, alignMs);
      });
      onStep?.((to - first) / HOUR_MS, total);
    }
  }
  ctx.store.transaction(() => {
    // No conversation at all: no row may stay.
    if (!span) ctx.store.reports.clearBefore(Number.MAX_SAFE_INTEGER);
    ctx.store.reports.saveState({ eventSeq, alignMs, rebuiltAt: ctx.clock() });
  });
}

/** Brings the rollups up to date with the events since the watermark (a rebuild when there is none yet). */
export function catchUpRollups(ctx: RollupDeps): void {
  const state = ctx.store.reports.state();
  const alignMs = alignOf(ctx.settings().timeZone, ctx.clock());
  if (!state || state.alignMs !== alignMs) return rebuildRollups(ctx);
  // Nothing committed since: done without a write transaction (on PostgreSQL that would take the
  // nodes' write lock for nothing, every time the periodic catch-up runs in a quiet hour).
  if (ctx.store.events.head() === state.eventSeq) return;
  for (;;) {
    const done = ctx.store.transaction(() => {
      const current = ctx.store.reports.state()!;
      const { lastSeq, ids } = ctx.store.reports.changedConversations(current.eventSeq, EVENTS_PER_STEP);
      if (lastSeq === current.eventSeq) return true;
      const hours = ctx.store.reports.conversationMoments(ids).map((at) => hourStartOf(at, alignMs));
      recomputeHours(ctx, hours, alignMs);
      ctx.store.reports.saveState({ ...current, eventSeq: lastSeq });
      return false;
    });
    if (done) return;
  }
}
