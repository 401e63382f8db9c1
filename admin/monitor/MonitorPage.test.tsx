import '../testing/setupDom.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { ok } from '../../shared/errors.js';
import type { AgentTimeline, Wallboard } from '../../shared/protocol/rest-monitor.js';
import { useSessionStore } from '../session/sessionStore.js';
import { MonitorPage } from './MonitorPage.js';
import type { ConnectWallboard, WallboardHandlers } from './wallboard-socket.js';

afterEach(cleanup);

const NOW = Date.now();

function board(overrides: Partial<Wallboard> = {}): Wallboard {
  return {
    groupId: null,
    groupName: null,
    computedAt: NOW,
    date: '2026-11-25',
    agents: [
      {
        id: 'a1',
        nickname: '小王',
        groupId: 'g1',
        status: 'online',
        notResponding: false,
        statusSince: NOW - 65_000,
        load: 2,
        maxConcurrent: 5,
        phone: 'talking',
        phoneSince: NOW - 30_000,
      },
      {
        id: 'a2',
        nickname: '小李',
        groupId: 'g1',
        status: 'away',
        notResponding: true,
        statusSince: null,
        load: 0,
        maxConcurrent: 5,
        phone: null,
        phoneSince: null,
      },
    ],
    byStatus: { online: 1, busy: 0, away: 1, offline: 0 },
    load: { active: 2, capacity: 10 },
    callsInProgress: 1,
    queue: { length: 3, oldestQueuedAt: NOW - 30_000 },
    today: {
      offered: 40,
      answered: 36,
      answerRate: 0.9,
      abandoned: 4,
      avgFirstResponseMs: 12_000,
      avgHandlingMs: 245_000,
      satisfaction: { count: 10, average: 4.5, satisfied: 9 },
    },
    ...overrides,
  };
}

const timeline: AgentTimeline = {
  agentId: 'a1',
  nickname: '小王',
  date: '2026-11-25',
  timeZone: 'Asia/Shanghai',
  dayStart: NOW - 3_600_000,
  dayEnd: NOW + 3_600_000,
  until: NOW,
  entries: [
    { at: NOW - 60_000, kind: 'status', status: 'online', reason: 'agent', conversationId: null, call: null },
    { at: NOW - 30_000, kind: 'phone', status: null, reason: 'workstation', conversationId: null, call: null, phone: 'talking' },
  ],
  segments: [{ status: 'online', from: NOW - 60_000, to: NOW }],
  totals: { online: 60_000, busy: 0, away: 0, offline: 0 },
};

/** A socket the test drives: the page's handlers, to push boards as the server would. */
function fakeSocket() {
  const opened: { token: string; handlers: WallboardHandlers; closed: boolean }[] = [];
  const connect: ConnectWallboard = (token, handlers) => {
    const entry = { token, handlers, closed: false };
    opened.push(entry);
    return () => void (entry.closed = true);
  };
  return { connect, opened };
}

describe('MonitorPage', () => {
  beforeEach(() => useSessionStore.setState({ token: 'tok' }));

  it('shows the total’s figures from the first read, then what the socket pushes, without asking again', async () => {
    const api = new FakeApi({ wallboard: () => ok([board(), board({ groupId: 'g1', groupName: '售前' })]) });
    const socket = fakeSocket();
    renderAdmin(<MonitorPage connect={socket.connect} />, api);
    expect(await screen.findByText('90%')).toBeTruthy();
    expect(screen.getByText('0:12')).toBeTruthy(); // average first response
    expect(screen.getByText('4:05')).toBeTruthy(); // average handling time
    expect(screen.getByText('2 / 10')).toBeTruthy();
    expect(screen.getByRole('img', { name: /客服状态分布：在线 1，忙碌 0，离开 1，离线 0/ })).toBeTruthy();
    const table = screen.getByRole('table', { name: '客服列表' });
    expect(within(table).getByText('未响应')).toBeTruthy();
    expect(within(table).getByText(/^1:\d\d$/)).toBeTruthy(); // time in status, from statusSince
    expect(within(table).getByText(/^通话中（\d+:\d\d）$/)).toBeTruthy(); // the phone and its time, from phoneSince
    expect(socket.opened).toHaveLength(1);
    expect(socket.opened[0]!.token).toBe('tok');

    act(() => socket.opened[0]!.handlers.board(board({ today: { ...board().today, answerRate: 0.5 } })));
    expect(await screen.findByText('50%')).toBeTruthy();
    expect(api.callsOf('wallboard')).toHaveLength(1);
  });

  it('switches to a group’s board; a lost connection says so', async () => {
    const api = new FakeApi({ wallboard: () => ok([board(), board({ groupId: 'g1', groupName: '售前', queue: { length: 7, oldestQueuedAt: null } })]) });
    const socket = fakeSocket();
    renderAdmin(<MonitorPage connect={socket.connect} />, api);
    await screen.findByText('90%');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '技能组' }));
    fireEvent.click(await screen.findByTitle('售前'));
    expect(await screen.findByText('7')).toBeTruthy();
    act(() => socket.opened[0]!.handlers.connected(false));
    expect(await screen.findByText('连接中断，正在重连…')).toBeTruthy();
  });

  it('an agent’s name opens their day: totals and entries', async () => {
    const api = new FakeApi({ wallboard: () => ok([board()]), agentTimeline: () => ok(timeline) });
    renderAdmin(<MonitorPage connect={fakeSocket().connect} />, api);
    fireEvent.click(await screen.findByRole('button', { name: '查看 小王 的今日活动' }));
    await waitFor(() => expect(api.callsOf('agentTimeline')[0]?.options.params).toEqual({ id: 'a1' }));
    expect(await screen.findByText(/状态：在线（客服切换）/)).toBeTruthy();
    expect(screen.getByText(/话务：通话中（工作台上报）/)).toBeTruthy();
    expect(screen.getByRole('img', { name: /状态时间线：在线/ })).toBeTruthy();
    expect(screen.getAllByText('1:00').length).toBeGreaterThan(0);
  });
});
