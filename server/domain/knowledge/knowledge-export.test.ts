/**
 * The console's list (a page with its total, by state) and export of the knowledge base: what the
 * console writes from an export (shared/knowledge-csv.ts) imports back as the same entries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeCategory, KnowledgeEntry, KnowledgeImportResult } from '../../../shared/knowledge.js';
import { knowledgeCsv, knowledgeCsvRows } from '../../../shared/knowledge-csv.js';
import type { KnowledgeEntryPage } from '../../../shared/protocol/rest-knowledge.js';
import { call } from '../../testing/harness.js';
import { createScene, dbFingerprint, type Scene } from '../../testing/scene.js';

type ErrorBody = { error: { code: string; details?: Record<string, string> } };

describe('knowledge list and export', () => {
  let scene: Scene;
  let other: Scene;
  const api = <T>(target: Scene, method: string, path: string, body?: unknown) => call<T>(target.server.url, method, path, { token: target.admin.token, body });
  let category: KnowledgeCategory;

  beforeAll(async () => {
    [scene, other] = await Promise.all([createScene(), createScene()]);
    category = (await api<KnowledgeCategory>(scene, 'POST', '/api/admin/knowledge/categories', { name: '售后' })).body;
    const entries = [
      {
        question: '怎么退货',
        answer: '<p>请在<b>七天内</b>申请，<i>保持包装</i>。</p><ul><li>登录</li><li><a href="https://kefu.test/r?a=1&amp;b=2">退货页</a></li></ul>',
        keywords: ['退货', '退款'],
        categoryId: category.id,
      },
      { question: '-1 元的订单', answer: '第一行\n第二行\n\n第二段, 带 "引号" 与逗号', keywords: ['@客服'], enabled: false },
      { question: '发票', answer: '<ol><li>订单页</li><li>申请<b>发票</b></li></ol>', categoryId: category.id, enabled: false },
    ];
    for (const body of entries) expect((await api(scene, 'POST', '/api/admin/knowledge/entries', body)).status).toBe(200);
  });
  afterAll(async () => {
    await Promise.all([scene.dispose(), other.dispose()]);
  });

  it('lists a page with the total the filter matches, by state and category', async () => {
    const page = await api<KnowledgeEntryPage>(scene, 'GET', '/api/admin/knowledge/entries?limit=2');
    expect(page.body.total).toBe(3);
    expect(page.body.entries.map((e) => e.question)).toEqual(['发票', '-1 元的订单']);
    const disabled = await api<KnowledgeEntryPage>(scene, 'GET', `/api/admin/knowledge/entries?state=disabled&categoryId=${category.id}`);
    expect(disabled.body).toMatchObject({ total: 1, entries: [{ question: '发票' }] });
    const enabled = await api<KnowledgeEntryPage>(scene, 'GET', '/api/admin/knowledge/entries?state=enabled&offset=1');
    expect(enabled.body).toEqual({ total: 1, entries: [] });
  });

  it('exports every entry the filter matches, changing nothing', async () => {
    const before = dbFingerprint(scene.server);
    const all = await api<KnowledgeEntry[]>(scene, 'GET', '/api/admin/knowledge/export');
    expect(all.body.map((e) => e.question)).toEqual(['发票', '-1 元的订单', '怎么退货']);
    const some = await api<KnowledgeEntry[]>(scene, 'GET', `/api/admin/knowledge/export?state=disabled&q=${encodeURIComponent('发票')}`);
    expect(some.body.map((e) => e.question)).toEqual(['发票']);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('refuses a bad filter with a code, and an agent, changing nothing', async () => {
    const before = dbFingerprint(scene.server);
    for (const path of [
      '/api/admin/knowledge/export?state=maybe',
      '/api/admin/knowledge/export?limit=10',
      `/api/admin/knowledge/export?q=${'长'.repeat(101)}`,
      '/api/admin/knowledge/entries?state=all',
      '/api/admin/knowledge/entries?limit=501',
    ]) {
      const res = await api<ErrorBody>(scene, 'GET', path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code, path).toBe('VALIDATION_FAILED');
    }
    const byAgent = await call<ErrorBody>(scene.server.url, 'GET', '/api/admin/knowledge/export', { token: scene.agent1.token });
    expect(byAgent.status).toBe(403);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('an export written as CSV imports back as the same entries', async () => {
    const exported = (await api<KnowledgeEntry[]>(scene, 'GET', '/api/admin/knowledge/export')).body;
    const csv = knowledgeCsv(knowledgeCsvRows(exported, (id) => (id === category.id ? category.name : undefined)));
    expect(csv.startsWith('\uFEFF问题,答案,分类,关键词,启用\r\n')).toBe(true);
    // Excel would run "-1 …" and "@…" as formulas: they go out as text.
    expect(csv).toContain('\t-1 元的订单');

    const imported = await api<KnowledgeImportResult>(other, 'POST', '/api/admin/knowledge/import', {
      format: 'csv',
      dataBase64: Buffer.from(csv).toString('base64'),
    });
    expect(imported.body).toEqual({ imported: 3, errors: [] });
    const categories = (await api<KnowledgeCategory[]>(other, 'GET', '/api/knowledge/categories')).body;
    const nameOf = (id: string | null) => categories.find((c) => c.id === id)?.name ?? null;
    const comparable = (entries: KnowledgeEntry[], name: (id: string | null) => string | null) =>
      entries
        .map((e) => ({
          question: e.question,
          answer: e.answer,
          answerText: e.answerText,
          keywords: e.keywords,
          enabled: e.enabled,
          category: name(e.categoryId),
        }))
        .sort((a, b) => a.question.localeCompare(b.question));
    const back = (await api<KnowledgeEntry[]>(other, 'GET', '/api/admin/knowledge/export')).body;
    expect(comparable(back, nameOf)).toEqual(comparable(exported, (id) => (id === category.id ? '售后' : null)));
  });
});
