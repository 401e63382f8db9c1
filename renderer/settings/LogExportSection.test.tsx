import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import { fail, ok, type Result } from '../../shared/errors.js';
import type { InvokeChannel, InvokeRequest, InvokeResponse } from '../../shared/ipc/contract.js';
import type { LogExportResult } from '../../shared/ipc/logs.js';
import { LogExportSection } from './LogExportSection.js';

/** Holds logs:export open until the test answers it, as a save dialog and a long write would. */
class PendingExport extends FakeKefu {
  private answer: ((result: Result<LogExportResult>) => void) | null = null;

  override invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<Result<InvokeResponse<C>>> {
    if (channel !== 'logs:export') return super.invoke(channel, request);
    this.calls.push({ channel, request });
    return new Promise((resolve) => (this.answer = resolve as (result: Result<LogExportResult>) => void));
  }

  finish(result: Result<LogExportResult>): void {
    this.answer?.(result);
  }
}

const button = () => screen.getByRole('button', { name: /导出日志|正在导出/ });

function open(api: FakeKefu) {
  provideKefu(api);
  renderWithApp(<LogExportSection />);
}

afterEach(() => {
  cleanup();
  provideKefu(null);
});

describe('设置 → 日志 → 导出日志', () => {
  it('says what the export holds, shows progress while the desktop packs, and where it was saved', async () => {
    const api = new PendingExport();
    open(api);
    expect(screen.getByRole('region', { name: '日志' })).toBeTruthy();
    expect(button().getAttribute('aria-describedby')).toBe('logs-export-hint');
    expect(document.getElementById('logs-export-hint')!.textContent).toContain('不含密码');

    fireEvent.click(button());
    await waitFor(() => expect(button().textContent).toBe('正在导出…'));
    expect(api.callsTo('logs:export')).toEqual([undefined]);
    act(() => api.emit('logs:export-progress', { done: 420, total: 1000 }));
    expect(button().textContent).toBe('正在导出 42%');
    expect(screen.getByRole('progressbar', { name: '导出日志进度' }).getAttribute('aria-valuenow')).toBe('42');

    act(() => api.finish(ok({ outcome: 'saved', path: '/home/agent/kefu-desk-logs.zip', bytes: 2048 })));
    expect(await screen.findByText('日志已导出到 /home/agent/kefu-desk-logs.zip')).toBeTruthy();
    expect(button().textContent).toBe('导出日志');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('the browser shell: downloads the address it was given under the given name', async () => {
    const clicked: HTMLAnchorElement[] = [];
    const capture = (event: MouseEvent) => {
      if (event.target instanceof HTMLAnchorElement) {
        clicked.push(event.target);
        event.preventDefault(); // jsdom cannot navigate
      }
    };
    document.addEventListener('click', capture);
    try {
      open(new FakeKefu({ 'logs:export': () => ok({ outcome: 'download', url: '/logs/export?ticket=abc', name: 'kefu-desk-logs-20261105-143012.zip' }) }));
      fireEvent.click(button());
      expect(await screen.findByText('日志开始下载：kefu-desk-logs-20261105-143012.zip')).toBeTruthy();
      expect(clicked).toHaveLength(1);
      expect(new URL(clicked[0]!.href).pathname + new URL(clicked[0]!.href).search).toBe('/logs/export?ticket=abc');
      expect(clicked[0]!.download).toBe('kefu-desk-logs-20261105-143012.zip');
      expect(clicked[0]!.isConnected).toBe(false);
    } finally {
      document.removeEventListener('click', capture);
    }
  });

  it('cancelled says nothing; a failure says why; the button is usable again after both', async () => {
    let answer: Result<LogExportResult> = ok({ outcome: 'cancelled' });
    const api = new FakeKefu({ 'logs:export': () => answer });
    open(api);
    fireEvent.click(button());
    await waitFor(() => expect(api.callsTo('logs:export')).toHaveLength(1));
    // Usable again: antd ignores clicks while it still shows the button as loading.
    await waitFor(() => expect(button().classList.contains('ant-btn-loading')).toBe(false));
    expect(button().textContent).toBe('导出日志');
    expect(document.querySelector('.ant-message-notice')).toBeNull();

    answer = fail('INTERNAL', '无法写入 /media/usb/logs.zip：磁盘已满');
    fireEvent.click(button());
    await waitFor(() => expect(api.callsTo('logs:export')).toHaveLength(2));
    expect(await screen.findByText('导出日志失败：无法写入 /media/usb/logs.zip：磁盘已满')).toBeTruthy();
  });
});
