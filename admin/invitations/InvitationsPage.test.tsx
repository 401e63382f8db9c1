import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fail, ok } from '../../shared/errors.js';
import type { InvitationRule, InvitationStats } from '../../shared/protocol/rest-site-visitors.js';
import { FakeApi } from '../testing/fakeApi.js';
import { group } from '../testing/fixtures.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { InvitationsPage } from './InvitationsPage.js';
import { quickRange, dayText } from '../reports/quick-ranges.js';

afterEach(cleanup);

const rule = (over: Partial<InvitationRule> = {}): InvitationRule => ({
  id: 'r1',
  name: '商品页邀请',
  enabled: true,
  urlPattern: '/products/*',
  dwellSeconds: 30,
  source: 'search',
  sourcePattern: '客服',
  returningOnly: true,
  groupId: 'g1',
  text: '您好，需要帮您挑选吗？',
  perVisitorPerDay: 1,
  perDay: 200,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

const counts = (sent: number, accepted: number, declined: number, ignored: number, pending = 0) => ({ sent, accepted, declined, ignored, pending });

const stats: InvitationStats = {
  total: counts(10, 4, 3, 2, 1),
  byAgent: [{ agentId: 'a1', agentName: '小王', ...counts(6, 3, 2, 1) }],
  byRule: [{ ruleId: 'r1', ruleName: '商品页邀请', ...counts(4, 1, 1, 1, 1) }],
};

/** The open dialog whose text has this (antd's test ids make dialog names ambiguous under jsdom). */
async function dialogSaying(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getAllByRole('dialog').find((d) => d.textContent?.includes(text));
    if (!found) throw new Error(`no dialog says ${text}`);
    return found;
  });
}

function page(extra: ConstructorParameters<typeof FakeApi>[0] = {}) {
  let rules = [rule()];
  const api = new FakeApi({
    adminListGroups: () => ok([group()]),
    listInvitationRules: () => ok(rules),
    deleteInvitationRule: ({ params }) => {
      rules = rules.filter((r) => r.id !== params?.id);
      return ok({ ok: true as const });
    },
    invitationStats: () => ok(stats),
    ...extra,
  });
  renderAdmin(<InvitationsPage />, api);
  return api;
}

