/**
 * 内容管理 in the console against the real server: 名片分类 (managed tag categories), 话后处理
 * codes renamed and disabled, and public phrases/files written to the audit log. Bad input is
 * refused with a code and changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditPage, CustomerProfile, WrapUpCode } from '../../shared/index.js';
import type { TagCategory } from '../../shared/tag-categories.js';
import { sampleCallRecord } from '../testing/call-record.js';
import { call } from '../testing/harness.js';
import { createScene, dbFingerprint, goLive, visitorChat, type Scene } from '../testing/scene.js';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string> } };

describe('content management routes', () => {
  let scene: Scene;
  const api = <T>(method: string, path: string, body?: unknown, token = scene.admin.token) => call<T>(scene.server.url, method, path, { token, body });
  const audit = async (action: string) => (await api<AuditPage>('GET', `/api/admin/audit?action=${action}`)).body.entries;

  beforeEach(async () => {
    scene = await createScene();
  });
  afterEach(() => scene.dispose());

  describe('名片分类 (tag categories)', () => {
    async function create(body: unknown): Promise<TagCategory> {
      const res = await api<TagCategory>('POST', '/api/admin/tag-categories', body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    }

    it('an admin adds, renames, re-tags and reorders; agents read them in order; each change is logged', async () => {
      const level = await create({ name: ' 客户等级 ', tags: ['VIP', '普通'] });
      const intent = await create({ name: '意向', tags: ['高', '中', '低'] });
      expect(level).toMatchObject({ name: '客户等级', tags: ['VIP', '普通'], sortOrder: 0 });
      expect(intent.sortOrder).toBe(1);

      const listed = await api<TagCategory[]>('GET', '/api/tag-categories', undefined, scene.agent1.token);
      expect(listed.body.map((c) => [c.name, c.tags])).toEqual([
        ['客户等级', ['VIP', '普通']],
        ['意向', ['高', '中', '低']],
      ]);

      const changed = await api<TagCategory>('PATCH', `/api/admin/tag-categories/${intent.id}`, { name: '购买意向', tags: ['低', '高'], sortOrder: 0 });
      expect(changed.body).toMatchObject({ name: '购买意向', tags: ['低', '高'], sortOrder: 0 });
      await api('PATCH', `/api/admin/tag-categories/${level.id}`, { sortOrder: 1 });
      const reordered = await api<TagCategory[]>('GET', '/api/tag-categories', undefined, scene.agent2.token);
      expect(reordered.body.map((c) => c.name)).toEqual(['购买意向', '客户等级']);

      expect((await audit('tagCategory.create')).map((e) => e.after?.name)).toEqual(['意向', '客户等级']);
      const [moved, renamed] = await audit('tagCategory.update');
      expect(renamed).toMatchObject({
        targetId: intent.id,
        before: { name: '意向', tags: ['高', '中', '低'], sortOrder: 1 },
        after: { name: '购买意向', tags: ['低', '高'], sortOrder: 0 },
      });
      expect(moved).toMatchObject({ targetId: level.id, before: { sortOrder: 0 }, after: { sortOrder: 1 }, actorAccount: 'admin' });
    });

    it('refuses duplicate names and a tag already in another category (409), changing nothing', async () => {
      const level = await create({ name: '客户等级', tags: ['VIP', '普通'] });
      const intent = await create({ name: '意向', tags: ['高', '低'] });
      const before = dbFingerprint(scene.server);
      const attempts: [string, string, unknown, string][] = [
        ['POST', '/api/admin/tag-categories', { name: '客户等级' }, 'name'],
        ['POST', '/api/admin/tag-categories', { name: '新分类', tags: ['新', 'VIP'] }, 'tags'],
        ['PATCH', `/api/admin/tag-categories/${intent.id}`, { name: '客户等级' }, 'name'],
        ['PATCH', `/api/admin/tag-categories/${intent.id}`, { tags: ['高', '普通'] }, 'tags'],
      ];
      for (const [method, path, body, field] of attempts) {
        const res = await api<ErrorBody>(method, path, body);
        expect(res.status, JSON.stringify(body)).toBe(409);
        expect(res.body.error.code).toBe('CONFLICT');
        expect(Object.keys(res.body.error.details ?? {})).toEqual([field]);
      }
      expect(dbFingerprint(scene.server)).toBe(before);
      // Its own tags again (another order) and its own name are no conflict.
      expect((await api<TagCategory>('PATCH', `/api/admin/tag-categories/${level.id}`, { name: '客户等级', tags: ['普通', 'VIP'] })).status).toBe(200);
      const after = await api<TagCategory[]>('GET', '/api/tag-categories');
      expect(after.body.map((c) => c.tags)).toEqual([
        ['普通', 'VIP'],
        ['高', '低'],
      ]);
    });

    it('refuses bad input with a code, and agents and unknown ids, changing nothing', async () => {
      const level = await create({ name: '客户等级', tags: ['VIP'] });
      const before = dbFingerprint(scene.server);
      const bad: [string, string, unknown][] = [
        ['POST', '/api/admin/tag-categories', {}],
        ['POST', '/api/admin/tag-categories', { name: '   ' }],
        ['POST', '/api/admin/tag-categories', { name: 'x'.repeat(65) }],
        ['POST', '/api/admin/tag-categories', { name: '分类', tags: 'VIP' }],
        ['POST', '/api/admin/tag-categories', { name: '分类', tags: ['A', 'A'] }],
        ['POST', '/api/admin/tag-categories', { name: '分类', tags: ['x'.repeat(21)] }],
        ['POST', '/api/admin/tag-categories', { name: '分类', tags: [''] }],
        ['POST', '/api/admin/tag-categories', { name: '分类', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
        ['POST', '/api/admin/tag-categories', { name: '分类', color: 'red' }],
        ['POST', '/api/admin/tag-categories', { name: '分类', sortOrder: -1 }],
        ['PATCH', `/api/admin/tag-categories/${level.id}`, {}],
        ['PATCH', `/api/admin/tag-categories/${level.id}`, { name: '' }],
        ['PATCH', `/api/admin/tag-categories/${level.id}`, { tags: [1, 2] }],
        ['PATCH', `/api/admin/tag-categories/${level.id}`, { sortOrder: 1.5 }],
        ['PATCH', `/api/admin/tag-categories/${level.id}`, { id: 'other' }],
      ];
      for (const [method, path, body] of bad) {
        const res = await api<ErrorBody>(method, path, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.code, JSON.stringify(body)).toBe('VALIDATION_FAILED');
      }
      expect((await api<ErrorBody>('PATCH', '/api/admin/tag-categories/no-such-id', { name: '新' })).body.error.code).toBe('NOT_FOUND');
      expect((await api<ErrorBody>('DELETE', '/api/admin/tag-categories/no-such-id')).body.error.code).toBe('NOT_FOUND');
      // Agents read, never write.
      for (const [method, path, body] of [
        ['POST', '/api/admin/tag-categories', { name: '越权' }],
        ['PATCH', `/api/admin/tag-categories/${level.id}`, { name: '越权' }],
        ['DELETE', `/api/admin/tag-categories/${level.id}`, undefined],
      ] as const) {
        expect((await api(method, path, body, scene.agent1.token)).status).toBe(403);
      }
      expect(dbFingerprint(scene.server)).toBe(before);
    });

    it('deleting a category takes its tags off the managed list; profiles keep theirs as free tags', async () => {
      const level = await create({ name: '客户等级', tags: ['VIP', '普通'] });
      await goLive(scene, scene.agent1);
      const chat = await visitorChat(scene);
      const tagged = await api<CustomerProfile>('PATCH', `/api/visitors/${chat.visitorId}/profile`, { tags: ['VIP', '老客户'] }, scene.agent1.token);
      expect(tagged.body.tags).toEqual(['VIP', '老客户']);

      expect((await api('DELETE', `/api/admin/tag-categories/${level.id}`)).status).toBe(200);
      expect((await api<TagCategory[]>('GET', '/api/tag-categories')).body).toEqual([]);
      const profile = await api<CustomerProfile>('GET', `/api/visitors/${chat.visitorId}/profile`, undefined, scene.agent1.token);
      expect(profile.body.tags).toEqual(['VIP', '老客户']);
      expect((await audit('tagCategory.delete'))[0]).toMatchObject({ targetId: level.id, before: { name: '客户等级', tags: ['VIP', '普通'] }, after: null });
      // Its tags and name are free again.
      expect((await create({ name: '客户等级', tags: ['VIP'] })).tags).toEqual(['VIP']);
    });
  });

  describe('话后处理 codes', () => {
    it('an admin renames and disables a code: still listed (disabled), still valid on calls; logged', async () => {
      const codes = (await api<WrapUpCode[]>('GET', '/api/wrap-up-codes', undefined, scene.agent1.token)).body;
      const code = codes[0]!;
      const renamed = await api<WrapUpCode>('PATCH', `/api/admin/wrap-up-codes/${code.id}`, { name: '  已解答  ' });
      expect(renamed.body).toEqual({ id: code.id, name: '已解答', enabled: true });
      const disabled = await api<WrapUpCode>('PATCH', `/api/admin/wrap-up-codes/${code.id}`, { enabled: false });
      expect(disabled.body.enabled).toBe(false);
      const listed = (await api<WrapUpCode[]>('GET', '/api/wrap-up-codes', undefined, scene.agent1.token)).body;
      expect(listed.find((c) => c.id === code.id)).toEqual({ id: code.id, name: '已解答', enabled: false });

      // A call finished before the code was disabled still syncs with it.
      const synced = await api('POST', '/api/calls', sampleCallRecord(Date.UTC(2026, 10, 25, 8, 0, 0), { wrapUpCodeId: code.id }), scene.agent1.token);
      expect(synced.status).toBe(200);

      const created = await api<WrapUpCode>('POST', '/api/admin/wrap-up-codes', { name: '转技术' });
      expect((await audit('wrapUpCode.create'))[0]).toMatchObject({ targetId: created.body.id, after: { name: '转技术', enabled: true } });
      expect((await audit('wrapUpCode.update')).map((e) => [e.before, e.after])).toEqual([
        [{ enabled: true }, { enabled: false }],
        [{ name: code.name }, { name: '已解答' }],
      ]);
    });

    it('refuses bad input, a taken name, agents and unknown ids, changing nothing', async () => {
      const [first, second] = (await api<WrapUpCode[]>('GET', '/api/wrap-up-codes')).body;
      const before = dbFingerprint(scene.server);
      for (const body of [{}, { name: '' }, { name: 'x'.repeat(65) }, { enabled: 'no' }, { enabled: false, color: 'red' }]) {
        const res = await api<ErrorBody>('PATCH', `/api/admin/wrap-up-codes/${first!.id}`, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
      }
      const taken = await api<ErrorBody>('PATCH', `/api/admin/wrap-up-codes/${first!.id}`, { name: second!.name });
      expect([taken.status, taken.body.error.code, taken.body.error.details]).toEqual([409, 'CONFLICT', { name: 'taken' }]);
      expect((await api<ErrorBody>('PATCH', '/api/admin/wrap-up-codes/no-such-id', { enabled: false })).status).toBe(404);
      expect((await api('PATCH', `/api/admin/wrap-up-codes/${first!.id}`, { enabled: false }, scene.agent1.token)).status).toBe(403);
      expect(dbFingerprint(scene.server)).toBe(before);
    });
  });

  describe('public phrases and files in the audit log', () => {
    it('logs an admin’s public phrase, category and file changes; not an agent’s personal ones', async () => {
      const category = await api<{ id: string }>('POST', '/api/phrase-categories', { scope: 'public', name: '售后' });
      const phrase = await api<{ id: string }>('POST', '/api/phrases', { scope: 'public', categoryId: category.body.id, title: '退货', content: '七天无理由' });
      await api('PATCH', `/api/phrases/${phrase.body.id}`, { content: '七天无理由退货' });
      await api('PATCH', `/api/phrase-categories/${category.body.id}`, { name: '售后服务' });
      await api('DELETE', `/api/phrases/${phrase.body.id}`);
      const file = await call<{ id: string }>(scene.server.url, 'POST', '/api/file-phrases?scope=public&name=readme.txt', {
        token: scene.admin.token,
        raw: Buffer.from('hello'),
        contentType: 'application/octet-stream',
      });
      expect(file.status, JSON.stringify(file.body)).toBe(200);
      await api('PATCH', `/api/file-phrases/${file.body.id}`, { name: 'notes.txt' });
      await api('DELETE', `/api/file-phrases/${file.body.id}`);
      await api('DELETE', `/api/phrase-categories/${category.body.id}`);
      // An agent's own phrase is their note, not a console change.
      await api('POST', '/api/phrases', { scope: 'personal', title: '我的', content: '你好' }, scene.agent1.token);

      const log = (await api<AuditPage>('GET', '/api/admin/audit?limit=50')).body.entries.filter((e) => /^(phrase|phraseCategory|filePhrase)\./.test(e.action));
      expect(log.map((e) => e.action).reverse()).toEqual([
        'phraseCategory.create',
        'phrase.create',
        'phrase.update',
        'phraseCategory.update',
        'phrase.delete',
        'filePhrase.create',
        'filePhrase.update',
        'filePhrase.delete',
        'phraseCategory.delete',
      ]);
      const update = log.find((e) => e.action === 'phrase.update')!;
      expect([update.before, update.after]).toEqual([{ content: '七天无理由' }, { content: '七天无理由退货' }]);
      expect(log.find((e) => e.action === 'filePhrase.create')?.after).toMatchObject({ name: 'readme.txt', size: 5, categoryId: null });
      expect(log.every((e) => e.actorAccount === 'admin')).toBe(true);
    });
  });
});
