import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { fail, ok } from '../../shared/errors.js';
import { DEFAULT_WIDGET_SETTINGS, type WidgetSettings } from '../../shared/widget-settings.js';
import { WidgetSettingsPage } from './WidgetSettingsPage.js';

afterEach(cleanup);

const GROUPS = [
  { id: 'g1', name: '售前组' },
  { id: 'g2', name: '售后组' },
];

function page(settings: Partial<WidgetSettings> = {}, extra: ConstructorParameters<typeof FakeApi>[0] = {}) {
  const stored: WidgetSettings = { ...DEFAULT_WIDGET_SETTINGS, ...settings };
  const api = new FakeApi({
    adminGetWidgetSettings: () => ok(stored),
    listGroups: () => ok(GROUPS),
    updateWidgetSettings: ({ body }) => ok({ ...stored, ...(body as Partial<WidgetSettings>) }),
    ...extra,
  });
  renderAdmin(<WidgetSettingsPage />, api);
  return api;
}

describe('WidgetSettingsPage', () => {
  it('previews the colour and title as typed, with readable text, and saves only what changed', async () => {
    const api = page();
    const title = await screen.findByLabelText('窗口标题');
    const preview = screen.getByRole('figure', { name: '访客窗口预览' });
    expect(within(preview).getByTestId('preview-header').textContent).toContain('在线客服');

    fireEvent.change(title, { target: { value: '小蜜客服' } });
    fireEvent.change(screen.getByRole('textbox', { name: '主题色' }), { target: { value: '#ffd666' } });
    await waitFor(() => expect(within(preview).getByTestId('preview-header').textContent).toContain('小蜜客服'));
    const header = within(preview).getByTestId('preview-header');
    // A light yellow gets dark text (the widget computes it the same way).
    expect(header.style.background).toBe('rgb(255, 214, 102)');
    expect(header.style.color).toBe('rgb(31, 31, 31)');

    fireEvent.click(screen.getByRole('radio', { name: '左下角' }));
    await waitFor(() => expect(preview.getAttribute('data-position')).toBe('bottom-left'));

    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(api.callsOf('updateWidgetSettings')).toHaveLength(1));
    expect(api.callsOf('updateWidgetSettings')[0]?.options.body).toEqual({ title: '小蜜客服', themeColor: '#ffd666', position: 'bottom-left' });
  });

  it('a bad colour is stopped in the form; a refusal from the server is shown beside its field', async () => {
    const api = page(
      {},
      {
        updateWidgetSettings: () =>
          fail('VALIDATION_FAILED', 'The request body is not valid', { 'body.title': 'Too big: expected string to have <=40 characters' }),
      },
    );
    fireEvent.change(await screen.findByRole('textbox', { name: '主题色' }), { target: { value: 'red' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请输入 #RRGGBB 格式的颜色')).toBeTruthy();
    expect(api.callsOf('updateWidgetSettings')).toHaveLength(0);

    fireEvent.change(screen.getByRole('textbox', { name: '主题色' }), { target: { value: '#cf1322' } });
    fireEvent.change(screen.getByLabelText('窗口标题'), { target: { value: '标题' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('Too big: expected string to have <=40 characters')).toBeTruthy();
    expect((await screen.findByRole('alert')).textContent).toContain('保存失败');
  });

  it('the 技能组 menu and 访客注册: groups added in order, modes chosen, shown in the preview and saved whole', async () => {
    const api = page();
    fireEvent.click(await screen.findByRole('switch', { name: '咨询前让访客选择技能组' }));
    fireEvent.click(screen.getByRole('button', { name: /添加技能组/ }));
    const select = await screen.findByRole('combobox', { name: '第 1 项：技能组' });
    fireEvent.mouseDown(select);
    fireEvent.click(await screen.findByTitle('售后组'));
    fireEvent.change(screen.getByRole('textbox', { name: '第 1 项：显示名称' }), { target: { value: '退换货' } });
    fireEvent.click(within(screen.getByRole('radiogroup', { name: '手机号码' })).getByRole('radio', { name: '必填' }));

    const preview = screen.getByRole('figure', { name: '访客窗口预览' });
    await waitFor(() => expect(within(preview).getByText('○ 退换货')).toBeTruthy());
    expect(within(preview).getByText(/手机号码/).textContent).toContain('*');

    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(api.callsOf('updateWidgetSettings')).toHaveLength(1));
    expect(api.callsOf('updateWidgetSettings')[0]?.options.body).toEqual({
      groupMenu: { enabled: true, items: [{ groupId: 'g2', label: '退换货' }] },
      registration: { name: 'optional', phone: 'required', email: 'off', privacyNote: '' },
    });
  });

  it('the logo: shown, removed at once', async () => {
    const api = page({ logo: { id: 'logo-1', mime: 'image/png' } }, { updateWidgetSettings: () => ok({ ...DEFAULT_WIDGET_SETTINGS, logo: null }) });
    const logo = await screen.findByRole('img', { name: '当前标志' });
    expect(logo.getAttribute('src')).toBe('/api/widget/logo/logo-1');
    fireEvent.click(screen.getByRole('button', { name: /移除标志/ }));
    await waitFor(() => expect(screen.queryByRole('img', { name: '当前标志' })).toBeNull());
    expect(api.callsOf('updateWidgetSettings')[0]?.options.body).toEqual({ logo: null });
    expect(screen.getByText('未设置标志')).toBeTruthy();
  });
});
