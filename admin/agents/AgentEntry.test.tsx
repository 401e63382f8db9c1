import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { adminAgent, group } from '../testing/fixtures.js';
import { AgentsPage } from './AgentsPage.js';
import { ok } from '../../shared/errors.js';

afterEach(cleanup);

function page() {
  const api = new FakeApi({
    adminListAgents: () => ok([adminAgent({ sipUri: 'sip:1001@kefu.test' }), adminAgent({ id: 'a2', account: 'agent2', nickname: '小李', sipUri: null })]),
    adminListGroups: () => ok([group()]),
    listLockouts: () => ok([]),
  });
  renderAdmin(<AgentsPage />, api);
  return api;
}

describe('the agents list: SIP account and 接入代码 (指定客服)', () => {
  it('shows which agents have a SIP account', async () => {
    page();
    const table = await screen.findByRole('table', { name: '客服列表' });
    expect(await within(table).findByText('sip:1001@kefu.test')).toBeTruthy();
    expect(within(table).getByText('未设置')).toBeTruthy();
  });

  it("接入代码 opens the agent's chat link and embed tag", async () => {
    page();
    fireEvent.click(await screen.findByRole('button', { name: 'agent2 的接入代码' }));
    const link = await screen.findByRole('textbox', { name: '咨询链接' });
    await waitFor(() => expect((link as HTMLTextAreaElement).value).toBe(`${location.origin}/widget?agent=a2`));
    expect((screen.getByRole('textbox', { name: '网页嵌入代码' }) as HTMLTextAreaElement).value).toContain('data-agent="a2"');
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('小李 的接入代码');
    expect(dialog.textContent).toContain('直接咨询该客服');
  });
});
