import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { filtersFromHash, hashOf, reportQueryOf } from './report-filters.js';
import { dayText, quickRange } from './quick-ranges.js';
import { deltaOf } from './delta.js';

describe('report filters in the URL', () => {
  it('reads back what it wrote', () => {
    const filters = { report: 'calls' as const, from: '2026-01-01', to: '2026-03-31', groupId: 'g1', agentId: 'a1', compare: true };
    expect(filtersFromHash(hashOf(filters))).toEqual(filters);
    expect(reportQueryOf(filters)).toEqual({ from: '2026-01-01', to: '2026-03-31', groupId: 'g1', agentId: 'a1', compare: true });
  });

  it('a bad value falls back to the default, the rest is kept', () => {
    const [start, end] = quickRange('last7').map(dayText);
    // Not a report, not a date, a range backwards, a range longer than a year, an id too long.
    expect(filtersFromHash('#/reports?tab=nonsense&from=2026-02-30&to=2026-03-01&group=g1')).toMatchObject({
      report: 'volume',
      from: start,
      to: end,
      groupId: 'g1',
    });
    expect(filtersFromHash('#/reports?from=2026-03-02&to=2026-03-01')).toMatchObject({ from: start, to: end });
    expect(filtersFromHash('#/reports?from=2024-01-01&to=2026-01-01')).toMatchObject({ from: start, to: end });
    expect(filtersFromHash(`#/reports?agent=${'x'.repeat(65)}&compare=yes`)).toMatchObject({ agentId: undefined, compare: false });
    // Another page's hash says nothing about reports.
    expect(filtersFromHash('#/agents')).toMatchObject({ report: 'volume', from: start, to: end });
  });
});

describe('quick ranges', () => {
  const now = dayjs('2026-03-15T10:30:00');
  it('are whole days ending today, or whole months', () => {
    const text = (range: Parameters<typeof quickRange>[0]) => quickRange(range, now).map(dayText);
    expect(text('today')).toEqual(['2026-03-15', '2026-03-15']);
    expect(text('yesterday')).toEqual(['2026-03-14', '2026-03-14']);
    expect(text('last7')).toEqual(['2026-03-09', '2026-03-15']);
    expect(text('last30')).toEqual(['2026-02-14', '2026-03-15']);
    expect(text('thisMonth')).toEqual(['2026-03-01', '2026-03-15']);
    expect(text('lastMonth')).toEqual(['2026-02-01', '2026-02-28']);
  });
});

describe('change against the previous period', () => {
  it('is a share of the previous figure, in points for rates, coloured by what good news is', () => {
    expect(deltaOf(1234, 1000, 'count', 'up')).toEqual({ direction: 'up', amount: expect.closeTo(0.234, 6), unit: 'percent', tone: 'good' });
    expect(deltaOf(65_000, 50_000, 'duration', 'down')).toMatchObject({ direction: 'up', tone: 'bad' });
    expect(deltaOf(0.81, 0.9, 'rate', 'up')).toEqual({ direction: 'down', amount: expect.closeTo(0.09, 6), unit: 'points', tone: 'bad' });
    expect(deltaOf(5, 5, 'count', 'up')).toMatchObject({ direction: 'flat', tone: 'neutral' });
  });

  it('is nothing when there is nothing to compare', () => {
    expect(deltaOf(34, 0, 'count')).toBeNull();
    expect(deltaOf(null, 10, 'duration')).toBeNull();
    expect(deltaOf(10, null, 'duration')).toBeNull();
    expect(deltaOf(0, 0, 'count')).toMatchObject({ direction: 'flat' });
  });
});
