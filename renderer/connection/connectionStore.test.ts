import { describe, expect, it } from 'vitest';
import { syncPercent } from './connectionStore.js';

describe('syncPercent', () => {
  it('is the share of replayed events while syncing, else nothing', () => {
    expect(syncPercent({ state: 'syncing', progress: { done: 120, total: 300 }, outbox: 0 })).toBe(40);
    expect(syncPercent({ state: 'syncing', progress: { done: 5, total: 0 }, outbox: 0 })).toBeNull();
    expect(syncPercent({ state: 'syncing', progress: { done: 9, total: 8 }, outbox: 0 })).toBe(100);
    expect(syncPercent({ state: 'online', progress: { done: 1, total: 2 }, outbox: 0 })).toBeNull();
    expect(syncPercent({ state: 'connecting', progress: null, outbox: 3 })).toBeNull();
  });
});
