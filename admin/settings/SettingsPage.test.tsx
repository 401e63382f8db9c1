import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { SettingsPage } from './SettingsPage.js';
import { fail, ok } from '../../shared/errors.js';
import type { ServerSettings } from '../../shared/domain.js';
import type { CompanyAutoReply } from '../../shared/phrases.js';

afterEach(cleanup);

const SETTINGS: ServerSettings = {
  autoCloseMinutes: 6,
  queueTimeoutSeconds: 120,
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  refreshTokenDays: 30,
  businessHoursEnabled: false,
  businessHours: [{ weekday: 1, start: '09:00', end: '18:00' }],
  holidays: [],
  timeZone: 'Asia/Shanghai',
  offHoursNotice: '请留言',
  maxQueueLength: 0,
  agentsMayBlacklist: false,
  summaryRequired: true,
  evaluationLabels: ['', '', '', '', ''],
  evaluationCommentEnabled: true,
  evaluationAutoAsk: false,
  visitorUploadsEnabled: true,
  visitorUploadMaxMb: 20,
  agentUploadMaxMb: 20,
};
const AUTO_REPLY: CompanyAutoReply = { greetingEnabled: false, greeting: '您好', busyEnabled: false, busyReply: '请稍候', notRespondingSeconds: 0 };

function page(extra: ConstructorParameters<typeof FakeApi>[0] = {}) {
  const api = new FakeApi({
    getSettings: () => ok(SETTINGS),
    getAutoReply: () => ok({ mine: null, company: AUTO_REPLY, effective: AUTO_REPLY }),
    updateSettings: ({ body }) => ok({ ...SETTINGS, ...body }),
    setCompanyAutoReply: ({ body }) => ok(body!),
    ...extra,
  });
  renderAdmin(<SettingsPage />, api);
  return api;
}

const form = () => screen.findByRole('form', { name: '公司设置' });
const save = (f: HTMLElement) => fireEvent.click(within(f).getByRole('button', { name: '保存' }));

describe('SettingsPage: 小结与评价, 自动应答, 文件', () => {
  it('shows each section under its heading, with links to them', async () => {
    page();
    const f = await form();
    for (const heading of ['常规', '工作时间', '小结与评价', '自动应答', '文件']) expect(within(f).getByRole('heading', { name: heading })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: '设置分区' });
    expect(within(nav).getByRole('link', { name: '自动应答' }).getAttribute('href')).toBe('#settings-auto-reply');
    // The rating words show the built-in ones as placeholders when the company left them empty.
    expect(within(f).getByRole('textbox', { name: '5 星的选项文字' }).getAttribute('placeholder')).toBe('非常满意');
    expect((within(f).getByRole('switch', { name: '结束对话须选择对话主题' }) as HTMLButtonElement).getAttribute('aria-checked')).toBe('true');
  });

  it('sends only the changed settings, and the auto-reply through its own route', async () => {
    const api = page();
    const f = await form();
    fireEvent.click(within(f).getByRole('switch', { name: '结束对话须选择对话主题' }));
    fireEvent.change(within(f).getByRole('textbox', { name: '1 星的选项文字' }), { target: { value: '很差' } });
    fireEvent.click(within(f).getByRole('switch', { name: '允许访客发送图片和文件' }));
    fireEvent.change(within(f).getByRole('spinbutton', { name: '客服文件大小上限' }), { target: { value: '8' } });
    fireEvent.change(within(f).getByRole('textbox', { name: '问候语' }), { target: { value: '您好，我是{客服昵称}' } });
    fireEvent.change(within(f).getByRole('spinbutton', { name: '客服未响应转回队列' }), { target: { value: '60' } });
    save(f);
    await waitFor(() => expect(api.callsOf('setCompanyAutoReply')).toHaveLength(1));
    expect(api.callsOf('updateSettings')[0]?.options.body).toEqual({
      summaryRequired: false,
      evaluationLabels: ['很差', '', '', '', ''],
      visitorUploadsEnabled: false,
      agentUploadMaxMb: 8,
    });
    expect(api.callsOf('setCompanyAutoReply')[0]?.options.body).toEqual({ ...AUTO_REPLY, greeting: '您好，我是{客服昵称}', notRespondingSeconds: 60 });
    expect(await screen.findByText('已保存')).toBeTruthy();
  });

  it('refuses a not-responding time outside 0 or its range before sending', async () => {
    const api = page();
    const f = await form();
    fireEvent.change(within(f).getByRole('spinbutton', { name: '客服未响应转回队列' }), { target: { value: '5' } });
    save(f);
    expect(await within(f).findByText(/0 表示关闭，否则 10–3600 秒/, { selector: '.ant-form-item-explain-error' })).toBeTruthy();
    expect(api.callsOf('updateSettings')).toHaveLength(0);
    expect(api.callsOf('setCompanyAutoReply')).toHaveLength(0);
  });

  it('says why the server refused the settings, marks the field, and leaves the auto-reply unsent', async () => {
    const api = page({
      updateSettings: () => fail('VALIDATION_FAILED', 'bad size', { 'body.visitorUploadMaxMb': 'Too big: expected number to be <=20' }),
    });
    const f = await form();
    fireEvent.change(within(f).getByRole('spinbutton', { name: '访客文件大小上限' }), { target: { value: '10' } });
    fireEvent.change(within(f).getByRole('textbox', { name: '自动回复内容' }), { target: { value: '忙' } });
    save(f);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText('保存失败：bad size')).toBeTruthy();
    expect(await within(f).findByText('Too big: expected number to be <=20')).toBeTruthy();
    expect(api.callsOf('setCompanyAutoReply')).toHaveLength(0);
  });
});
