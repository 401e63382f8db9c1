import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, migrate } from './db.js';
import { openSqliteStore } from './store.js';
import { seedIfEmpty, SEED_CREDENTIALS } from '../seed.js';
import { startTestServer } from '../../testing/harness.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-store-test-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('SQLite store', () => {
  it('applies numbered migrations once, in WAL mode with foreign keys', () => {
    const db = openDatabase(join(tempDir(), 'kefu.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Every numbered file, in order, with no gap (each feature adds its own: 002 phone, 003…).
    const versions = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('seeds once and keeps data across reopen; a rolled-back transaction leaves nothing and emits nothing', () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    expect(seedIfEmpty(store)).toBe(true);
    expect(seedIfEmpty(store)).toBe(false);
    const emitted: number[] = [];
    store.onCommit((events) => emitted.push(...events.map((e) => e.seq)));
    expect(() =>
      store.transaction(() => {
        store.events.append({ type: 'evaluation.requested', conversationId: 'x' }, ['staff'], 1);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(emitted).toEqual([]);
    expect(store.events.head()).toBe(0);
    store.close();
    const again = openSqliteStore(dir);
    expect(again.agents.byAccount(SEED_CREDENTIALS.admin.account)?.role).toBe('admin');
    expect(again.topics.list().map((t) => t.name)).toEqual(['咨询', '投诉', '售后', '其他']);
    again.close();
  });
});

describe('widget serving', () => {
  it('answers 500 INTERNAL with a build hint when the widget is not built, and serves it when it is', async () => {
    const missing = await startTestServer({ widgetDir: join(tempDir(), 'nothing') });
    const res = await fetch(`${missing.url}/widget`);
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/npm run build/),
    });
    await missing.dispose();

    const widgetDir = tempDir();
    mkdirSync(join(widgetDir, 'assets'));
    writeFileSync(join(widgetDir, 'index.html'), '<!doctype html><title>客服</title>');
    writeFileSync(join(widgetDir, 'widget.js'), 'console.log(1)');
    writeFileSync(join(widgetDir, 'assets', 'app.js'), 'export {}');
    const built = await startTestServer({ widgetDir });
    const page = await fetch(`${built.url}/widget`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect((await fetch(`${built.url}/widget.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${built.url}/widget/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${built.url}/widget/assets/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    await built.dispose();
  });
});
