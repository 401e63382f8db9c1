/**
 * The floor under "cache complete": the same messages put into the same SQLite cache (the
 * workstation's own openDatabase: schema, WAL, synchronous=FULL, its insert) by a plain loop of
 * single-row inserts and nothing else — no socket, no parsing, no events, no page. In one
 * transaction that is the least the rows can cost; with a commit per row it is what one
 * transaction per event cost before batching.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message } from '../../../shared/domain.js';
import { openDatabase } from '../../../electron/services/cache/database.js';
import { insertMessage } from '../../../electron/services/cache/messages-repo.js';

export interface Floor {
  oneTransactionMs: number;
  commitPerRowMs: number;
}

function timedInserts(messages: readonly Message[], oneTransaction: boolean): number {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-bench-floor-'));
  const db = openDatabase(dir);
  try {
    const started = performance.now();
    const loop = () => messages.forEach((message) => insertMessage(db, message));
    if (oneTransaction) db.transaction(loop)();
    else loop();
    return performance.now() - started;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function measureFloor(messages: readonly Message[]): Floor {
  return { oneTransactionMs: timedInserts(messages, true), commitPerRowMs: timedInserts(messages, false) };
}
