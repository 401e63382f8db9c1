import '../testing/setupDom.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { KnowledgePage } from './KnowledgePage.js';
import { ok } from '../../shared/errors.js';
import { parseCsv } from '../../shared/csv.js';
import { entry } from './knowledge-fixtures.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const categories = [
  { id: 'c1', groupId: null, name: '售后', sortOrder: 10 },
  { id: 'c2', groupId: null, name: '物流', sortOrder: 20 },
];

function page(extra: ConstructorParameters<typeof FakeApi>[0] = {}) {
  const api = new FakeApi({
    adminListKnowledgeCategories: () => ok(categories),
    adminListGroups: () => ok([]),
    listKnowledgeEntries: () => ok({ entries: [entry(), entry({ id: 'k2', question: '发票', categoryId: null, keywords: [], enabled: false })], total: 42 }),
    ...extra,
  });
  renderAdmin(<KnowledgePage />, api);
  return api;
}

async function chooseOption(label: string, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
  const choices = await screen.findAllByText(option, { selector: '.ant-select-item-option-content' });
  fireEvent.click(choices.at(-1)!);
}

describe('KnowledgePage', () => {
  it('lists a page with category names and the total, and filters on the server', async () => {
    const api = page();
    const table = await screen.findByRole('table', { name: '知识库条目列表' });
    await within(table).findByText('售后');
    expect(within(table).getByText('未分类')).toBeTruthy();
    expect(screen.getByText('共 42 条')).toBeTruthy();
    expect(api.callsOf('listKnowledgeEntries')[0]?.options.query).toEqual({ scope: 'public', limit: 20, offset: 0 });

    const search = screen.getByRole('searchbox', { name: '搜索问题或答案' });
    fireEvent.change(search, { target: { value: ' 退货 ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(api.callsOf('listKnowledgeEntries').at(-1)?.options.query).toEqual({ scope: 'public', q: '退货', limit: 20, offset: 0 }));
    await chooseOption('按状态筛选', '已停用');
    await waitFor(() =>
      expect(api.callsOf('listKnowledgeEntries').at(-1)?.options.query).toEqual({ scope: 'public', q: '退货', state: 'disabled', limit: 20, offset: 0 }),
    );
    await chooseOption('按分类筛选', '物流');
    await waitFor(() =>
      expect(api.callsOf('listKnowledgeEntries').at(-1)?.options.query).toEqual({
        scope: 'public',
        q: '退货',
        state: 'disabled',
        categoryId: 'c2',
        limit: 20,
        offset: 0,
      }),
    );

    fireEvent.click(screen.getByTitle('3'));
    await waitFor(() => expect(api.callsOf('listKnowledgeEntries').at(-1)?.options.query).toMatchObject({ offset: 40 }));
  });

  it('启用 switches an entry in its row, and 删除 asks first', async () => {
    const api = page({
      updateKnowledgeEntry: () => ok(entry({ enabled: false })),
      deleteKnowledgeEntry: () => ok({ ok: true as const }),
    });
    fireEvent.click(await screen.findByRole('switch', { name: '启用“怎么退货”' }));
    await waitFor(() => expect(api.callsOf('updateKnowledgeEntry')[0]?.options).toEqual({ params: { id: 'k1' }, body: { enabled: false } }));

    fireEvent.click(screen.getByRole('button', { name: '删除“发票”' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('删除“发票”？');
    expect(api.callsOf('deleteKnowledgeEntry')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(api.callsOf('deleteKnowledgeEntry')).toEqual([{ name: 'deleteKnowledgeEntry', options: { params: { id: 'k2' } } }]));
  });

  it('导出 writes every filtered entry as CSV with a BOM, in the columns the import reads', async () => {
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:export');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const blobs = vi.spyOn(globalThis, 'Blob');
    const api = page({ exportKnowledge: () => ok([entry(), entry({ id: 'k3', question: '=1+1', categoryId: 'gone', enabled: false })]) });
    await screen.findByText('共 42 条');
    await chooseOption('按状态筛选', '已启用');
    fireEvent.click(screen.getByRole('button', { name: /导出/ }));
    await waitFor(() => expect(blobs).toHaveBeenCalled());
    expect(api.callsOf('exportKnowledge')[0]?.options.query).toEqual({ scope: 'public', state: 'enabled' });
    const written = String((blobs.mock.calls[0]?.[0] as BlobPart[])[0]);
    expect(written.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(written)).toEqual([
      ['问题', '答案', '分类', '关键词', '启用'],
      ['怎么退货', '<b>七天内</b>申请', '售后', '退货', '是'],
      ['\t=1+1', '<b>七天内</b>申请', '', '退货', '否'],
    ]);
  });
});