describe('自动邀请 (console)', () => {
  it('lists the rules with their conditions, caps and group', async () => {
    page();
    const table = await screen.findByRole('table', { name: '自动邀请规则' });
    await within(table).findByText('商品页邀请');
    expect(within(table).getByText('页面含“/products/*”')).toBeTruthy();
    expect(within(table).getByText('停留 30 秒')).toBeTruthy();
    expect(within(table).getByText('来源：搜索引擎（含“客服”）')).toBeTruthy();
    expect(within(table).getByText('仅回访客')).toBeTruthy();
    expect(within(table).getByText('每位访客每天 1 次，每天共 200 次')).toBeTruthy();
    expect(within(table).getByText('售前')).toBeTruthy();
    expect(within(table).getByRole('switch', { name: '启用规则 商品页邀请' }).getAttribute('aria-checked')).toBe('true');
  });

  it("a new rule the server refuses keeps the dialog open with the server's field errors", async () => {
    const api = page({
      createInvitationRule: () =>
        fail('VALIDATION_FAILED', 'invalid body', {
          'body.urlPattern': 'the pattern has an empty part between wildcards',
          'body.perDay': 'must be at least perVisitorPerDay',
        }),
    });
    await screen.findByText('商品页邀请');
    fireEvent.click(screen.getByRole('button', { name: '新增规则' }));
    const dialog = await dialogSaying('新增自动邀请规则');
    fireEvent.change(within(dialog).getByLabelText('规则名称'), { target: { value: '首页欢迎' } });
    fireEvent.change(within(dialog).getByLabelText('页面地址包含 (支持 * 通配)'), { target: { value: '**' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));

    await within(dialog).findByText('the pattern has an empty part between wildcards');
    expect(within(dialog).getByText('must be at least perVisitorPerDay')).toBeTruthy();
    expect(within(dialog).getByRole('alert').textContent).toContain('保存失败：invalid body');
    // What was sent: the form's values as the contract's body (default routing as null, no source pattern for 'any').
    expect(api.callsOf('createInvitationRule')[0]?.options.body).toEqual({
      name: '首页欢迎',
      enabled: true,
      urlPattern: '**',
      dwellSeconds: 30,
      source: 'any',
      sourcePattern: '',
      returningOnly: false,
      text: '您好，请问有什么可以帮您？',
      perVisitorPerDay: 1,
      perDay: 500,
      groupId: null,
    });
    expect(screen.getAllByRole('dialog').some((d) => d.textContent?.includes('新增自动邀请规则'))).toBe(true);
  });

  it('an empty name is refused before anything is sent', async () => {
    const api = page({ createInvitationRule: () => ok(rule({ id: 'r2' })) });
    await screen.findByText('商品页邀请');
    fireEvent.click(screen.getByRole('button', { name: '新增规则' }));
    const dialog = await dialogSaying('新增自动邀请规则');
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await within(dialog).findByText('请输入规则名称');
    expect(api.callsOf('createInvitationRule')).toHaveLength(0);
  });

  it('editing sends the whole rule back with the change', async () => {
    const api = page({ updateInvitationRule: ({ body }) => ok(rule({ ...body, groupId: body?.groupId ?? null })) });
    fireEvent.click(await screen.findByRole('button', { name: '编辑“商品页邀请”' }));
    const dialog = await dialogSaying('编辑规则：商品页邀请');
    fireEvent.change(within(dialog).getByLabelText('来源或关键词包含'), { target: { value: '售后' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(api.callsOf('updateInvitationRule')).toHaveLength(1));
    expect(api.callsOf('updateInvitationRule')[0]?.options).toEqual({
      params: { id: 'r1' },
      body: { ...(({ id: _i, createdAt: _c, updatedAt: _u, ...body }) => body)(rule()), sourcePattern: '售后' },
    });
  });

  it('删除 asks first, then deletes and reloads', async () => {
    const api = page();
    fireEvent.click(await screen.findByRole('button', { name: '删除“商品页邀请”' }));
    const dialog = await dialogSaying('删除规则“商品页邀请”？');
    expect(dialog.textContent).toContain('已发出的邀请仍计入统计');
    expect(api.callsOf('deleteInvitationRule')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(api.callsOf('deleteInvitationRule')).toEqual([{ name: 'deleteInvitationRule', options: { params: { id: 'r1' } } }]));
    await screen.findByText('还没有自动邀请规则');
  });

  it('turning a rule off sends its body with enabled false', async () => {
    const api = page({ updateInvitationRule: ({ body }) => ok(rule({ enabled: body?.enabled ?? true })) });
    fireEvent.click(await screen.findByRole('switch', { name: '启用规则 商品页邀请' }));
    await waitFor(() => expect(api.callsOf('updateInvitationRule')[0]?.options.body).toMatchObject({ name: '商品页邀请', enabled: false, groupId: 'g1' }));
  });

  it('shows the figures for the chosen days: totals, 接受率, per agent and per rule', async () => {
    const api = page();
    fireEvent.click(await screen.findByRole('tab', { name: '邀请统计' }));
    const agents = await screen.findByRole('table', { name: '主动邀请按客服统计' });
    const [last7From, last7To] = quickRange('last7').map(dayText);
    expect(api.callsOf('invitationStats')[0]?.options.query).toEqual({ from: last7From, to: last7To });

    const totals = screen.getByRole('group', { name: '合计' });
    expect(within(totals).getByText('40%')).toBeTruthy();
    expect(within(totals).getByText('10')).toBeTruthy();
    const agentRow = within(agents).getByText('小王').closest('tr')!;
    expect([...agentRow.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['小王', '6', '3', '2', '1', '0', '50%']);
    const rules = screen.getByRole('table', { name: '自动邀请按规则统计' });
    const ruleRow = within(rules).getByText('商品页邀请').closest('tr')!;
    expect([...ruleRow.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['商品页邀请', '4', '1', '1', '1', '1', '25%']);
    // The charts say in words what they draw.
    expect(screen.getByRole('img', { name: /各客服的邀请结果.*小王 发出 6，接受 3/ })).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: '昨天' }));
    const yesterday = dayText(quickRange('yesterday')[0]);
    await waitFor(() => expect(api.callsOf('invitationStats').at(-1)?.options.query).toEqual({ from: yesterday, to: yesterday }));
  });

  it('says so when no invitation was sent in the days', async () => {
    page({ invitationStats: () => ok({ total: counts(0, 0, 0, 0), byAgent: [], byRule: [] }) });
    fireEvent.click(await screen.findByRole('tab', { name: '邀请统计' }));
    await screen.findByText('这段时间没有邀请');
  });
});
