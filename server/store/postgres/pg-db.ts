/**
 * PostgreSQL behind the repositories' SqlDb (../sql/sql-db.ts), through pg-native: node-postgres's
 * libpq binding, whose synchronous calls keep each unit of work one uninterrupted piece of code,
 * exactly as better-sqlite3 does (docs/ARCHITECTURE.md, "Stores", says what that costs and why).
 * One connection per store; statements are prepared on the server once, by generated name.
 *
 * Inside a transaction, writes whose answer nobody reads yet (`run()`, savepoints, BEGIN and its
 * lock) wait in a queue. When a unit of a group commit ends well, its writes are put on the wire
 * without waiting (the server works on them while the next unit runs here); anything still queued
 * travels with the next read or the COMMIT, whose round trip also collects every answer
 * outstanding (pg-pipeline.ts). Reading `changes` sends the queue at once. A write that fails makes
 * the statement that collects its answer throw — the transaction is then rolled back as for any
 * failure, so nothing half-done commits.
 */
import Client from 'pg-native';
import pgTypes from 'pg-types';
import type { SqlDb, SqlStatement } from '../sql/sql-db.js';
import { Pipeline, type PipelineStep, type StepResult } from './pg-pipeline.js';
import { toPostgresSql } from './sql-text.js';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * Times are epoch milliseconds in BIGINT columns and counts come back as BIGINT: both fit a JS
 * number (2^53), which is what the repositories expect from SQLite too.
 */
const types = {
  getTypeParser: (oid: number, format?: string) => (oid === INT8 || oid === NUMERIC ? Number : pgTypes.getTypeParser(oid, (format ?? 'text') as 'text')),
};

/** libpq takes text parameters: the same values better-sqlite3 binds, written as PostgreSQL reads them. */
function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  throw new TypeError(`cannot bind a ${typeof value} to a PostgreSQL parameter`);
}

/** SQLite's hidden rowid is a real column here (insertion order for tie-breaks); rows never carry it. */
function withoutRowid(row: Record<string, unknown>): Record<string, unknown> {
  if ('rowid' in row) delete row.rowid;
  return row;
}

/**
 * Connections closed a moment ago, kept reachable. libpq's binding closes its socket watcher with
 * an asynchronous uv_close on memory inside the connection object: if the object were garbage
 * collected before the event loop finished that close, the process would abort in libuv
 * (`uv__finish_close` assertion). Held for a second, then let go.
 */
const retired = new Set<Client>();
const RETIRE_MS = 1_000;

export interface PgConnection extends SqlDb {
  /**
   * BEGIN, then the advisory lock `lockKey` for the whole transaction; both travel with the first
   * round trip. With `recheckUnderLock`, the lock is taken only in front of the transaction's
   * first write to leave (reads before it run unlocked), followed by what recheckUnderLock queues
   * — statements that fail if those reads went stale, so the writes and COMMIT behind them fail too.
   */
  begin(lockKey: number, recheckUnderLock?: () => void): void;
  /** Sends what is queued and COMMIT; throws (and the caller rolls back) if anything failed. */
  commit(): void;
  /** Forgets what is queued and rolls back whatever reached the server. */
  rollback(): void;
  savepoint(name: string): void;
  release(name: string): void;
  /** Undoes everything since `savepoint(name)` (queued work is simply forgotten) and releases it. */
  rollbackTo(name: string): void;
  /** True between begin() and commit()/rollback(). */
  inTransaction(): boolean;
  close(): void;
}

/** A queued step; `done` receives its answer once it has been sent. */
interface Queued extends PipelineStep {
  savepoint?: string;
  /** Changes data (run, getLater): a late write lock must be in front of it. */
  write?: boolean;
  done?: (result: StepResult) => void;
}

const control = (text: string, savepoint?: string): Queued => ({ name: null, text, values: [], savepoint });

