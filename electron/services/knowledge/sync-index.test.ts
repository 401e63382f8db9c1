/**
 * The bigram index follows the cache through the real sync: entries added, changed (text and
 * category) and deleted on a real server reach the cache through createKnowledgeSync, and the
 * index then equals a fresh fill from the entries (migration 008's SQL) — nothing stale, nothing
 * missing — and short queries find the new text only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestClient } from '../api/rest-client.js';
import { openDatabase, type Db } from '../cache/database.js';
import { KNOWLEDGE_BIGRAMS_FILL_SQL } from '../cache/migrations/008-knowledge-bigrams.js';
import { startServerProcess, type ServerProcess } from '../test-support/server-process.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { searchKnowledge } from './search.js';
import { createKnowledgeSync, type KnowledgeSync } from './sync.js';

async function login(url: string, account: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account, password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** Every (doc, token) of the bigram index, read through fts5vocab (deleted rows excluded). */
function indexContent(db: Db): string[] {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.sync_bigram_vocab USING fts5vocab(main, knowledge_bigrams, 'instance')");
  return (db.prepare('SELECT term, doc FROM temp.sync_bigram_vocab ORDER BY term, doc').all() as { term: string; doc: number }[]).map(
    (r) => `${r.doc} ${r.term}`,
  );
}

/** What the index holds must equal what a fresh fill from the entries would hold. */
function expectIndexMatchesEntries(db: Db): void {
  const live = indexContent(db);
  db.exec('SAVEPOINT refill');
  db.exec("INSERT INTO knowledge_bigrams (knowledge_bigrams) VALUES ('delete-all')");
  db.exec(KNOWLEDGE_BIGRAMS_FILL_SQL);
  const fresh = indexContent(db);
  db.exec('ROLLBACK TO refill; RELEASE refill');
  expect(live).toEqual(fresh);
  expect(indexContent(db)).toEqual(live);
}

describe('bigram index through the knowledge sync', () => {
  let server: ServerProcess;
  let admin: string;
  let agent: string;
  let db: Db;
  let sync: KnowledgeSync;

  beforeAll(async () => {
    server = await startServerProcess(tempDir('kefu-kb-sync-server-'));
    admin = await login(server.url, 'admin', 'admin123');
    agent = await login(server.url, 'agent1', 'agent123');
    db = openDatabase(tempDir('kefu-kb-sync-desk-'));
    const rest = createRestClient({ baseUrl: () => server.url, token: () => agent });
    sync = createKnowledgeSync({ db, rest, serverUrl: () => server.url, clock: Date.now });
  }, 30_000);
  afterAll(async () => {
    db?.close();
    await server?.kill();
    removeTempDirs();
  });

  const adminCall = async (method: string, path: string, body?: unknown): Promise<{ id: string }> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.status, `${method} ${path}`).toBe(200);
    return (await response.json()) as { id: string };
  };
  const ids = (query: string, categoryId: string | null = null) => searchKnowledge(db, { query, limit: 20, categoryId }).hits.map((h) => h.id);
  const pull = async () => {
    const result = await sync.sync();
    expect(result.ok).toBe(true);
  };

  it('indexes added entries, then follows an update, a category move and a delete', async () => {
    const afterSales = await adminCall('POST', '/api/admin/knowledge/categories', { name: '售后' });
    const account = await adminCall('POST', '/api/admin/knowledge/categories', { name: '账户' });
    const refund = await adminCall('POST', '/api/admin/knowledge/entries', {
      question: '退货流程是什么',
      answer: '在订单页申请退货。',
      keywords: ['退款'],
      categoryId: afterSales.id,
    });
    const password = await adminCall('POST', '/api/admin/knowledge/entries', {
      question: 'How to reset my Password?',
      answer: 'Click "Forgot".',
      categoryId: account.id,
    });
    const gone = await adminCall('POST', '/api/admin/knowledge/entries', { question: '发票抬头', answer: '开票后可修改抬头一次。' });
    await pull();
    expect(ids('退')).toEqual([refund.id]);
    expect(ids('抬头')).toEqual([gone.id]);
    expect(ids('pa')).toEqual([password.id]);
    expect(ids('退', afterSales.id)).toEqual([refund.id]);
    expectIndexMatchesEntries(db);

    await adminCall('PATCH', `/api/admin/knowledge/entries/${refund.id}`, {
      question: '换货流程是什么',
      answer: '在订单页申请换货。',
      keywords: ['换新'],
      categoryId: account.id,
    });
    await adminCall('DELETE', `/api/admin/knowledge/entries/${gone.id}`);
    await pull();
    expect(ids('退')).toEqual([]);
    expect(ids('退货')).toEqual([]);
    expect(ids('换')).toEqual([refund.id]);
    expect(ids('抬头')).toEqual([]);
    expect(ids('换', afterSales.id)).toEqual([]);
    expect(ids('换', account.id)).toEqual([refund.id]);
    expect(ids('"F', account.id)).toEqual([password.id]);
    expectIndexMatchesEntries(db);
  }, 30_000);

  it('answers from the index, not a scan: a row missing from the index is not found', () => {
    const doc = (db.prepare("SELECT doc FROM knowledge_entries WHERE question LIKE '%Password%'").get() as { doc: number }).doc;
    expect(ids('pa')).toHaveLength(1);
    db.prepare('DELETE FROM knowledge_bigrams WHERE rowid = ?').run(doc);
    expect(ids('pa')).toEqual([]);
    expect(ids('password')).toHaveLength(1);
  });
});
