import '../testing/setupDom.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { BreakdownTabs, type Dimension, type MetricsOf } from './BreakdownTabs.js';
import { DrillProvider } from './drill.js';

afterEach(cleanup);

interface Figures {
  offered: number;
}

const rows = {
  agent: [{ agentId: 'a1', agentName: '小王', offered: 3 }],
  group: [
    { groupId: 'g1', groupName: '售前', offered: 2 },
    { groupId: null, groupName: null, offered: 1 },
  ],
  day: [{ date: '2026-03-01', offered: 4 }],
  hour: [{ hour: 9, offered: 5 }],
};

/** One count column named after its dimension, so a table shows which metrics it was given. */
const metrics: MetricsOf<Figures> = (narrow, dimension: Dimension) => [
  { key: 'offered', title: `接入量(${dimension})`, kind: 'count', value: (r) => r.offered, drill: (r) => ({ measure: 'offered', ...narrow(r) }) },
];

function show(extra: Partial<Parameters<typeof BreakdownTabs<Figures>>[0]> = {}) {
  const drill = vi.fn();
  renderAdmin(
    <DrillProvider value={drill}>
      <BreakdownTabs<Figures> report="volume" rows={rows} metrics={metrics} {...extra} />
    </DrillProvider>,
    new FakeApi(),
  );
  return drill;
}

describe('BreakdownTabs', { timeout: 60_000 }, () => {
  it('shows one tab per dimension in the order of its rows, then the extra tabs', () => {
    show({ extraTabs: [{ key: 'comments', label: '评价内容', children: null }] });
    const tabs = screen.getAllByRole('tab').map((tab) => tab.textContent);
    expect(tabs).toEqual(['按客服', '按技能组', '按日期', '按时段', '评价内容']);
  });

  it('names the rows of each dimension and narrows a drill-down to the row', async () => {
    const drill = show();
    const agents = screen.getByRole('table', { name: '对话量按客服明细表' });
    expect(within(agents).getByRole('columnheader', { name: /接入量\(agent\)/ })).toBeTruthy();
    fireEvent.click(within(agents).getByRole('button', { name: '查看“小王 接入量(agent)”的明细' }));
    expect(drill).toHaveBeenLastCalledWith('小王 接入量(agent)', { measure: 'offered', agentId: 'a1' });

    fireEvent.click(screen.getByRole('tab', { name: '按技能组' }));
    const groups = await screen.findByRole('table', { name: '对话量按技能组明细表' });
    fireEvent.click(within(groups).getByRole('button', { name: '查看“未分组 接入量(group)”的明细' }));
    expect(drill).toHaveBeenLastCalledWith('未分组 接入量(group)', { measure: 'offered', noGroup: true });

    fireEvent.click(screen.getByRole('tab', { name: '按时段' }));
    const hours = await screen.findByRole('table', { name: '对话量按时段明细表' });
    fireEvent.click(within(hours).getByRole('button', { name: /接入量\(hour\)/ }));
    expect(drill).toHaveBeenLastCalledWith(expect.stringContaining('接入量(hour)'), { measure: 'offered', hour: 9 });
  });

  it('a tab of its own label uses it for the tab and the table', () => {
    show({ rows: { agent: rows.agent }, labels: { agent: '按回复人' } });
    expect(screen.getByRole('tab', { name: '按回复人' })).toBeTruthy();
    expect(screen.getByRole('table', { name: '对话量按回复人明细表' })).toBeTruthy();
  });
});
