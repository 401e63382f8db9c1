import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { adminAgent, agent, group } from '../testing/fixtures.js';
import { useSessionStore } from '../session/sessionStore.js';
import { GroupsPage } from './GroupsPage.js';
import { fail, ok } from '../../shared/errors.js';

afterEach(() => {
  cleanup();
  useSessionStore.setState({ token: null, admin: null });
});

const SALES = group({ id: 'g1', name: '售前', members: 2 });
const SUPPORT = group({ id: 'g2', name: '售后', members: 1 });
const WANG = adminAgent({ id: 'a1', account: 'agent1', nickname: '小王', groupId: 'g1', status: 'busy', connected: true, load: 2, maxConcurrent: 6 });
const LEADER = adminAgent({ id: 'l1', account: 'leader1', nickname: '组长老李', role: 'leader', groupId: 'g1', status: 'online', connected: false });
const ZHAO = adminAgent({ id: 'a3', account: 'agent3', nickname: '小赵', groupId: 'g2' });

/** The open dialog whose text has this (antd's test ids make dialog names ambiguous under jsdom). */
async function dialogSaying(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getAllByRole('dialog').find((d) => d.textContent?.includes(text));
    if (!found) throw new Error(`no dialog says ${text}`);
    return found;
  });
}

function page(role: 'admin' | 'leader', extra: ConstructorParameters<typeof FakeApi>[0] = {}) {
  useSessionStore.setState({ token: 'tok', admin: agent({ id: role === 'admin' ? 'root' : 'l1', role, groupId: role === 'admin' ? null : 'g1' }) });
  const api = new FakeApi({
    adminListGroups: () => ok(role === 'admin' ? [SALES, SUPPORT] : [SALES]),
    listGroupMembers: () => ok([WANG, LEADER]),
    listGroupCandidates: () => ok([ZHAO]),
    ...extra,
  });
  renderAdmin(<GroupsPage />, api);
  return api;
}

async function openMembers() {
  fireEvent.click(await screen.findByRole('button', { name: '售前 的成员' }));
  return screen.findByRole('table', { name: '售前 的成员列表' });
}

describe('技能组 → 成员', () => {
  it('lists the members with role, status now, load and 最大接线量', async () => {
    const api = page('admin');
    const table = await openMembers();
    const wang = (await within(table).findByText('agent1')).closest('tr')!;
    expect(within(wang).getByText('客服')).toBeTruthy();
    expect(within(wang).getByText('忙碌')).toBeTruthy();
    expect(within(wang).getByText('2 / 6')).toBeTruthy();
    expect(within(wang).getByText('6')).toBeTruthy();
    expect(within(wang).getByRole('img', { name: '小王 的头像' })).toBeTruthy();
    const leader = within(table).getByText('leader1').closest('tr')!;
    expect(within(leader).getByText('组长')).toBeTruthy();
    expect(within(leader).getByText('未连接')).toBeTruthy();
    expect(api.callsOf('listGroupMembers')[0]?.options.params).toEqual({ id: 'g1' });
  });

  it('adds an agent from another group (an admin moves them) and reloads the counts', async () => {
    const api = page('admin', { addGroupMember: () => ok({ ...ZHAO, groupId: 'g1' }) });
    await openMembers();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '添加成员' }));
    fireEvent.click(await screen.findByText('小赵（agent3）· 现属 售后'));
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    await waitFor(() => expect(api.callsOf('addGroupMember').map((c) => c.options)).toEqual([{ params: { id: 'g1', agentId: 'a3' }, query: {} }]));
    expect(await screen.findByText('已将 小赵 加入 售前')).toBeTruthy();
    await waitFor(() => expect(api.callsOf('adminListGroups')).toHaveLength(2));
  });

  it('移出 asks first; the last member of a group in use warns with what is left waiting, then goes ahead', async () => {
    let asked = 0;
    const api = page('admin', {
      removeGroupMember: ({ query }) =>
        query?.confirm === 'true'
          ? ok({ ...WANG, groupId: null })
          : (asked++, fail('CONFLICT', '售前 would have no enabled agent', { lastMember: 'a1', openConversations: '3 open', widgetMenu: 'in the menu' })),
    });
    await openMembers();
    fireEvent.click(await screen.findByRole('button', { name: '将 小王 移出 售前' }));
    const ask = await dialogSaying('将 小王 移出 售前？');
    fireEvent.click(within(ask).getByRole('button', { name: '移出' }));

    const warning = await dialogSaying('售前 将没有可接待的客服');
    expect(warning.textContent).toContain('访客端的技能组菜单中有这个技能组');
    expect(warning.textContent).toContain('有进行中或排队的对话属于这个技能组');
    expect(warning.textContent).not.toContain('接入链接');
    expect(asked).toBe(1);
    fireEvent.click(within(warning).getByRole('button', { name: '仍然继续' }));
    await waitFor(() => expect(api.callsOf('removeGroupMember').map((c) => c.options.query)).toEqual([{}, { confirm: 'true' }]));
    expect(await screen.findByText('已将 小王 移出 售前')).toBeTruthy();
  });

  it('a group leader: no 移出 for another leader, agents of no group to add, the hint says so', async () => {
    page('leader');
    const table = await openMembers();
    await within(table).findByText('agent1');
    expect(within(table).getByRole('button', { name: '将 小王 移出 售前' })).toBeTruthy();
    expect(within(table).queryByRole('button', { name: '将 组长老李 移出 售前' })).toBeNull();
    expect(screen.getByText('组长可添加未分组的客服，并移出本组客服。')).toBeTruthy();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '添加成员' }));
    expect(await screen.findByText('小赵（agent3）')).toBeTruthy();
  });

  it("shows the server's refusal when a change fails", async () => {
    page('admin', { removeGroupMember: () => fail('FORBIDDEN', 'A group leader manages agents, not admins or other leaders') });
    await openMembers();
    fireEvent.click(await screen.findByRole('button', { name: '将 组长老李 移出 售前' }));
    fireEvent.click(within(await dialogSaying('将 组长老李 移出 售前？')).getByRole('button', { name: '移出' }));
    expect(await screen.findByText('操作失败：A group leader manages agents, not admins or other leaders')).toBeTruthy();
  });
});
