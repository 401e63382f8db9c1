import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { renderWithApp } from '../testing/renderWithApp.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { useConnectionStore } from './connectionStore.js';

afterEach(() => {
  cleanup();
  useConnectionStore.setState({ connection: { state: 'connecting', progress: null, outbox: 0 }, servicesReachable: true });
});

describe('ConnectionBanner', () => {
  it('says 已同步 N / M while catching up', () => {
    useConnectionStore.setState({ connection: { state: 'syncing', progress: { done: 1200, total: 10000, behind: ['c1'] }, outbox: 0 } });
    renderWithApp(<ConnectionBanner />);
    expect(screen.getByRole('status').textContent).toContain('已同步 1200 / 10000');
    expect(screen.getByLabelText('同步进度')).toBeTruthy();
  });

  it('says the services are gone, whatever they last said about the server', () => {
    useConnectionStore.setState({ connection: { state: 'online', progress: null, outbox: 0 }, servicesReachable: false });
    renderWithApp(<ConnectionBanner />);
    expect(screen.getByRole('status').textContent).toContain('与工作台服务的连接已断开');
  });

  it('shows nothing when online with an empty outbox', () => {
    useConnectionStore.setState({ connection: { state: 'online', progress: null, outbox: 0 } });
    const { container } = renderWithApp(<ConnectionBanner />);
    expect(container.textContent).toBe('');
  });
});
