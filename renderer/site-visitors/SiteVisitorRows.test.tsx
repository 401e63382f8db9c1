import '../testing/setupDom.js';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import type { SiteVisitor } from '../../shared/protocol/rest-site-visitors.js';
import { sampleSiteVisitor } from '../../shared/testing/sample-site-visitor.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { SiteVisitorRows } from './SiteVisitorRows.js';
import { statusOf } from './siteVisitorLogic.js';

// Every drawing of a row's cells asks for its status (the cells and the invite button): counting
// the calls counts the rows drawn.
vi.mock('./siteVisitorLogic.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./siteVisitorLogic.js')>();
  return { ...actual, statusOf: vi.fn(actual.statusOf) };
});

const NOW = 1_760_000_000_000;

const visitor = (i: number): SiteVisitor => sampleSiteVisitor(`v${i}`, { visitStartedAt: NOW - 65_000 - i * 1000 });

const ROWS = Array.from({ length: 2000 }, (_, i) => visitor(i));
// jsdom lays nothing out: the scroller is 600 px high and each row 44 px, as in a page.
const heightOf = (el: HTMLElement) => (el.dataset.testid === 'scroller' ? 600 : 44);

function List() {
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  return (
    <div data-testid="scroller" ref={setScroller} style={{ overflow: 'auto' }}>
      <SiteVisitorRows rows={ROWS} scrollElement={scroller} invitations={{}} sending={{}} />
    </div>
  );
}

const shownIndexes = () => screen.getAllByRole('row').map((row) => Number(row.getAttribute('aria-rowindex')));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(NOW);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return heightOf(this);
  });
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return heightOf(this);
  });
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const height = heightOf(this);
    return { x: 0, y: 0, top: 0, left: 0, right: 1000, bottom: height, width: 1000, height, toJSON: () => ({}) } as DOMRect;
  });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('访客监控 rows while scrolling (the 60 fps bench: test/bench/site-visitors-scroll.ts)', () => {
  it('draws only the rows that come into view, not the ones that stay', () => {
    renderWithApp(<List />);
    const before = shownIndexes();
    expect(before.length).toBeGreaterThan(10);
    vi.mocked(statusOf).mockClear();

    const scroller = screen.getByTestId('scroller');
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 44 * 20 });
    act(() => void fireEvent.scroll(scroller));

    const after = shownIndexes();
    const entered = after.filter((index) => !before.includes(index)).length;
    expect(entered).toBeGreaterThan(0);
    expect(Math.max(...after)).toBeGreaterThan(Math.max(...before));
    // Cells and invite button once for each row that came in; the rows that stayed are not drawn again.
    expect(vi.mocked(statusOf).mock.calls.length).toBe(2 * entered);
  });

  it('ticks 停留时间 each second without drawing the rows again', () => {
    renderWithApp(<List />);
    expect(screen.getByRole('cell', { name: '访客v0' }).parentElement!.textContent).toContain('1 分 5 秒');
    vi.mocked(statusOf).mockClear();

    act(() => void vi.advanceTimersByTime(1000));

    expect(screen.getByRole('cell', { name: '访客v0' }).parentElement!.textContent).toContain('1 分 6 秒');
    expect(vi.mocked(statusOf)).not.toHaveBeenCalled();
  });
});
