import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import { subscribeUpdates } from './subscribeUpdates.js';
import { useUpdateStore } from './updateStore.js';
import { UpdateBanner } from './UpdateBanner.js';
import { UpdateSection } from '../settings/UpdateSection.js';
import { fail, ok } from '../../shared/errors.js';
import type { UpdateState } from '../../shared/ipc/updates.js';

const idle: UpdateState = { available: true, phase: 'idle', currentVersion: '0.1.0', version: null, percent: null, blockedBy: null, error: null, checkedAt: 1 };

afterEach(() => {
  cleanup();
  provideKefu(null);
  useUpdateStore.setState({ state: null });
});

function setup(api: FakeKefu, ui = <UpdateBanner />) {
  provideKefu(api);
  const off = subscribeUpdates(api);
  renderWithApp(ui);
  return off;
}

describe('the update banner', () => {
  it('says nothing while idle, shows the download’s progress, then 已下载 with 立即重启', async () => {
    const api = new FakeKefu({ 'update:get-state': () => ok(idle) });
    setup(api);
    await waitFor(() => expect(api.callsTo('update:get-state')).toHaveLength(1));
    expect(screen.queryByRole('status')).toBeNull();
    act(() => api.emit('update:changed', { ...idle, phase: 'downloading', version: '0.2.0', percent: 42 }));
    expect((await screen.findByRole('status')).textContent).toContain('正在下载更新 42%');
    expect(screen.getByRole('progressbar', { name: '更新下载进度' })).toBeTruthy();
    act(() => api.emit('update:changed', { ...idle, phase: 'downloaded', version: '0.2.0' }));
    expect((await screen.findByRole('status')).textContent).toContain('新版本 0.2.0 已下载，重启后安装');
    expect(screen.getByRole('button', { name: '立即重启' })).toBeTruthy();
  });

  it('立即重启 during a call or with unsent messages says why it waits', async () => {
    let answer = fail('INVALID_STATE', 'a call is in progress', { reason: 'call' });
    const api = new FakeKefu({ 'update:get-state': () => ok({ ...idle, phase: 'downloaded', version: '0.2.0' }), 'update:restart-now': () => answer });
    setup(api);
    fireEvent.click(await screen.findByRole('button', { name: '立即重启' }));
    expect(await screen.findByText('通话进行中：通话结束后再重启安装。')).toBeTruthy();
    answer = fail('INVALID_STATE', 'messages are still waiting', { reason: 'outbox' });
    // antd ignores a click while the button still shows the first click's loading state (it
    // leaves in an effect after the refusal renders): wait until it is clickable again.
    const button = await screen.findByRole('button', { name: /立即重启/ });
    await waitFor(() => expect(button.className).not.toContain('ant-btn-loading'));
    fireEvent.click(button);
    expect(await screen.findByText('还有消息未发送：发送完成后再重启安装。')).toBeTruthy();
    expect(api.callsTo('update:restart-now')).toHaveLength(2);
  });

  it('the browser shell cannot update itself: no banner, and 设置 says so', async () => {
    const api = new FakeKefu({ 'update:get-state': () => ok({ ...idle, available: false, currentVersion: '' }) });
    setup(
      api,
      <>
        <UpdateBanner />
        <UpdateSection />
      </>,
    );
    expect(await screen.findByText('此版本不能自动更新（浏览器版或开发版）。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '立即重启' })).toBeNull();
  });
});

describe('设置 → 自动更新', () => {
  it('shows the version and the outcome of 检查更新', async () => {
    const api = new FakeKefu({ 'update:get-state': () => ok({ ...idle, checkedAt: null }), 'update:check-now': () => ok(idle) });
    setup(api, <UpdateSection />);
    expect(await screen.findByText('当前版本 0.1.0')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '检查更新' }));
    expect((await screen.findByRole('status')).textContent).toContain('已是最新版本');
    act(() => api.emit('update:changed', { ...idle, phase: 'failed', error: 'Cannot find channel "latest.yml"' }));
    expect((await screen.findByRole('status')).textContent).toContain('更新失败：Cannot find channel "latest.yml"');
  });
});
