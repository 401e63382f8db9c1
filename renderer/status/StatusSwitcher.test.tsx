import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import { StatusSwitcher } from './StatusSwitcher.js';
import { ok } from '../../shared/errors.js';
import type { Agent, AgentStatus } from '../../shared/domain.js';

const agent = (status: AgentStatus): Agent => ({
  id: 'a1',
  account: 'agent1',
  nickname: '小王',
  role: 'agent',
  status,
  notRespondingSince: null,
  connected: true,
  maxConcurrent: 5,
  groupId: null,
  load: 0,
});

afterEach(() => {
  cleanup();
  provideKefu(null);
});

describe('我的状态', () => {
  it('reads 离开 normally and 未响应 (with why) when the server set the agent away for not answering', () => {
    renderWithApp(<StatusSwitcher status="away" />);
    expect(screen.getByRole('combobox', { name: '我的状态' })).toBeTruthy();
    expect(screen.getByText('离开')).toBeTruthy();
    cleanup();
    renderWithApp(<StatusSwitcher status="away" notResponding />);
    expect(screen.getByRole('combobox', { name: '我的状态：未响应' })).toBeTruthy();
    expect(screen.getByText('未响应')).toBeTruthy();
    expect(screen.queryByText('离开')).toBeNull();
  });

  it('picking 离开 again while 未响应 still tells the server, which clears the mark', async () => {
    const api = new FakeKefu({ 'agent:set-status': ({ status }: { status: AgentStatus }) => ok(agent(status)) });
    provideKefu(api);
    renderWithApp(<StatusSwitcher status="away" notResponding />);
    fireEvent.mouseDown(screen.getByRole('combobox'));
    const options = await screen.findAllByText('离开');
    fireEvent.click(options.at(-1)!);
    await waitFor(() => expect(api.callsTo('agent:set-status')).toEqual([{ status: 'away' }]));
  });
});
