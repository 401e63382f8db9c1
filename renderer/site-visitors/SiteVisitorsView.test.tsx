import '../testing/setupDom.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fail } from '../../shared/errors.js';
import type { Invitation, SiteVisitor } from '../../shared/protocol/rest-site-visitors.js';
import { sampleInvitation, sampleSiteVisitor } from '../../shared/testing/sample-site-visitor.js';
import { FakeKefu, ok } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import { subscribeEvents } from '../app/subscribeEvents.js';
import { transportChanged } from '../platform/transport-status.js';
import { InvitationEffects } from './InvitationEffects.js';
import { SiteVisitorsView } from './SiteVisitorsView.js';
import { useSiteVisitorsStore } from './siteVisitorsStore.js';

const NOW = 1_760_000_000_000;

const visitor = (visitorId: string, over: Partial<SiteVisitor> = {}): SiteVisitor =>
  sampleSiteVisitor(visitorId, {
    currentUrl: `https://shop.example/${visitorId}`,
    currentTitle: `页面${visitorId}`,
    visitStartedAt: NOW - 65_000,
    pagesViewed: 3,
    ...over,
  });

const invitation = (over: Partial<Invitation> = {}): Invitation => sampleInvitation({ visitorId: 'a', createdAt: NOW, ...over });

// jsdom lays nothing out: the list is 600 px high and each row 44 px, as in a page.
const heightOf = (el: HTMLElement) => (el.classList.contains('kefu-sv-scroll') ? 600 : 44);

let api: FakeKefu;
let off: () => void = () => undefined;

function open(snapshot: SiteVisitor[], handlers: ConstructorParameters<typeof FakeKefu>[0] = {}) {
  api = new FakeKefu({
    'site-visitors:watch': () => ok(snapshot),
    'site-visitors:unwatch': () => ok(undefined),
    ...handlers,
  });
  provideKefu(api);
  off = subscribeEvents(api);
  return renderWithApp(
    <>
      <InvitationEffects />
      <SiteVisitorsView />
    </>,
  );
}

const rowOf = (name: string) => screen.getByRole('cell', { name }).closest('[role="row"]') as HTMLElement;
const listedNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return heightOf(this);
  });
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return heightOf(this);
  });
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const height = heightOf(this);
    return { x: 0, y: 0, top: 0, left: 0, right: 1000, bottom: height, width: 1000, height, toJSON: () => ({}) } as DOMRect;
  });
});
afterEach(() => {
  cleanup();
  off();
  provideKefu(null);
  vi.useRealTimers();
  vi.restoreAllMocks();
  useSiteVisitorsStore.setState({
    visitors: new Map(),
    phase: 'closed',
    error: null,
    filter: 'all',
    query: '',
    invitations: {},
    invitedNames: {},
    sending: {},
    lastAnswer: null,
  });
});

