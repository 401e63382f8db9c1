import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useConnectionStore } from '../connection/connectionStore.js';
import { LazyRegion, lazyPart } from './LazyRegion.js';

describe('LazyRegion', () => {
  it('a part whose code fails to load leaves the rest of the page working, and loads once the services are back', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let serving = false;
    const load = vi.fn(async () => {
      if (!serving) throw new Error('Failed to fetch dynamically imported module');
      return { default: ({ name }: { name: string }) => <p>面板 {name}</p> };
    });
    const Part = lazyPart(load);
    useConnectionStore.getState().setServicesReachable(false);
    render(
      <>
        <p>连接已断开</p>
        <LazyRegion>
          <Part name="甲" />
        </LazyRegion>
      </>,
    );
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    expect(screen.getByText('连接已断开')).toBeTruthy();
    expect(screen.queryByText('面板 甲')).toBeNull();

    serving = true;
    act(() => useConnectionStore.getState().setServicesReachable(true));
    expect(await screen.findByText('面板 甲')).toBeTruthy();
    // Loaded afresh, not the kept failure (React itself may try a failed render once more).
    expect(load.mock.calls.length).toBeGreaterThanOrEqual(2);
  });
});
