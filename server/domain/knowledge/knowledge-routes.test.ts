import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeChanges, KnowledgeEntry, KnowledgeImportResult } from '../../../shared/knowledge.js';
import type { KnowledgeEntryPage } from '../../../shared/protocol/rest-knowledge.js';
import { call } from '../../testing/harness.js';
import { createScene, dbFingerprint, type Scene } from '../../testing/scene.js';

type ErrorBody = { error: { code: string; details?: Record<string, string> } };

describe('knowledge base routes', () => {
  let scene: Scene;
  const api = <T>(method: string, path: string, token: string, body?: unknown) => call<T>(scene.server.url, method, path, { token, body });

  beforeAll(async () => {
    scene = await createScene();
  });
  afterAll(async () => {
    await scene.dispose();
  });

  it('lets admins create, change and delete entries, and agents follow through the changes feed', async () => {
    const category = await api<{ id: string }>('POST', '/api/admin/knowledge/categories', scene.admin.token, { name: '售后' });
    expect(category.status).toBe(200);
    const created = await api<KnowledgeEntry>('POST', '/api/admin/knowledge/entries', scene.admin.token, {
      question: '退货流程是什么？',
      categoryId: category.body.id,
      keywords: ['退货', '退款', '退货'],
      answer: '<p>七天内可<b>无理由退货</b>。</p>',
    });
    expect(created.status).toBe(200);
    expect(created.body.keywords).toEqual(['退货', '退款']);
    expect(created.body.answerText).toBe('七天内可无理由退货。');

    const feed = await api<KnowledgeChanges>('GET', '/api/knowledge/changes?after=0', scene.agent1.token);
    expect(feed.status).toBe(200);
    expect(feed.body.changes.map((c) => c.entry?.question)).toContain('退货流程是什么？');
    expect(feed.body.categories.map((c) => c.name)).toContain('售后');

    const disabled = await api<KnowledgeEntry>('PATCH', `/api/admin/knowledge/entries/${created.body.id}`, scene.admin.token, { enabled: false });
    expect(disabled.body.rev).toBeGreaterThan(created.body.rev);
    const after = await api<KnowledgeChanges>('GET', `/api/knowledge/changes?after=${feed.body.cursor}`, scene.agent1.token);
    expect(after.body.changes).toEqual([{ id: created.body.id, rev: disabled.body.rev, entry: null }]);
    expect((await api('GET', `/api/knowledge/entries/${created.body.id}`, scene.agent1.token)).status).toBe(404);

    expect((await api('DELETE', `/api/admin/knowledge/entries/${created.body.id}`, scene.admin.token)).status).toBe(200);
    const gone = await api<KnowledgeChanges>('GET', `/api/knowledge/changes?after=${after.body.cursor}`, scene.agent1.token);
    expect(gone.body.changes.map((c) => c.entry)).toEqual([null]);
  });

  it('refuses every admin route to an agent and the refused request changes nothing', async () => {
    const entry = await api<KnowledgeEntry>('POST', '/api/admin/knowledge/entries', scene.admin.token, { question: '发票怎么开', answer: '在订单页申请。' });
    const before = dbFingerprint(scene.server);
    const attempts: [string, string, unknown][] = [
      ['POST', '/api/admin/knowledge/entries', { question: 'x', answer: 'y' }],
      ['PATCH', `/api/admin/knowledge/entries/${entry.body.id}`, { question: '改掉' }],
      ['DELETE', `/api/admin/knowledge/entries/${entry.body.id}`, undefined],
      ['POST', '/api/admin/knowledge/categories', { name: '偷偷加' }],
      ['POST', '/api/admin/knowledge/import', { format: 'csv', dataBase64: Buffer.from('问题,答案\na,b').toString('base64') }],
      ['GET', '/api/admin/knowledge/entries', undefined],
    ];
    for (const [method, path, body] of attempts) {
      const res = await api<ErrorBody>(method, path, scene.agent1.token, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect(dbFingerprint(scene.server)).toBe(before);
    const read = await api<KnowledgeEntry>('GET', `/api/knowledge/entries/${entry.body.id}`, scene.agent1.token);
    expect(read.body.question).toBe('发票怎么开');
  });

  it('stores script tags in answers as inert text and refuses bad input', async () => {
    const res = await api<KnowledgeEntry>('POST', '/api/admin/knowledge/entries', scene.admin.token, {
      question: '脚本测试',
      answer: '<script>alert("x")</script><a href="javascript:alert(1)" onmouseover="x()">链接</a>',
    });
    expect(res.status).toBe(200);
    expect(res.body.answer).toEqual([{ type: 'p', children: [{ text: '<script>alert("x")</script>链接' }] }]);
    const before = dbFingerprint(scene.server);
    const bad = [
      { question: '', answer: 'x' },
      { question: 'q', answer: 'x', extra: 1 },
      { question: 'q', answer: 'x', categoryId: 'no-such-category' },
      { question: 'q', answer: '<p> </p>' },
      { question: 'q'.repeat(201), answer: 'x' },
    ];
    for (const body of bad) {
      const refused = await api<ErrorBody>('POST', '/api/admin/knowledge/entries', scene.admin.token, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('imports a CSV with broken rows: good rows in, each bad row reported by number', async () => {
    const csv = [
      '问题,分类,关键词,答案,启用',
      '怎么修改地址,物流,"地址,修改",在订单详情页修改地址。,是',
      ',物流,,没有问题的答案,是',
      '"多行,带逗号的问题",物流,,"第一行\n第二行",',
      '',
      '启用值不对,物流,,答案,也许',
      `${'长'.repeat(201)},物流,,答案,是`,
    ].join('\r\n');
    const res = await api<KnowledgeImportResult>('POST', '/api/admin/knowledge/import', scene.admin.token, {
      format: 'csv',
      dataBase64: Buffer.from(`\uFEFF${csv}`).toString('base64'),
    });
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(2);
    // Row numbers count records as a spreadsheet shows them: the quoted two-line cell is one row.
    expect(res.body.errors.map((e) => e.row)).toEqual([3, 6, 7]);
    const list = await api<KnowledgeEntryPage>('GET', '/api/admin/knowledge/entries?q=%E5%9C%B0%E5%9D%80', scene.admin.token);
    expect(list.body.entries.map((e) => e.question)).toEqual(['怎么修改地址']);
    expect(list.body.entries[0]?.keywords).toEqual(['地址', '修改']);
    const multi = await api<KnowledgeEntryPage>('GET', `/api/admin/knowledge/entries?q=${encodeURIComponent('带逗号')}`, scene.admin.token);
    expect(multi.body.entries[0]?.answerText).toBe('第一行\n第二行');
  });

  it('imports an XLSX with broken rows and refuses a file that is not a workbook', async () => {
    const xlsx = await writeXlsxFile([
      [{ value: 'question' }, { value: 'answer' }, { value: 'category' }, { value: 'enabled' }],
      [{ value: '会员积分怎么用' }, { value: '<b>100</b> 积分抵 1 元' }, { value: '会员' }, { value: '是' }],
      [{ value: '没有答案的行' }, null, { value: '会员' }, null],
      [{ value: 'Reset password' }, { value: 'Use the link on the login page.' }, { value: 'x'.repeat(51) }, null],
      [{ value: 12345 }, { value: '数字问题也是文本' }, null, { value: '否' }],
    ]).toBuffer();
    const res = await api<KnowledgeImportResult>('POST', '/api/admin/knowledge/import', scene.admin.token, {
      format: 'xlsx',
      dataBase64: xlsx.toString('base64'),
    });
    expect(res.status).toBe(200);
    expect(res.body.errors.map((e) => e.row)).toEqual([3, 4]);
    expect(res.body.imported).toBe(2);
    const found = await api<KnowledgeEntryPage>('GET', `/api/admin/knowledge/entries?q=${encodeURIComponent('积分')}`, scene.admin.token);
    expect(found.body.entries[0]?.answer).toEqual([{ type: 'p', children: [{ text: '100', bold: true }, { text: ' 积分抵 1 元' }] }]);

    const before = dbFingerprint(scene.server);
    const notXlsx = await api<ErrorBody>('POST', '/api/admin/knowledge/import', scene.admin.token, {
      format: 'xlsx',
      dataBase64: Buffer.from('问题,答案\na,b').toString('base64'),
    });
    expect(notXlsx.status).toBe(400);
    const noHeader = await api<ErrorBody>('POST', '/api/admin/knowledge/import', scene.admin.token, {
      format: 'csv',
      dataBase64: Buffer.from('a,b\nc,d').toString('base64'),
    });
    expect(noHeader.status).toBe(400);
    expect(dbFingerprint(scene.server)).toBe(before);
  });
});
