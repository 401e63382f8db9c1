/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit
 * crosses the threshold, stalling the loop 8–17 ms (docs/PLATFORM-NOTES.md); so the main connection gets
 * wal_autocheckpoint=0 and a worker thread with its own connection runs PASSIVE checkpoints
 * (they never block the writer and never wait for locks). If the worker dies, the main
 * connection takes automatic checkpoints back, so the WAL can never grow without bound.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './db.js';

export interface Checkpointer {
  /** Stops the worker and closes its connection; resolves once the thread has exited. */
  stop(): Promise<void>;
  /** Called with [busy, logFrames, checkpointedFrames] after each checkpoint (tests watch it). */
  onCheckpoint?: (result: [number, number, number]) => void;
}

const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

// Plain CommonJS evaluated in the worker: no TypeScript loader is needed there (tests, tsx, node).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 100');
const timer = setInterval(() => {
  try {
    const row = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').raw().get();
    parentPort.postMessage({ type: 'checkpoint', result: row });
  } catch (err) {
    parentPort.postMessage({ type: 'failed', message: String(err && err.message || err) });
  }
}, workerData.intervalMs);
parentPort.on('message', (msg) => {
  if (msg !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export function startCheckpointer(db: Db, file: string, intervalMs = 500): Checkpointer {
  db.pragma('wal_autocheckpoint = 0');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs } });
  // A checkpointer must never keep the process alive on its own.
  worker.unref();
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const fallBack = (): void => {
    if (!stopping && db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  };
  worker.once('error', fallBack);
  worker.once('exit', fallBack);
  const checkpointer: Checkpointer = {
    stop: () => {
      if (!stopping) {
        stopping = true;
        worker.postMessage('stop');
      }
      return exited;
    },
  };
  worker.on('message', (msg: { type: string; result?: [number, number, number] }) => {
    if (msg.type === 'checkpoint' && msg.result) checkpointer.onCheckpoint?.(msg.result);
  });
  return checkpointer;
}
