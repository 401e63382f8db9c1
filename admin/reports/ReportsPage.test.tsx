import '../testing/setupDom.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ok, type Result } from '../../shared/errors.js';
import { FakeApi, type FakeHandlers } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { adminAgent, agent, group } from '../testing/fixtures.js';
import { useSessionStore } from '../session/sessionStore.js';
import { dayText, quickRange } from './quick-ranges.js';
import type { ReportDownloader, ReportFile } from './report-export.js';
import { volumeReport } from './report-fixtures.js';
import { useReportFilters } from './report-filters.js';
import { ReportsPage } from './ReportsPage.js';

afterEach(cleanup);
beforeEach(() => {
  location.hash = '#/reports';
  useReportFilters.getState().reset('#/reports?tab=volume&from=2026-03-01&to=2026-03-02');
  useSessionStore.getState().signedIn('token', agent({ id: 'me', account: 'boss', role: 'admin' }));
});

const RANGE = { from: '2026-03-01', to: '2026-03-02' };

function page(extra: FakeHandlers = {}, download?: ReportDownloader) {
  const api = new FakeApi({
    adminListGroups: () => ok([group(), group({ id: 'g2', name: '售后' })]),
    adminListAgents: () => ok([adminAgent({ groupId: 'g1' })]),
    volumeReport: () => ok(volumeReport()),
    ...extra,
  });
  renderAdmin(<ReportsPage download={download} />, api);
  return api;
}

const lastQuery = (api: FakeApi) => api.callsOf('volumeReport').at(-1)?.options.query;

describe('ReportsPage filters', { timeout: 180_000 }, () => {
  it('loads the report for the days of the URL, then a quick range and 对比上期 change the query', async () => {
    const api = page();
    await screen.findByRole('table', { name: '对话量按日期明细表' });
    expect(lastQuery(api)).toEqual({ ...RANGE, compare: false });

    fireEvent.click(screen.getByRole('radio', { name: '昨天' }));
    const yesterday = dayText(quickRange('yesterday')[0]);
    await waitFor(() => expect(lastQuery(api)).toEqual({ from: yesterday, to: yesterday, compare: false }));

    fireEvent.click(screen.getByRole('radio', { name: '近30天' }));
    const [start, end] = quickRange('last30').map(dayText);
    await waitFor(() => expect(lastQuery(api)).toEqual({ from: start, to: end, compare: false }));
    expect(screen.getByRole('radio', { name: '近30天' })).toHaveProperty('checked', true);

    fireEvent.click(screen.getByRole('switch', { name: '对比上期' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ from: start, to: end, compare: true }));
    fireEvent.click(screen.getByRole('switch', { name: '对比上期' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ from: start, to: end, compare: false }));
    // The filters are in the URL: a reload opens the same report.
    expect(location.hash).toBe(`#/reports?tab=volume&from=${start}&to=${end}`);
  });

  it('a group and an agent narrow every report; switching reports keeps them', async () => {
    const api = page({ callsReport: () => new Promise(() => undefined) });
    await screen.findByRole('table', { name: '对话量按日期明细表' });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '技能组' }));
    fireEvent.click(await screen.findByTitle('售后'));
    await waitFor(() => expect(lastQuery(api)).toEqual({ ...RANGE, groupId: 'g2', compare: false }));
    // The agents offered are the group's (every account: past reports include disabled people).
    await waitFor(() => expect(api.callsOf('adminListAgents').at(-1)?.options.query).toEqual({ state: 'all', groupId: 'g2' }));
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '客服' }));
    fireEvent.click(await screen.findByTitle('小王'));
    await waitFor(() => expect(lastQuery(api)).toEqual({ ...RANGE, groupId: 'g2', agentId: 'a1', compare: false }));

    fireEvent.click(screen.getByRole('tab', { name: '通话' }));
    await waitFor(() => expect(api.callsOf('callsReport')[0]?.options.query).toEqual({ ...RANGE, groupId: 'g2', agentId: 'a1', compare: false }));
    expect(location.hash).toContain('tab=calls');
  });

  it('a group leader is offered their own group only', async () => {
    useSessionStore.getState().signedIn('token', agent({ id: 'me', account: 'lead', role: 'leader', groupId: 'g1' }));
    page();
    await screen.findByRole('table', { name: '对话量按日期明细表' });
    const groupSelect = screen.getByRole('combobox', { name: '技能组' });
    fireEvent.mouseDown(groupSelect);
    const listbox = await screen.findByRole('listbox');
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option')).toHaveLength(1));
    expect(document.querySelector('.ant-select-item-option')?.textContent).toBe('售前');
    expect(within(listbox.parentElement!).queryByText('售后')).toBeNull();
    expect(screen.queryByTitle('全部技能组')).toBeNull();
  });
});