export function openPgConnection(connectionString: string): PgConnection {
  const client = new Client({ types });
  client.connectSync(connectionString);
  // libpq prints NOTICEs (e.g. "already exists, skipping") on stderr; only warnings and errors matter.
  client.querySync('SET client_min_messages TO warning');
  let named = 0;
  let open = true;
  let transaction = false;
  let queue: Queued[] = [];
  /** A write lock to take in front of the first write that leaves (begin with recheckUnderLock). */
  let lateLock: { key: number; recheck: () => void } | null = null;

  // libpq on a finished connection dereferences a freed handle and kills the process; better-sqlite3
  // throws instead. Throw the same way, so work that outlives close (a late timer) fails like it.
  const ensureOpen = (): void => {
    if (!open) throw new TypeError('The PostgreSQL connection is not open');
  };

  const pipeline = new Pipeline(client.pq, types);
  /** Sent, answers not read yet, in order. */
  let inFlight: Queued[] = [];
  /** A pipeline left open this long is collected: the answers waiting on the socket stay small. */
  const MAX_IN_FLIGHT = 512;
  /** Queued statements that are worth a send of their own at the end of a unit (~8 messages' writes). */
  const STREAM_AT = 32;

  /** Before writes leave: the late lock goes in front of the first one, with the re-check statements. */
  const lockBeforeWrites = (): void => {
    if (!lateLock) return;
    const at = queue.findIndex((step) => step.write);
    if (at < 0) return;
    const { key, recheck } = lateLock;
    lateLock = null;
    const writes = queue.slice(at);
    queue = [...queue.slice(0, at), control(`SELECT pg_advisory_xact_lock(${key})`)];
    recheck();
    queue.push(...writes);
  };

  /** Puts everything queued on the wire without waiting for answers. */
  const sendQueued = (): void => {
    ensureOpen();
    lockBeforeWrites();
    pipeline.send(queue);
    inFlight = inFlight.length === 0 ? queue : inFlight.concat(queue);
    queue = [];
    if (inFlight.length > MAX_IN_FLIGHT) roundTrip(null);
  };

  /** Sends the queue and then `last` (if any) with a sync, and reads every answer outstanding; returns `last`'s result. */
  const roundTrip = (last: PipelineStep | null): StepResult | null => {
    ensureOpen();
    lockBeforeWrites();
    // A savepoint with nothing queued after it waits: `last` only reads, and a savepoint taken
    // after a read is the same savepoint. Most units then never send theirs (see release()).
    let held = queue.length;
    while (last && held > 0 && queue[held - 1]!.savepoint !== undefined) held--;
    const steps: Queued[] = queue.slice(0, held);
    queue = queue.slice(held);
    if (last) steps.push(last);
    if (steps.length === 0 && inFlight.length === 0) return null;
    const sent = inFlight.length === 0 ? steps : inFlight.concat(steps);
    inFlight = [];
    const outcomes = pipeline.finish(steps);
    let failure: Error | null = null;
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) sent[i]!.done?.(outcome.result);
      else if (!outcome.skipped && !failure) failure = outcome.error;
    });
    if (failure) throw failure;
    const answer = outcomes[outcomes.length - 1];
    return last && answer?.ok ? answer.result : null;
  };

  const prepare = (sql: string): SqlStatement => {
    const translated = toPostgresSql(sql);
    let name: string | null = null;
    const step = (params: unknown[]): PipelineStep => {
      ensureOpen();
      if (name === null) {
        const next = `s${++named}`;
        // PQprepare is not allowed while a pipeline is open: collect it first (once per statement).
        if (inFlight.length > 0) roundTrip(null);
        client.prepareSync(next, translated.text, translated.count);
        name = next;
      }
      // A statement built with named parameters may end up with none (an unfiltered list) yet still be given its object.
      const values = translated.names
        ? translated.names.map((key) => toText((params[0] as Record<string, unknown> | undefined)?.[key]))
        : translated.count === 0
          ? []
          : params.map(toText);
      return { name, text: translated.text, values };
    };
    const rowsOf = (params: unknown[]): Record<string, unknown>[] => roundTrip(step(params))!.rows;
    return {
      get: (...params) => {
        const row = rowsOf(params)[0];
        return row ? withoutRowid(row) : undefined;
      },
      all: (...params) => rowsOf(params).map(withoutRowid),
      run: (...params) => {
        if (!transaction) return { changes: roundTrip(step(params))!.changes };
        let changes: number | null = null;
        // The step first: preparing may send the queue and replace it.
        const next = step(params);
        queue.push({ ...next, write: true, done: (result) => (changes = result.changes) });
        return {
          // Asking for the count is reading an answer: the queue goes now.
          get changes(): number {
            if (changes === null) roundTrip(null);
            return changes ?? 0;
          },
        };
      },
      getLater: (params, use) => {
        const done = (result: StepResult): void => {
          const row = result.rows[0];
          use(row ? withoutRowid(row) : undefined);
        };
        const next = step(params);
        if (transaction) queue.push({ ...next, write: true, done });
        else done(roundTrip(next)!);
      },
    };
  };

  return {
    dialect: 'postgres',
    prepare,
    exec: (sql) => {
      roundTrip(null);
      client.querySync(sql);
    },
    begin(lockKey, recheckUnderLock) {
      ensureOpen();
      if (transaction) throw new Error('a transaction is already open on this connection');
      transaction = true;
      const key = Math.trunc(lockKey);
      queue.push(control('BEGIN'));
      if (recheckUnderLock) lateLock = { key, recheck: recheckUnderLock };
      else queue.push(control(`SELECT pg_advisory_xact_lock(${key})`));
    },
    commit() {
      let result: StepResult | null;
      try {
        result = roundTrip(control('COMMIT'));
      } finally {
        lateLock = null;
      }
      transaction = false;
      // COMMIT of a transaction the server had already aborted answers ROLLBACK, not an error.
      if (result?.command !== 'COMMIT') throw new Error(`PostgreSQL rolled the transaction back (${result?.command ?? 'no answer'})`);
    },
    rollback() {
      queue = [];
      transaction = false;
      lateLock = null;
      // Answers still outstanding are read and dropped: the work they belong to is undone now.
      if (open && inFlight.length > 0) {
        try {
          roundTrip(null);
        } catch {
          /* a failure there is what this rollback is for */
        }
      }
      // PQTRANS_INTRANS (2) or PQTRANS_INERROR (3): BEGIN reached the server, so there is something to undo.
      if (open && client.pq.transactionStatus() >= 2) client.querySync('ROLLBACK');
    },
    savepoint(name) {
      queue.push(control(`SAVEPOINT ${name}`, name));
    },
    release(name) {
      const at = queue.findIndex((step) => step.savepoint === name);
      // Never sent, so nothing of the unit reached the server yet: its writes simply join the
      // enclosing transaction (if one fails when sent, the whole transaction fails and rolls back).
      if (at >= 0) queue.splice(at, 1);
      else queue.push(control(`RELEASE SAVEPOINT ${name}`));
      // The unit is done and will not be undone by itself: once enough is queued, the server can
      // start on it while the next units run here. Not for every unit: each send wakes the server,
      // and small batches (light load) go faster with everything riding on the COMMIT.
      if (queue.length >= STREAM_AT) sendQueued();
    },
    rollbackTo(name) {
      const at = queue.findIndex((step) => step.savepoint === name);
      // Never sent: the savepoint and everything after it are forgotten, the server saw none of it.
      if (at >= 0) queue.length = at;
      else {
        // Sent earlier: every step still queued came after it, and ROLLBACK TO would undo it anyway.
        queue = [control(`ROLLBACK TO SAVEPOINT ${name}`), control(`RELEASE SAVEPOINT ${name}`)];
      }
    },
    inTransaction: () => transaction,
    close() {
      if (!open) return;
      open = false;
      queue = [];
      inFlight = [];
      transaction = false;
      client.end();
      retired.add(client);
      setTimeout(() => retired.delete(client), RETIRE_MS).unref();
    },
  };
}
