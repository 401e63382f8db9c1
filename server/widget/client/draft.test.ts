import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftThrottle } from './draft.js';

describe('DraftThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends at most once per interval, ending with the latest text, then clears after a send', () => {
    const pushed: string[] = [];
    const draft = new DraftThrottle(
      (text) => pushed.push(text),
      300,
      () => Date.now(),
    );
    draft.update('你');
    draft.update('你好');
    draft.update('你好吗');
    expect(pushed).toEqual(['你']);
    vi.advanceTimersByTime(299);
    expect(pushed).toEqual(['你']);
    vi.advanceTimersByTime(1);
    expect(pushed).toEqual(['你', '你好吗']);
    draft.clear();
    expect(pushed).toEqual(['你', '你好吗', '']);
    vi.advanceTimersByTime(1000);
    expect(pushed).toHaveLength(3);
  });
});
