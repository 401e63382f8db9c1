/**
 * Sends finished calls from the cache to the server (REST syncCall, idempotent on the call's id)
 * in start order, one at a time, with the same capped backoff and retry rules as the message
 * outbox (sync/outbox.ts). A call stays 'pending' until the server has stored it.
 */
import type { ErrorCode } from '../../../shared/errors.js';
import type { RestClient } from '../api/rest-client.js';
import type { Db } from '../cache/database.js';
import type { Log } from '../logger.js';
import type { WorkstationEvents } from '../workstation-events.js';
import { createBackoff } from '../sync/backoff.js';
import { markCallError, markCallSynced, unsyncedCalls } from './calls-repo.js';

const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['NETWORK', 'TIMEOUT', 'INTERNAL', 'RATE_LIMITED', 'UNAUTHENTICATED', 'NOT_FOUND']);

export interface CallSyncer {
  kick(): void;
  /** Resolves when the current pass ends. */
  idle(): Promise<void>;
  stop(): void;
}

export interface CallSyncDeps {
  db: Db;
  rest: RestClient;
  events: WorkstationEvents;
  agentId: () => string | null;
  log: Log;
  backoff?: { initialMs: number; maxMs: number };
}

export function createCallSyncer(deps: CallSyncDeps): CallSyncer {
  const backoff = createBackoff(deps.backoff ?? { initialMs: 1000, maxMs: 30_000 });
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  function scheduleRetry() {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      kick();
    }, backoff.next());
    timer.unref();
  }

  async function drain() {
    // Refused in this pass: tried again on the next one, but they do not hold back the calls after them.
    const refused = new Set<string>();
    for (;;) {
      const agentId = deps.agentId();
      if (!agentId || stopped) return;
      const next = unsyncedCalls(deps.db, agentId, ['pending']).find((call) => !refused.has(call.id));
      if (!next) {
        if (refused.size > 0) scheduleRetry();
        return;
      }
      const result = await deps.rest.call('syncCall', { body: next });
      if (result.ok) {
        markCallSynced(deps.db, next.id);
        backoff.reset();
        deps.events.emit('calls:updated', result.value);
        continue;
      }
      markCallError(deps.db, next.id, `${result.error.code}: ${result.error.message}`);
      if (RETRYABLE.has(result.error.code)) {
        deps.log('calls: will retry sync', { id: next.id, code: result.error.code }, 'info');
        scheduleRetry();
        return;
      }
      // A record the server refuses stays local (and visible as pending with its error); the
      // calls after it still go now, and it is offered again on the next pass.
      deps.log('calls: server refused a call record', { id: next.id, error: result.error });
      refused.add(next.id);
    }
  }

  function kick() {
    if (running || stopped) return;
    running = drain()
      .catch((error: unknown) => {
        deps.log('calls: sync failed', error instanceof Error ? error.message : error);
        scheduleRetry();
      })
      .finally(() => {
        running = null;
      });
  }

  return {
    kick,
    async idle() {
      while (running) await running;
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
