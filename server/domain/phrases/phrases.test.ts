import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, type Phrase, type PhraseCategory, type PhraseList } from '../../../shared/index.js';
import { call } from '../../testing/harness.js';
import { createScene, dbFingerprint, type Scene } from '../../testing/scene.js';

type Err = { error: { code: string; details?: Record<string, string> } };

describe('canned phrases over REST', () => {
  let scene: Scene;
  let url: string;
  const list = (token: string) => call<PhraseList>(url, 'GET', '/api/phrases', { token });
  const create = (token: string, body: unknown) => call<Phrase & Err>(url, 'POST', '/api/phrases', { token, body });

  beforeAll(async () => {
    scene = await createScene();
    url = scene.server.url;
  });
  afterAll(() => scene.dispose());

  it('lists the seeded public phrases and categories to every agent', async () => {
    const res = await list(scene.agent1.token);
    expect(res.status).toBe(200);
    expect(res.body.categories.map((c) => c.name)).toEqual(expect.arrayContaining(['问候', '结束']));
    const texts = res.body.phrases.map((p) => p.content);
    expect(texts).toContain('您好，很高兴为您服务！');
    expect(texts).toContain('感谢您的咨询，祝您生活愉快！');
    expect(res.body.phrases.every((p) => p.scope === 'public' && p.ownerId === null)).toBe(true);
  });

  it('an agent creates, edits and deletes personal phrases that only they see', async () => {
    const created = await create(scene.agent1.token, { scope: 'personal', title: '我的问候', content: '{访客昵称}您好', shortcut: '/MyHi' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ scope: 'personal', ownerId: scene.agent1.agentId, shortcut: 'myhi', kind: 'text' });
    expect((await list(scene.agent1.token)).body.phrases.map((p) => p.id)).toContain(created.body.id);
    expect((await list(scene.agent2.token)).body.phrases.map((p) => p.id)).not.toContain(created.body.id);

    const edited = await call<Phrase>(url, 'PATCH', `/api/phrases/${created.body.id}`, { token: scene.agent1.token, body: { content: '改过了' } });
    expect(edited.status).toBe(200);
    expect(edited.body.content).toBe('改过了');
    expect((await list(scene.agent1.token)).body.phrases.find((p) => p.id === created.body.id)?.content).toBe('改过了');

    const removed = await call(url, 'DELETE', `/api/phrases/${created.body.id}`, { token: scene.agent1.token });
    expect(removed.status).toBe(200);
    expect((await list(scene.agent1.token)).body.phrases.map((p) => p.id)).not.toContain(created.body.id);
  });

  it('an agent cannot create, edit or delete public phrases or categories (403, nothing changed)', async () => {
    const before = dbFingerprint(scene.server);
    const token = scene.agent1.token;
    const made = await create(token, { scope: 'public', title: '公共', content: '不允许' });
    expect(made.status).toBe(403);
    expect(made.body.error.code).toBe('FORBIDDEN');
    const edit = await call<Err>(url, 'PATCH', '/api/phrases/ph-hello', { token, body: { content: 'hacked' } });
    expect(edit.status).toBe(403);
    expect(edit.body.error.code).toBe('FORBIDDEN');
    const del = await call<Err>(url, 'DELETE', '/api/phrases/ph-hello', { token });
    expect(del.status).toBe(403);
    const category = await call<Err>(url, 'POST', '/api/phrase-categories', { token, body: { scope: 'public', name: '新分类' } });
    expect(category.status).toBe(403);
    const rename = await call<Err>(url, 'PATCH', '/api/phrase-categories/pc-greeting', { token, body: { name: 'x' } });
    expect(rename.status).toBe(403);
    expect((await call(url, 'DELETE', '/api/phrase-categories/pc-greeting', { token })).status).toBe(403);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it("an agent cannot touch another agent's personal phrases, and neither can an admin (403)", async () => {
    const mine = await create(scene.agent2.token, { scope: 'personal', title: '小李的', content: '只属于小李' });
    const cat = await call<PhraseCategory>(url, 'POST', '/api/phrase-categories', { token: scene.agent2.token, body: { scope: 'personal', name: '小李分类' } });
    expect(cat.status).toBe(200);
    const before = dbFingerprint(scene.server);
    for (const token of [scene.agent1.token, scene.admin.token]) {
      const edit = await call<Err>(url, 'PATCH', `/api/phrases/${mine.body.id}`, { token, body: { title: 'mine now' } });
      expect(edit.status).toBe(403);
      expect(edit.body.error.code).toBe('FORBIDDEN');
      expect((await call(url, 'DELETE', `/api/phrases/${mine.body.id}`, { token })).status).toBe(403);
      expect((await call(url, 'PATCH', `/api/phrase-categories/${cat.body.id}`, { token, body: { name: 'x' } })).status).toBe(403);
      // Filing one's own phrase under someone else's category is refused too.
      const sneaky = await create(token, { scope: 'personal', title: 't', content: 'c', categoryId: cat.body.id });
      expect(sneaky.status).toBe(400);
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('an admin manages public phrases and categories, with ordering', async () => {
    const token = scene.admin.token;
    const cat = await call<PhraseCategory>(url, 'POST', '/api/phrase-categories', { token, body: { scope: 'public', name: '售后', sortOrder: 0 } });
    expect(cat.status).toBe(200);
    const second = await create(token, { scope: 'public', categoryId: cat.body.id, title: '退货', content: '退货请在订单页申请。', sortOrder: 5 });
    const first = await create(token, { scope: 'public', categoryId: cat.body.id, title: '换货', content: '换货请联系售后。', sortOrder: 1 });
    const link = await create(token, { scope: 'public', kind: 'link', categoryId: cat.body.id, title: '退货政策', content: 'https://example.com/returns' });
    expect([second.status, first.status, link.status]).toEqual([200, 200, 200]);
    const seen = (await list(scene.agent1.token)).body.phrases.filter((p) => p.categoryId === cat.body.id).map((p) => p.title);
    expect(seen.indexOf('换货')).toBeLessThan(seen.indexOf('退货'));
    expect(seen).toContain('退货政策');

    const moved = await call<Phrase>(url, 'PATCH', `/api/phrases/${first.body.id}`, { token, body: { sortOrder: 9 } });
    expect(moved.status).toBe(200);
    const after = (await list(scene.agent1.token)).body.phrases.filter((p) => p.categoryId === cat.body.id).map((p) => p.title);
    expect(after.indexOf('换货')).toBeGreaterThan(after.indexOf('退货'));

    expect((await call(url, 'DELETE', `/api/phrase-categories/${cat.body.id}`, { token })).status).toBe(200);
    const orphan = (await list(scene.agent1.token)).body.phrases.find((p) => p.id === second.body.id);
    expect(orphan?.categoryId).toBeNull();
  });

  it('refuses bad input with a code and changes nothing', async () => {
    const token = scene.agent1.token;
    const before = dbFingerprint(scene.server);
    const cases: unknown[] = [
      { scope: 'personal', title: '太长', content: 'x'.repeat(LIMITS.messageTextMax + 1) },
      { scope: 'personal', title: 't', content: 'c', unknownField: 1 },
      { scope: 'personal', title: '', content: 'c' },
      { scope: 'personal', title: 't', content: '   ' },
      { scope: 'personal', kind: 'link', title: 'bad link', content: 'javascript:alert(1)' },
      { scope: 'personal', kind: 'file', title: 'f', content: 'c' },
      { scope: 'personal', title: 't', content: 'c', shortcut: '/有空格 x' },
      { scope: 'personal', title: 't', content: 'c', hotkey: 'Win+Q' },
      { scope: 'everyone', title: 't', content: 'c' },
      { scope: 'personal', title: 't'.repeat(101), content: 'c' },
    ];
    for (const body of cases) {
      const res = await create(token, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const mine = await call<Phrase>(url, 'POST', '/api/phrases', { token, body: { scope: 'personal', title: 't', content: 'c' } });
    const mid = dbFingerprint(scene.server);
    const toLink = await call<Err>(url, 'PATCH', `/api/phrases/${mine.body.id}`, { token, body: { kind: 'link' } });
    expect(toLink.status).toBe(400);
    const unknown = await call<Err>(url, 'PATCH', `/api/phrases/${mine.body.id}`, { token, body: { scope: 'public' } });
    expect(unknown.status).toBe(400);
    const missing = await call<Err>(url, 'PATCH', '/api/phrases/nope', { token, body: { title: 'x' } });
    expect(missing.status).toBe(404);
    const malformed = await call<Err>(url, 'POST', '/api/phrases', { token, raw: '{"scope":', contentType: 'application/json' });
    expect(malformed.status).toBe(400);
    expect(dbFingerprint(scene.server)).toBe(mid);
    expect(before).not.toBe(mid);
  });
});
