/**
 * Deleting a knowledge category (issue 9.3): deleted entries leave tombstones for the workstation
 * sync, and those must not keep the category alive (it used to fail with a foreign key 500).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeCategory, KnowledgeChanges, KnowledgeEntry } from '../../../shared/knowledge.js';
import { call } from '../../testing/harness.js';
import { createScene, dbFingerprint, type Scene } from '../../testing/scene.js';

type ErrorBody = { error: { code: string; message: string } };

describe('deleting a knowledge category', () => {
  let scene: Scene;
  const admin = <T>(method: string, path: string, body?: unknown) => call<T>(scene.server.url, method, path, { token: scene.admin.token, body });
  const newCategory = async (name: string) => (await admin<KnowledgeCategory>('POST', '/api/admin/knowledge/categories', { name })).body;
  const newEntry = async (categoryId: string, enabled = true) =>
    (await admin<KnowledgeEntry>('POST', '/api/admin/knowledge/entries', { question: `问题 ${categoryId}`, answer: '答案', categoryId, enabled })).body;
  const categoryIds = async () => (await admin<KnowledgeCategory[]>('GET', '/api/knowledge/categories')).body.map((c) => c.id);

  beforeAll(async () => {
    scene = await createScene();
  });
  afterAll(() => scene.dispose());

  it('succeeds once its only entry was deleted, and the workstation feed still reports the deletion', async () => {
    const category = await newCategory('退换货');
    const entry = await newEntry(category.id);
    const synced = await call<KnowledgeChanges>(scene.server.url, 'GET', '/api/knowledge/changes?after=0', { token: scene.agent1.token });
    expect((await admin('DELETE', `/api/admin/knowledge/entries/${entry.id}`)).status).toBe(200);

    const res = await admin<{ ok: true } & ErrorBody>('DELETE', `/api/admin/knowledge/categories/${category.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(await categoryIds()).not.toContain(category.id);

    // A workstation that synced the entry learns it is gone: the tombstone outlives its category.
    const feed = await call<KnowledgeChanges>(scene.server.url, 'GET', `/api/knowledge/changes?after=${synced.body.cursor}`, { token: scene.agent1.token });
    expect(feed.body.changes).toContainEqual({ id: entry.id, rev: expect.any(Number), entry: null });
    expect(feed.body.categories.map((c) => c.id)).not.toContain(category.id);
  });

  it('succeeds when tombstones written before this fix still name the category', async () => {
    const category = await newCategory('旧数据');
    const entry = await newEntry(category.id);
    // What the earlier delete left behind: a tombstone that kept its category_id.
    const { knowledge } = scene.server.store;
    scene.server.store.transaction(() =>
      knowledge.putEntry({
        ...knowledge.entryById(entry.id)!,
        question: '',
        keywords: [],
        answer: [],
        answerText: '',
        deleted: true,
        rev: knowledge.nextRev(),
      }),
    );

    const res = await admin<ErrorBody>('DELETE', `/api/admin/knowledge/categories/${category.id}`);
    expect(res.status).toBe(200);
    expect(await categoryIds()).not.toContain(category.id);
    expect(knowledge.entryById(entry.id)).toMatchObject({ deleted: true, categoryId: null });
  });

  it('is refused with 409 while a live entry (enabled or not) uses it, and changes nothing', async () => {
    for (const enabled of [true, false]) {
      const category = await newCategory(`在用 ${enabled}`);
      await newEntry(category.id, enabled);
      const before = dbFingerprint(scene.server);
      const res = await admin<ErrorBody>('DELETE', `/api/admin/knowledge/categories/${category.id}`);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('CONFLICT');
      expect(dbFingerprint(scene.server)).toBe(before);
      expect(await categoryIds()).toContain(category.id);
    }
  });
});
