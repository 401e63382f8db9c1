import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import { fail, ok } from '../../shared/errors.js';
import type { CustomerProfile, CustomerProfilePatch } from '../../shared/customers.js';
import { TagsEditor } from './TagsEditor.js';
import { useCustomerStore } from './customerStore.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
});

function setup(tags: string[], categories: Parameters<typeof ok>[0] | null) {
  const api = new FakeKefu({
    'customers:tag-categories': () => (categories ? ok(categories as never) : fail('NETWORK', 'offline')),
    'customers:update-profile': (req) => ok({ tags: (req.patch as CustomerProfilePatch).tags ?? [] } as CustomerProfile),
  });
  provideKefu(api);
  useCustomerStore.setState({ visitorId: 'v1', profile: null, error: null, loading: false });
  renderWithApp(<TagsEditor tags={tags} />);
  return api;
}

const CATEGORIES = [
  { id: 'c2', name: '意向', tags: ['高', '低'], sortOrder: 1, updatedAt: 1 },
  { id: 'c1', name: '客户等级', tags: ['VIP', '普通'], sortOrder: 0, updatedAt: 1 },
];

describe('名片分类 tags editor', () => {
  it('offers the managed tags grouped by category, in order; picking one saves it beside the free ones', async () => {
    const api = setup(['老客户'], CATEGORIES);
    await waitFor(() => expect(api.callsTo('customers:tag-categories')).toHaveLength(1));
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '名片分类' }));
    const groups = await screen.findAllByText(/^(客户等级|意向)$/);
    expect(groups.map((g) => g.textContent)).toEqual(['客户等级', '意向']);
    expect(screen.getByTitle('普通')).toBeTruthy();
    fireEvent.click(screen.getByTitle('VIP'));
    await waitFor(() => expect(api.callsTo('customers:update-profile')).toEqual([{ visitorId: 'v1', patch: { tags: ['老客户', 'VIP'] } }]));
  });

  it("follows an admin's change to the categories while it is open", async () => {
    const api = setup([], CATEGORIES);
    await waitFor(() => expect(api.callsTo('customers:tag-categories')).toHaveLength(1));
    api.emit('customers:tag-categories-changed', [{ id: 'c3', name: '渠道', tags: ['电话', '官网'], sortOrder: 0, updatedAt: 2 }]);
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '名片分类' }));
    expect(await screen.findByTitle('官网')).toBeTruthy();
    expect(screen.getByText('渠道')).toBeTruthy();
    expect(screen.queryByTitle('VIP')).toBeNull();
  });

  it('free tags still work when the managed list cannot be read', async () => {
    const api = setup([], null);
    await waitFor(() => expect(api.callsTo('customers:tag-categories')).toHaveLength(1));
    const input = screen.getByRole('combobox', { name: '名片分类' });
    fireEvent.change(input, { target: { value: '回头客' } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(api.callsTo('customers:update-profile')).toEqual([{ visitorId: 'v1', patch: { tags: ['回头客'] } }]));
  });
});
