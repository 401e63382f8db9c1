/**
 * A re-sync asked for by server hints (phrases changed, a notice arrived): at most one run in
 * flight plus one queued, however many hints a replay brings, under the closing gate and never
 * after the owner is disposed.
 */
import type { ClosingGate } from './closing-gate.js';

export function coalescedSync(gate: ClosingGate, run: () => Promise<void>, isDisposed: () => boolean, onError: (error: unknown) => void): () => void {
  let syncing = false;
  let syncAgain = false;
  return function outdated() {
    if (syncing) {
      syncAgain = true;
      return;
    }
    syncing = true;
    gate.runInBackground(async () => {
      try {
        do {
          syncAgain = false;
          await run();
        } while (syncAgain && !isDisposed());
      } finally {
        syncing = false;
      }
    }, onError);
  };
}
