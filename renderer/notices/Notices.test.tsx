import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeKefu, ok } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import type { MyNotice } from '../../shared/protocol/rest-notices.js';
import { NoticeEffects } from './NoticeEffects.js';
import { NoticesButton } from './NoticesButton.js';
import { useNoticesStore } from './noticesStore.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
  useNoticesStore.setState({ notices: [], error: null });
});

const notice = (over: Partial<MyNotice>): MyNotice => ({
  id: 'n1',
  title: '系统维护',
  body: '今晚 22:00 维护',
  sentAt: 1_760_000_000_000,
  senderName: '管理员',
  groupId: null,
  groupName: null,
  readAt: null,
  ...over,
});

/** The services' side as the page sees it: a cached list, and mark-read answering with the read time. */
function servicesWith(initial: MyNotice[]) {
  let list = initial;
  const api = new FakeKefu({
    'notices:list': () => ok(list),
    'notices:mark-read': ({ id }) => {
      list = list.map((n) => (n.id === id ? { ...n, readAt: 1_760_000_100_000 } : n));
      return ok(list.find((n) => n.id === id)!);
    },
  });
  provideKefu(api);
  return {
    api,
    arrive(n: MyNotice) {
      list = [n, ...list];
      api.emit('notices:changed', { unread: list.filter((x) => x.readAt === null).length });
      api.emit('notice:arrived', n);
    },
  };
}

describe('通知 in the workstation', () => {
  it('counts the unread ones in the header and marks one read from the list', async () => {
    const { api } = servicesWith([notice({ id: 'n2', title: '新流程' }), notice({ id: 'n1', readAt: 1 })]);
    renderWithApp(
      <>
        <NoticeEffects agentId="a1" />
        <NoticesButton />
      </>,
    );
    fireEvent.click(await screen.findByRole('button', { name: '通知（1 条未读）' }));
    const drawer = await screen.findByRole('dialog', { name: '通知' });
    expect(within(drawer).getAllByText('未读')).toHaveLength(1);
    fireEvent.click(within(drawer).getByRole('button', { name: '标记“新流程”已读' }));
    await waitFor(() => expect(within(drawer).queryByText('未读')).toBeNull());
    expect(api.callsTo('notices:mark-read')).toEqual([{ id: 'n2' }]);
    expect(screen.getByRole('button', { name: '通知' })).toBeTruthy();
  });

  it('pops up a notice that arrives, and takes the pop-up away once it is read', async () => {
    const services = servicesWith([]);
    renderWithApp(
      <>
        <NoticeEffects agentId="a1" />
        <NoticesButton />
      </>,
    );
    await waitFor(() => expect(services.api.callsTo('notices:list').length).toBeGreaterThan(0));
    act(() => services.arrive(notice({ id: 'n3', title: '放假安排', body: '周五下午放假' })));
    const popup = await screen.findByRole('status');
    expect(popup.textContent).toContain('新通知：放假安排');
    expect(popup.textContent).toContain('周五下午放假');
    await screen.findByRole('button', { name: '通知（1 条未读）' });
    fireEvent.click(within(popup).getByRole('button', { name: '标记已读' }));
    await waitFor(() => expect(screen.queryByText('新通知：放假安排')).toBeNull());
    expect(services.api.callsTo('notices:mark-read')).toEqual([{ id: 'n3' }]);
  });
});