describe('访客监控 in the workstation', () => {
  it('watches while open and lists the visitors with page, time on site, source, region and status', async () => {
    const { unmount } = open([
      visitor('a', { searchEngine: 'baidu', keyword: '在线客服', source: 'https://www.baidu.com/s?wd=x', region: '浙江 杭州', visitCount: 4 }),
      visitor('b', { source: 'https://news.example/article', conversationId: 'c1', agentId: 'agent-2', visitStartedAt: NOW - 5_000 }),
    ]);
    await screen.findByRole('cell', { name: '访客a' });
    expect(api.callsTo('site-visitors:watch')).toHaveLength(1);
    // The newest visit first.
    expect(listedNames()).toEqual(['访客b', '访客a']);
    const a = within(rowOf('访客a'));
    expect(a.getByRole('link', { name: '在浏览器中打开 页面a' }).getAttribute('href')).toBe('https://shop.example/a');
    expect(a.getByText('1 分 5 秒')).toBeTruthy();
    expect(a.getByText('百度：在线客服')).toBeTruthy();
    expect(a.getByText('浙江 杭州')).toBeTruthy();
    expect(a.getByText('4')).toBeTruthy();
    expect(a.getByText('浏览中')).toBeTruthy();
    const b = within(rowOf('访客b'));
    expect(b.getByText('news.example')).toBeTruthy();
    expect(b.getByText('未知')).toBeTruthy();
    expect(b.getByText('对话中')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('当前在线 2 人');

    unmount();
    await waitFor(() => expect(api.callsTo('site-visitors:unwatch')).toHaveLength(1));
    expect(useSiteVisitorsStore.getState().visitors.size).toBe(0);
  });

  it('says so when nobody is on the site, and shows arrivals and departures as they come', async () => {
    open([]);
    await screen.findByText('当前没有访客在网站上');
    act(() => api.emit('site-visitors:changed', { upserted: [visitor('a'), visitor('b', { visitStartedAt: NOW - 1_000 })], left: [] }));
    await screen.findByRole('cell', { name: '访客a' });
    expect(listedNames()).toEqual(['访客b', '访客a']);

    act(() => api.emit('site-visitors:changed', { upserted: [visitor('a', { currentTitle: '结算页', pagesViewed: 7 })], left: ['b'] }));
    await waitFor(() => expect(listedNames()).toEqual(['访客a']));
    const a = within(rowOf('访客a'));
    expect(a.getByRole('link', { name: '在浏览器中打开 结算页' })).toBeTruthy();
    expect(a.getByText('7')).toBeTruthy();

    act(() => api.emit('site-visitors:changed', { upserted: [], left: ['a'] }));
    await screen.findByText('当前没有访客在网站上');
  });

  it('a change that arrives before the snapshot answer is applied on top of it', async () => {
    let answer!: (value: ReturnType<typeof ok<SiteVisitor[]>>) => void;
    api = new FakeKefu({ 'site-visitors:unwatch': () => ok(undefined) });
    api.invoke = ((channel: string) =>
      channel === 'site-visitors:watch' ? new Promise((resolve) => (answer = resolve)) : Promise.resolve(ok(undefined))) as FakeKefu['invoke'];
    provideKefu(api);
    off = subscribeEvents(api);
    renderWithApp(<SiteVisitorsView />);
    await waitFor(() => expect(answer).toBeTypeOf('function'));
    act(() => api.emit('site-visitors:changed', { upserted: [visitor('new')], left: ['old'] }));
    await act(async () => answer(ok([visitor('old'), visitor('kept')])));
    await screen.findByRole('cell', { name: '访客new' });
    expect(listedNames().sort()).toEqual(['访客kept', '访客new']);
  });

  it('filters by status and searches page, source, keyword and region', async () => {
    open([
      visitor('a', { keyword: '退货政策', searchEngine: 'google' }),
      visitor('b', { conversationId: 'c1' }),
      visitor('c', { pendingInvitationId: 'inv-9', region: '广东 深圳' }),
    ]);
    await screen.findByRole('cell', { name: '访客a' });
    fireEvent.click(screen.getByText('对话中', { selector: '.ant-segmented-item-label' }));
    await waitFor(() => expect(listedNames()).toEqual(['访客b']));
    fireEvent.click(screen.getByText('浏览中', { selector: '.ant-segmented-item-label' }));
    // Invited visitors are still browsing.
    await waitFor(() => expect(listedNames().sort()).toEqual(['访客a', '访客c']));
    expect(screen.getByRole('status').textContent).toBe('显示 2 / 3 人');

    fireEvent.click(screen.getByText('全部', { selector: '.ant-segmented-item-label' }));
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索访客、页面、来源、关键词、地区' }), { target: { value: '深圳' } });
    await waitFor(() => expect(listedNames()).toEqual(['访客c']));
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索访客、页面、来源、关键词、地区' }), { target: { value: '退货' } });
    await waitFor(() => expect(listedNames()).toEqual(['访客a']));
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索访客、页面、来源、关键词、地区' }), { target: { value: '没有这个人' } });
    await screen.findByText('没有符合条件的访客');
  });

  it('invites only browsing visitors, says why not otherwise, and shows the answer in the row and as a message', async () => {
    open([visitor('a'), visitor('b', { conversationId: 'c1' }), visitor('c', { pendingInvitationId: 'inv-9' })], {
      'site-visitors:invite': ({ visitorId, text }) => ok(invitation({ visitorId, text })),
    });
    await screen.findByRole('cell', { name: '访客a' });
    expect(screen.getByRole('button', { name: '访客b 正在对话中，不能邀请' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: '已邀请 访客c，等待回应' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: '邀请 访客a 对话' }));
    fireEvent.change(await screen.findByRole('textbox', { name: '邀请语（可选）' }), { target: { value: '  需要帮您挑选吗？ ' } });
    fireEvent.click(screen.getByRole('button', { name: '发送邀请' }));
    await screen.findByText('已向 访客a 发出邀请');
    expect(api.callsTo('site-visitors:invite')).toEqual([{ visitorId: 'a', text: '需要帮您挑选吗？' }]);
    // Invited at once, before the server's delta: the button says so.
    await screen.findByRole('button', { name: '已邀请 访客a，等待回应' });
    expect(within(rowOf('访客a')).getByText('已邀请')).toBeTruthy();

    act(() => api.emit('invitation:answered', invitation({ visitorId: 'a', state: 'accepted', answeredAt: NOW + 1, conversationId: 'c9' })));
    await screen.findByText('访客a 接受了邀请，对话已开始');
    act(() => api.emit('site-visitors:changed', { upserted: [visitor('a', { conversationId: 'c9', agentId: 'agent-1' })], left: [] }));
    await waitFor(() => expect(within(rowOf('访客a')).getByText('对话中')).toBeTruthy());
    expect(within(rowOf('访客a')).getByText('已接受')).toBeTruthy();
  });

  it('a refused invitation says why and leaves the visitor invitable', async () => {
    open([visitor('a')], { 'site-visitors:invite': () => fail('CONFLICT', '访客已离开') });
    await screen.findByRole('cell', { name: '访客a' });
    fireEvent.click(screen.getByRole('button', { name: '邀请 访客a 对话' }));
    fireEvent.click(await screen.findByRole('button', { name: '发送邀请' }));
    await screen.findByText('邀请失败：访客已离开');
    expect(screen.getByRole('button', { name: '邀请 访客a 对话' }).hasAttribute('disabled')).toBe(false);
    expect(within(rowOf('访客a')).getByText('浏览中')).toBeTruthy();
  });

  it('a declined or ignored invitation shows in the row, and the visitor may be invited again', async () => {
    open([visitor('a', { pendingInvitationId: 'inv-1' })]);
    await screen.findByRole('cell', { name: '访客a' });
    act(() => api.emit('invitation:answered', invitation({ state: 'declined', answeredAt: NOW + 1 })));
    await screen.findByText('访客a 拒绝了邀请');
    // Browsing again at once, before the server's change of the row arrives.
    await waitFor(() => expect(within(rowOf('访客a')).getByText('已拒绝')).toBeTruthy());
    expect(within(rowOf('访客a')).getByText('浏览中')).toBeTruthy();
    expect(screen.getByRole('button', { name: '邀请 访客a 对话' }).hasAttribute('disabled')).toBe(false);
  });

  it('an answer that comes after the view closed still says who answered', async () => {
    const { unmount } = open([visitor('a')], { 'site-visitors:invite': ({ visitorId }) => ok(invitation({ visitorId })) });
    fireEvent.click(await screen.findByRole('button', { name: '邀请 访客a 对话' }));
    fireEvent.click(await screen.findByRole('button', { name: '发送邀请' }));
    await screen.findByText('已向 访客a 发出邀请');
    unmount();
    renderWithApp(<InvitationEffects />);
    act(() => api.emit('invitation:answered', invitation({ state: 'ignored', answeredAt: NOW + 120_000 })));
    await screen.findByText('访客a 没有回应邀请（已忽略）');
  });

  it('renders only a window of rows for thousands of visitors', async () => {
    open(Array.from({ length: 3000 }, (_, i) => visitor(`v${i}`, { visitStartedAt: NOW - i * 1000 })));
    await screen.findByRole('cell', { name: '访客v0' });
    const rendered = screen.getAllByRole('row').length - 1;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('3001');
  });

  it('asks for the list again when the services come back (they forgot the watch)', async () => {
    let onSite = [visitor('a')];
    open([], { 'site-visitors:watch': () => ok(onSite) });
    await screen.findByRole('cell', { name: '访客a' });
    onSite = [visitor('b')];
    act(() => {
      transportChanged('lost');
      transportChanged('restored');
    });
    await screen.findByRole('cell', { name: '访客b' });
    expect(api.callsTo('site-visitors:watch')).toHaveLength(2);
    expect(screen.queryByRole('cell', { name: '访客a' })).toBeNull();
  });

  it('a failed load says why and retries', async () => {
    let attempts = 0;
    open([], { 'site-visitors:watch': () => (++attempts === 1 ? fail('NETWORK', '连不上服务器') : ok([visitor('a')])) });
    await screen.findByText('访客列表加载失败：连不上服务器');
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await screen.findByRole('cell', { name: '访客a' });
  });
});
