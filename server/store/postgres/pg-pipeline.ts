/**
 * Statements through libpq's pipeline mode (PostgreSQL 14+ client libraries): many in one round
 * trip, and writes put on the wire without waiting for their answers. On this machine a round trip
 * to a local server costs ~100 µs while a simple statement executes in ~10–20 µs, so the store
 * sends its writes together, and the server works on them while this process prepares the next
 * ones (pg-db.ts decides what is sent when; this file only carries it).
 *
 * The connection stays in blocking mode: PQgetResult waits for each answer, so reading is as
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

/**
 * A pipeline that may stay open across calls: send() puts statements on the wire and returns at
 * once, so the server works on them while this process goes on; finish() adds a sync, reads every
 * answer still outstanding (in order) and leaves pipeline mode.
 */
export class Pipeline {
  private outstanding = 0;
  private active = false;

  constructor(
    private readonly pq: LibPq,
    private readonly types: TypeParsers,
  ) {}

  /** Statements sent whose answers have not been read yet. */
  get unanswered(): number {
    return this.outstanding;
  }

  send(steps: readonly PipelineStep[]): void {
    if (steps.length === 0) return;
    const pq = this.pq;
    if (!this.active) {
      if (!pq.enterPipelineMode()) throw connectionError(pq, 'could not enter pipeline mode');
      this.active = true;
    }
    for (const step of steps) {
      const sent = step.name === null ? pq.sendQueryParams(step.text, step.values) : pq.sendQueryPrepared(step.name, step.values);
      if (!sent) throw connectionError(pq, 'send failed');
      this.outstanding++;
    }
    // libpq buffers in pipeline mode: hand the bytes to the server now so it can start on them.
    if (pq.flush() !== 0) throw connectionError(pq, 'flush failed');
  }

  /** Sends `steps` and a sync; returns the outcome of every statement sent since the pipeline opened. */
  finish(steps: readonly PipelineStep[]): StepOutcome[] {
    this.send(steps);
    if (!this.active) return [];
    const pq = this.pq;
    let clean = false;
    try {
      if (!pq.pipelineSync()) throw connectionError(pq, 'sync failed');
      const outcomes: StepOutcome[] = [];
      for (; this.outstanding > 0; this.outstanding--) outcomes.push(this.readOne());
      if (!pq.getResult() || pq.resultStatus() !== 'PGRES_PIPELINE_SYNC') throw connectionError(pq, 'sync answer missing');
      clean = true;
      return outcomes;
    } finally {
      this.active = false;
      this.outstanding = 0;
      // After a broken connection libpq may refuse to leave pipeline mode; the connection is lost anyway.
      if (!pq.exitPipelineMode() && clean) throw connectionError(pq, 'could not leave pipeline mode');
    }
  }

  private readOne(): StepOutcome {
    const pq = this.pq;
    if (!pq.getResult()) throw connectionError(pq, 'answer missing');
    const status = pq.resultStatus();
    let outcome: StepOutcome;
    if (status === 'PGRES_FATAL_ERROR') outcome = { ok: false, error: resultError(pq), skipped: false };
    else if (status === 'PGRES_PIPELINE_ABORTED')
      outcome = { ok: false, error: new Error('skipped after an earlier error in the same round trip'), skipped: true };
    else {
      const result = buildResult(pq, this.types, false);
      outcome = { ok: true, result: { rows: result.rows, changes: result.rowCount || 0, command: result.command ?? '' } };
    }
    // Each statement's answer ends with a NULL result.
    if (pq.getResult()) throw connectionError(pq, `unexpected second answer (${pq.resultStatus()})`);
    return outcome;
  }
}
