/** Knowledge base changes in 操作日志: who changed which entry or category, and each import once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../shared/index.js';
import type { KnowledgeCategory, KnowledgeEntry } from '../../../shared/knowledge.js';
import { call } from '../../testing/harness.js';
import { createScene, type Scene } from '../../testing/scene.js';

describe('knowledge base audit', () => {
  let scene: Scene;
  const api = <T>(method: string, path: string, body?: unknown) => call<T>(scene.server.url, method, path, { token: scene.admin.token, body });
  const log = async (query: string) => (await api<AuditPage>('GET', `/api/admin/audit?${query}`)).body.entries;

  beforeAll(async () => {
    scene = await createScene();
  });
  afterAll(() => scene.dispose());

  it('logs entry and category changes with the changed fields, and an import once with its counts', async () => {
    const category = (await api<KnowledgeCategory>('POST', '/api/admin/knowledge/categories', { name: '售后' })).body;
    await api('PATCH', `/api/admin/knowledge/categories/${category.id}`, { sortOrder: 20 });
    const entry = (
      await api<KnowledgeEntry>('POST', '/api/admin/knowledge/entries', { question: '怎么退货', answer: '<b>七天内</b>申请', categoryId: category.id })
    ).body;
    await api('PATCH', `/api/admin/knowledge/entries/${entry.id}`, { enabled: false });
    await api('DELETE', `/api/admin/knowledge/entries/${entry.id}`);
    await api('DELETE', `/api/admin/knowledge/categories/${category.id}`);

    const ofEntry = await log(`targetId=${entry.id}`);
    expect(ofEntry.map((e) => [e.action, e.before, e.after])).toEqual([
      ['knowledge.delete', { question: '怎么退货', categoryId: category.id, keywords: [], enabled: false, answer: '七天内申请' }, null],
      ['knowledge.update', { enabled: true }, { enabled: false }],
      ['knowledge.create', null, { question: '怎么退货', categoryId: category.id, keywords: [], enabled: true, answer: '七天内申请' }],
    ]);
    expect(ofEntry.every((e) => e.actorId === scene.admin.agentId)).toBe(true);
    expect((await log(`targetId=${category.id}`)).map((e) => [e.action, e.after])).toEqual([
      ['knowledgeCategory.delete', null],
      ['knowledgeCategory.update', { sortOrder: 20 }],
      ['knowledgeCategory.create', { name: '售后', sortOrder: 0 }],
    ]);

    const csv = '问题,答案\n导入的问题,导入的答案\n,没有问题\n';
    await api('POST', '/api/admin/knowledge/import', { format: 'csv', dataBase64: Buffer.from(csv).toString('base64') });
    const imports = await log('action=knowledge.import');
    expect(imports.map((e) => [e.targetType, e.targetId, e.after])).toEqual([['knowledge', null, { imported: 1, failed: 1 }]]);
    // An import that put nothing in changed nothing: no entry.
    await api('POST', '/api/admin/knowledge/import', { format: 'csv', dataBase64: Buffer.from('问题,答案\n,x\n').toString('base64') });
    expect(await log('action=knowledge.import')).toHaveLength(1);
  });
});
