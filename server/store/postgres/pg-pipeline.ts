/**
 * Several statements in ONE synchronous round trip, through libpq's pipeline mode (PostgreSQL 14+
 * client libraries). On this machine a round trip to a local server costs ~100 µs while a simple
 * statement executes in ~10–20 µs, so the store's writes are sent together with the next read
 * instead of one by one (pg-db.ts decides what waits; this file only carries it).
 *
 * The connection stays in blocking mode: PQgetResult waits for each answer, so the call is as
 * uninterruptible as better-sqlite3's. After a failing statement PostgreSQL skips the rest of the
 * pipeline up to its sync point; those steps come back as "skipped".
 */
import buildResult from 'pg-native/lib/build-result.js';
import type Client from 'pg-native';

type LibPq = Client.LibPq;
type TypeParsers = Client.TypeParsers;

export interface PipelineStep {
  /** A statement prepared on this connection, or null to send `text` unprepared (transaction control). */
  name: string | null;
  text: string;
  values: (string | null)[];
}

export interface StepResult {
  rows: Record<string, unknown>[];
  /** Rows changed by INSERT/UPDATE/DELETE (libpq's cmdTuples). */
  changes: number;
  /** The command tag's first word: COMMIT on a real commit, ROLLBACK when the server rolled back. */
  command: string;
}

export type StepOutcome = { ok: true; result: StepResult } | { ok: false; error: Error; skipped: boolean };

/** PostgreSQL's error with its fields (sqlState, detail …), as node-postgres would give it. */
function resultError(pq: LibPq): Error {
  const error = new Error(pq.resultErrorMessage().trim()) as Error & Record<string, unknown>;
  const fields = pq.resultErrorFields();
  if (fields) Object.assign(error, fields);
  return error;
}

function connectionError(pq: LibPq, what: string): Error {
  return new Error(`PostgreSQL ${what}: ${pq.errorMessage().trim() || 'connection lost'}`);
}

/** Sends every step, then one sync, and reads every answer; throws only when the connection fails. */
export function runPipeline(pq: LibPq, types: TypeParsers, steps: readonly PipelineStep[]): StepOutcome[] {
  if (!pq.enterPipelineMode()) throw connectionError(pq, 'could not enter pipeline mode');
  let clean = false;
  try {
    for (const step of steps) {
      const sent = step.name === null ? pq.sendQueryParams(step.text, step.values) : pq.sendQueryPrepared(step.name, step.values);
      if (!sent) throw connectionError(pq, 'send failed');
    }
    if (!pq.pipelineSync()) throw connectionError(pq, 'sync failed');
    const outcomes = steps.map((): StepOutcome => {
      if (!pq.getResult()) throw connectionError(pq, 'answer missing');
      const status = pq.resultStatus();
      let outcome: StepOutcome;
      if (status === 'PGRES_FATAL_ERROR') outcome = { ok: false, error: resultError(pq), skipped: false };
      else if (status === 'PGRES_PIPELINE_ABORTED') outcome = { ok: false, error: new Error('skipped after an earlier error in the same round trip'), skipped: true };
      else {
        const result = buildResult(pq, types, false);
        outcome = { ok: true, result: { rows: result.rows, changes: result.rowCount || 0, command: result.command ?? '' } };
      }
      // Each statement's answer ends with a NULL result.
      if (pq.getResult()) throw connectionError(pq, `unexpected second answer (${pq.resultStatus()})`);
      return outcome;
    });
    if (!pq.getResult() || pq.resultStatus() !== 'PGRES_PIPELINE_SYNC') throw connectionError(pq, 'sync answer missing');
    clean = true;
    return outcomes;
  } finally {
    // After a broken connection libpq may refuse to leave pipeline mode; the connection is lost anyway.
    if (!pq.exitPipelineMode() && clean) throw connectionError(pq, 'could not leave pipeline mode');
  }
}
