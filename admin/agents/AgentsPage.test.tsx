import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { adminAgent, group } from '../testing/fixtures.js';
import { AgentsPage } from './AgentsPage.js';
import { fail, ok } from '../../shared/errors.js';

afterEach(cleanup);

/** The open dialog whose text has this (antd's test ids make dialog names ambiguous under jsdom). */
async function dialogSaying(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getAllByRole('dialog').find((d) => d.textContent?.includes(text));
    if (!found) throw new Error(`no dialog says ${text}`);
    return found;
  });
}

function page(extra: ConstructorParameters<typeof FakeApi>[0] = {}) {
  const api = new FakeApi({
    adminListAgents: () => ok([adminAgent({ groupId: 'g1', load: 2 })]),
    adminListGroups: () => ok([group()]),
    listLockouts: () => ok([{ agentId: 'a1', account: 'agent1', nickname: '小王', failures: 5, lockedUntil: Date.now() + 60_000 }]),
    ...extra,
  });
  renderAdmin(<AgentsPage />, api);
  return api;
}

describe('AgentsPage', () => {
  it('lists the agents with group name, load and lock, and searches on the server', async () => {
    const api = page();
    const table = await screen.findByRole('table', { name: '客服列表' });
    await within(table).findByText('售前');
    expect(within(table).getByText('2 / 5')).toBeTruthy();
    expect(within(table).getByText('已锁定')).toBeTruthy();
    expect(api.callsOf('adminListAgents')[0]?.options.query).toEqual({ state: 'enabled' });

    fireEvent.change(screen.getByRole('searchbox', { name: '搜索账号或昵称' }), { target: { value: '王' } });
    fireEvent.keyDown(screen.getByRole('searchbox', { name: '搜索账号或昵称' }), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(api.callsOf('adminListAgents').at(-1)?.options.query).toEqual({ q: '王', state: 'enabled' }));
  });

  it('停用 asks first and says what happens, then disables', async () => {
    const api = page({ disableAgent: () => ok(adminAgent({ disabledAt: 1 })) });
    fireEvent.click(await screen.findByRole('button', { name: '停用 agent1' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('停用账号 agent1？');
    expect(dialog.textContent).toContain('所有登录会立即结束');
    expect(dialog.textContent).toContain('回到队列');
    expect(api.callsOf('disableAgent')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: '停用' }));
    await waitFor(() => expect(api.callsOf('disableAgent')).toEqual([{ name: 'disableAgent', options: { params: { id: 'a1' } } }]));
  });

  it("删除 refused for history: shows the server's message and offers 停用 instead", async () => {
    const api = page({ deleteAgent: () => fail('CONFLICT', 'agent1 has conversations: disable the account instead') });
    fireEvent.click(await screen.findByRole('button', { name: '删除 agent1' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '删除' }));
    const refusal = await dialogSaying('无法删除：agent1 has conversations: disable the account instead');
    expect(refusal.textContent).toContain('建议改为停用');
    expect(api.callsOf('deleteAgent')).toHaveLength(1);
    fireEvent.click(within(refusal).getByRole('button', { name: '改为停用' }));
    expect((await dialogSaying('停用账号 agent1？')).textContent).toContain('回到队列');
  });

  it('解锁 lifts the lock of a locked account', async () => {
    const api = page({ liftLockout: () => ok({ ok: true as const }) });
    fireEvent.click(await screen.findByRole('button', { name: '解锁 agent1' }));
    await waitFor(() => expect(api.callsOf('liftLockout')).toEqual([{ name: 'liftLockout', options: { params: { id: 'a1' } } }]));
  });
});