// A whole report page is heavy for jsdom on a shared machine: the bound is a backstop, not a wait.
describe('ReportsPage volume', { timeout: 180_000 }, () => {
  it('shows the KPI cards with the change against the previous period, and the table rows', async () => {
    page({ volumeReport: () => ok(volumeReport({ offered: 1000, answerRate: 0.9, waitAvgMs: 50_000, abandoned: 0 })) });
    const offered = (await screen.findByText('接入量', { selector: '.ant-statistic-title' })).closest('.admin-report-kpi') as HTMLElement;
    expect(offered.textContent).toContain('1,234');
    expect(offered.textContent).toContain('较上期 ↑ 23.4%（上期 1,000）');
    const rate = screen.getByText('接通率', { selector: '.ant-statistic-title' }).closest('.admin-report-kpi') as HTMLElement;
    // 81.0% now against 90% before: a rate changes by points, and a fall is bad news.
    expect(rate.textContent).toContain('81%');
    expect(rate.textContent).toContain('↓ 9.0 个百分点');
    expect(rate.querySelector('.ant-typography-danger')).not.toBeNull();
    const wait = screen.getByText('平均等待（分:秒）', { selector: '.ant-statistic-title' }).closest('.admin-report-kpi') as HTMLElement;
    expect(wait.textContent).toContain('1:05');
    expect(wait.textContent).toContain('↑ 30.0%');
    expect(wait.querySelector('.ant-typography-danger')).not.toBeNull();
    // Nothing to take a share of: no arrow.
    expect((screen.getByText('排队放弃', { selector: '.ant-statistic-title' }).closest('.admin-report-kpi') as HTMLElement).textContent).toContain('无法比较');

    const table = screen.getByRole('table', { name: '对话量按日期明细表' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(expect.arrayContaining([expect.stringContaining('2026-03-02')]));
    const second = rows.find((r) => r.textContent?.includes('2026-03-02'))!;
    expect(second.textContent).toContain('1,234');
    expect(second.textContent).toContain('81%');
    expect(second.textContent).toContain('10:00');
    // The empty day: figures with nothing behind them read "—", not 0.
    const first = rows.find((r) => r.textContent?.includes('2026-03-01'))!;
    expect(first.textContent).toContain('—');
    expect(within(first).queryAllByRole('button')).toHaveLength(0);
  });

  it('without 对比上期 the cards show no change; an empty report says 暂无数据', async () => {
    const empty = volumeReport();
    const zeroed = { ...empty, byDay: empty.byDay.map((d) => ({ ...d, offered: 0, answered: 0, abandoned: 0 })), byHour: [], byAgent: [], byGroup: [] };
    page({ volumeReport: () => ok(zeroed) });
    await screen.findByRole('table', { name: '对话量按日期明细表' });
    expect(screen.queryByText(/较上期/)).toBeNull();
    expect(screen.getAllByText('暂无数据').length).toBeGreaterThan(0);
  });

  it('a number opens the conversations behind it, with the report’s days and the row’s narrowing', async () => {
    const conversation = {
      id: 'c1',
      roomNo: '访客000123',
      visitorId: 'v1',
      visitorName: '张三',
      visitorOnline: false,
      agentId: 'a1',
      agentName: '小王',
      groupId: 'g1',
      state: 'ended' as const,
      startedBy: 'visitor' as const,
      endedBy: 'visitor' as const,
      valid: true,
      createdAt: Date.UTC(2026, 2, 2, 2),
      assignedAt: Date.UTC(2026, 2, 2, 2, 1),
      endedAt: Date.UTC(2026, 2, 2, 2, 10),
      lastMessageAt: null,
      lastMessageSeq: 4,
      queuePosition: null,
      summary: null,
      evaluationPushed: true,
      evaluation: null,
    };
    const api = page({ drillReport: () => ok({ kind: 'conversations' as const, total: 1234, items: [conversation] }) });
    const table = await screen.findByRole('table', { name: '对话量按日期明细表' });
    fireEvent.click(within(table).getByRole('button', { name: '查看“2026-03-02 接入量”的明细' }));
    const drawer = await screen.findByRole('dialog');
    await within(drawer).findByText('共 1,234 条');
    expect(api.callsOf('drillReport')[0]?.options.query).toEqual({ ...RANGE, measure: 'offered', date: '2026-03-02', page: 1, pageSize: 20 });
    expect(within(drawer).getByRole('button', { name: '查看对话 访客000123' })).toBeTruthy();
    expect(within(drawer).getByText('张三')).toBeTruthy();

    // A group row: that group; the row of no group: noGroup.
    fireEvent.click(within(drawer).getByRole('button', { name: /close|关闭/i }));
    fireEvent.click(screen.getByRole('tab', { name: '按技能组' }));
    const groups = await screen.findByRole('table', { name: '对话量按技能组明细表' });
    fireEvent.click(within(groups).getByRole('button', { name: '查看“未分组 接入量”的明细' }));
    await waitFor(() =>
      expect(api.callsOf('drillReport').at(-1)?.options.query).toEqual({ ...RANGE, measure: 'offered', noGroup: true, page: 1, pageSize: 20 }),
    );
    // A KPI card opens the whole range.
    fireEvent.click(screen.getByRole('button', { name: '查看“排队放弃”的明细' }));
    await waitFor(() => expect(api.callsOf('drillReport').at(-1)?.options.query).toEqual({ ...RANGE, measure: 'abandoned', page: 1, pageSize: 20 }));
  });
});

describe('ReportsPage export', { timeout: 180_000 }, () => {
  it('导出 Excel downloads the report on screen with its filters, showing progress', async () => {
    let finish: (result: Result<ReportFile>) => void = () => undefined;
    const download = vi.fn<ReportDownloader>((_request, onProgress) => {
      onProgress(512, 1024);
      return new Promise((resolve) => (finish = resolve));
    });
    const created = vi.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: () => undefined });
    page({}, download);
    await screen.findByRole('table', { name: '对话量按日期明细表' });
    fireEvent.click(screen.getByRole('switch', { name: '对比上期' }));
    fireEvent.click(screen.getByRole('button', { name: /导出 Excel/ }));
    expect(download).toHaveBeenCalledTimes(1);
    expect(download.mock.calls[0]?.[0]).toEqual({ params: { report: 'volume' }, query: { ...RANGE, compare: true, format: 'xlsx' } });
    expect(await screen.findByRole('progressbar', { name: '导出进度' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /导出 CSV/ })).toHaveProperty('disabled', true);
    await act(async () => finish(ok({ blob: new Blob(['x']), fileName: '对话量.xlsx' })));
    expect(await screen.findByText('已导出 对话量.xlsx')).toBeTruthy();
    expect(created).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
