import '../testing/setupDom.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { CategoriesModal, reorderedSortOrders } from './CategoriesModal.js';
import { fail, ok } from '../../shared/errors.js';

afterEach(cleanup);

const categories = [
  { id: 'c1', groupId: null, name: '售后', sortOrder: 0 },
  { id: 'c2', groupId: null, name: '物流', sortOrder: 0 },
  { id: 'c3', groupId: null, name: '会员', sortOrder: 30 },
];

describe('CategoriesModal', () => {
  it('reorders by giving every moved category its place, even when all had the same order', () => {
    expect(reorderedSortOrders(categories, 1, 0)).toEqual([
      { id: 'c2', sortOrder: 10 },
      { id: 'c1', sortOrder: 20 },
    ]);
  });

  it('moves a category down, and shows the server refusing to delete one still in use', async () => {
    const api = new FakeApi({
      updateKnowledgeCategory: ({ params, body }) => ok({ id: params!.id, groupId: null, name: 'x', sortOrder: body!.sortOrder ?? 0 }),
      deleteKnowledgeCategory: () => fail('CONFLICT', 'Move or delete the entries of this category first'),
    });
    const onChanged = vi.fn();
    renderAdmin(<CategoriesModal categories={categories} onChanged={onChanged} onClose={() => undefined} />, api);
    expect((screen.getByRole('button', { name: '上移“售后”' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '下移“售后”' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(api.callsOf('updateKnowledgeCategory').map((c) => [c.options.params, c.options.body])).toEqual([
      [{ id: 'c2' }, { sortOrder: 10 }],
      [{ id: 'c1' }, { sortOrder: 20 }],
    ]);

    fireEvent.click(screen.getByRole('button', { name: '删除“会员”' }));
    const confirm = await waitFor(() => screen.getAllByRole('dialog').find((d) => d.textContent?.includes('删除分类“会员”？'))!);
    fireEvent.click(within(confirm).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(api.callsOf('deleteKnowledgeCategory')).toHaveLength(1));
    await waitFor(() => expect(document.body.textContent).toContain('无法删除：Move or delete the entries of this category first'));
    expect(onChanged).toHaveBeenCalledTimes(1);
  });
});
