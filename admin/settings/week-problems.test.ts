import { describe, expect, it } from 'vitest';
import { weekProblem } from './week-problems.js';

const t = (key: string, options?: Record<string, unknown>) => `${key}${options ? JSON.stringify(options) : ''}`;

describe('weekProblem', () => {
  it('is null for a valid split day', () => {
    expect(
      weekProblem(
        [
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 1, start: '13:30', end: '18:00' },
        ],
        t,
      ),
    ).toBeNull();
  });

  it('names the weekday and the range within it', () => {
    const ranges = [
      { weekday: 2, start: '09:00', end: '18:00' },
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 1, start: '11:00', end: '14:00' },
    ];
    expect(weekProblem(ranges, t)).toBe('settings.hours.rangeProblem{"day":"settings.hours.weekdays.1","n":2,"problem":"settings.hours.overlap{\\"max\\":4}"}');
  });

  it('tells a malformed time from an end before the start', () => {
    expect(weekProblem([{ weekday: 3, start: '09:00', end: '25:00' }], t)).toContain('settings.hours.badTime');
    expect(weekProblem([{ weekday: 3, start: '18:00', end: '09:00' }], t)).toContain('settings.hours.endBeforeStart');
  });
});
