import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db.js';
import { startCheckpointer } from './checkpointer.js';

const dir = mkdtempSync(join(tmpdir(), 'kefu-checkpointer-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('WAL checkpointer worker', () => {
  it('turns off automatic checkpoints, checkpoints every WAL frame from its own thread, and stops on request', async () => {
    const file = join(dir, 'kefu.db');
    const db = openDatabase(file);
    const checkpointer = startCheckpointer(db, file, 20);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run(`k${i}`, JSON.stringify('x'.repeat(200)));
    })();
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    // Wait for a checkpoint that found frames and copied all of them into the database file.
    const result = await new Promise<[number, number, number]>((resolve) => {
      checkpointer.onCheckpoint = (r) => {
        if (r[1] > 0 && r[2] === r[1]) resolve(r);
      };
    });
    expect(result[0]).toBe(0);
    await checkpointer.stop();
    // After the worker exited it can neither checkpoint nor touch the file; the main connection still works.
    checkpointer.onCheckpoint = () => expect.unreachable('checkpoint after stop');
    expect(db.prepare('SELECT COUNT(*) AS n FROM settings').get()).toEqual({ n: 500 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    db.close();
  });
});
