import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { conversation } from '../testing/fixtures.js';
import { provideKefu } from '../app/kefu.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { ok } from '../../shared/errors.js';
import type { CustomerProfile, CustomerProfilePatch } from '../../shared/customers.js';
import { CustomerPanel } from './CustomerPanel.js';
import { useCustomerStore } from './customerStore.js';
import { formatDwell } from './format.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
});

const profile = (over: Partial<CustomerProfile> = {}): CustomerProfile => ({
  visitorId: 'v1',
  nickname: '张三',
  region: '中国 江苏省 南京市',
  browser: 'Chrome 131',
  os: 'Windows 10/11',
  firstReferrer: 'https://www.baidu.com/s?wd=退货',
  landingPage: 'https://shop.example.cn/a?utm_source=baidu',
  searchEngine: 'baidu',
  searchKeyword: '退货',
  campaign: { source: 'baidu', medium: '', name: 'sale', term: '', content: '' },
  currentPage: null,
  trail: [
    { id: 'p2', url: 'https://shop.example.cn/b', title: '页面B', referrer: '', enteredAt: 2_000, leftAt: null, dwellMs: null },
    { id: 'p1', url: 'javascript:alert(1)', title: '页面A', referrer: '', enteredAt: 1_000, leftAt: 43_000, dwellMs: 42_000 },
  ],
  tags: [],
  phone: '',
  email: '',
  customerId: null,
  updatedAt: 0,
  ...over,
});

function setup(first: CustomerProfile) {
  let current = first;
  const api = new FakeKefu({
    'customers:get-profile': () => ok(current),
    'customers:update-profile': (req) => {
      const patch = req.patch as CustomerProfilePatch;
      current = { ...current, ...patch };
      return ok(current);
    },
  });
  provideKefu(api);
  useCustomerStore.setState({ visitorId: null, profile: null, error: null, loading: false });
  useConversationsStore.setState({ conversations: [conversation({ id: 'c1', visitorId: 'v1', visitorName: '张三' })], selectedId: 'c1' });
  renderWithApp(<CustomerPanel />);
  return { api, replace: (next: CustomerProfile) => (current = next) };
}

describe('顾客信息 panel', () => {
  it('shows who the visitor is, the source and the trail with dwell times; links are safe', async () => {
    setup(
      profile({ currentPage: { id: 'p2', url: 'https://shop.example.cn/b', title: '页面B', referrer: '', enteredAt: 2_000, leftAt: null, dwellMs: null } }),
    );
    expect(await screen.findByText('中国 江苏省 南京市')).toBeTruthy();
    expect(screen.getByText('Chrome 131')).toBeTruthy();
    expect(screen.getByText('退货 (baidu)')).toBeTruthy();
    expect(screen.getByText('baidu / sale')).toBeTruthy();
    const current = screen.getAllByRole('link', { name: '在浏览器中打开 页面B' })[0]!;
    expect([current.getAttribute('target'), current.getAttribute('rel')]).toEqual(['_blank', 'noopener noreferrer']);
    const trail = screen.getByRole('list', { name: '轨迹' });
    expect(within(trail).getByText(/停留 42秒/)).toBeTruthy();
    expect(within(trail).getByText(/停留中/)).toBeTruthy();
    // A non-http URL is shown as text, never as a link.
    expect(within(trail).queryByRole('link', { name: /页面A/ })).toBeNull();
    expect(within(trail).getByText('页面A')).toBeTruthy();
  });

  it('refuses a bad phone with a message by the field and sends nothing; a good one is saved', async () => {
    const { api } = setup(profile());
    const phone = await screen.findByRole('textbox', { name: '电话' });
    fireEvent.change(phone, { target: { value: '12ab' } });
    fireEvent.click(screen.getByRole('button', { name: '保存联系方式' }));
    expect(await screen.findByText(/请输入有效的电话号码/)).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: '邮箱' }), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: '保存联系方式' }));
    expect(await screen.findByText(/请输入有效的邮箱地址/)).toBeTruthy();
    expect(api.callsTo('customers:update-profile')).toHaveLength(0);

    fireEvent.change(phone, { target: { value: '139 0013 9000' } });
    fireEvent.change(screen.getByRole('textbox', { name: '邮箱' }), { target: { value: 'wang@example.cn' } });
    fireEvent.click(screen.getByRole('button', { name: '保存联系方式' }));
    await waitFor(() =>
      expect(api.callsTo('customers:update-profile')).toEqual([{ visitorId: 'v1', patch: { phone: '139 0013 9000', email: 'wang@example.cn' } }]),
    );
    expect(await screen.findByRole('button', { name: /拨打 139 0013 9000/ })).toBeTruthy();
  });

  it('re-reads the profile when the services say it changed', async () => {
    const { api, replace } = setup(profile());
    await screen.findByText('Chrome 131');
    replace(profile({ browser: 'Firefox 133' }));
    api.emit('customers:profile-changed', { visitorId: 'v1' });
    expect(await screen.findByText('Firefox 133')).toBeTruthy();
    api.emit('customers:profile-changed', { visitorId: 'someone-else' });
    expect(api.callsTo('customers:get-profile')).toHaveLength(2);
  });

  it('formats dwell times', () => {
    expect([formatDwell(42_000), formatDwell(125_000), formatDwell(3_725_000), formatDwell(-5)]).toEqual(['42秒', '2分5秒', '1小时2分', '0秒']);
  });
});
