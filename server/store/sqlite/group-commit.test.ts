import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'kefu-group-commit-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite store transactionEach (group commit)', () => {
  it('commits the good units together, rolls back a failing unit alone, and emits once after commit', () => {
    const store = openSqliteStore(dir);
    const emitted: number[][] = [];
    store.onCommit((events) => emitted.push(events.map((e) => e.seq)));
    const evaluation = (id: string) => ({ type: 'evaluation.requested' as const, conversationId: id });
    const results = store.transactionEach([
      () => store.events.append(evaluation('a'), ['staff'], 1),
      () => {
        // Writes, then fails: its write and its event must vanish, the others must not.
        store.events.append(evaluation('doomed'), ['staff'], 2);
        throw new Error('refused');
      },
      () => store.events.append(evaluation('b'), ['staff'], 3),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ ok: false, error: new Error('refused') });
    const page = store.events.pageAfter(0, { all: true }, 10);
    expect(page.map((e) => (e.event as { conversationId: string }).conversationId)).toEqual(['a', 'b']);
    // One commit → one listener call holding exactly the stored events, in seq order.
    expect(emitted).toEqual([page.map((e) => e.seq)]);
    expect(() => store.transaction(() => store.transactionEach([() => 1]))).toThrow(/inside another transaction/);
    store.close();
  });
});
