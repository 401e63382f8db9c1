import { describe, expect, it } from 'vitest';
import { createLockStateTracker, platformSendsLockEvents, type LockEvent } from './lock-state.js';

describe('lock state from polling (Linux)', () => {
  it('emits lock-screen once when the state turns locked and unlock-screen once when it leaves it', () => {
    const events: LockEvent[] = [];
    const tracker = createLockStateTracker((event) => events.push(event));
    for (const state of ['active', 'idle', 'locked', 'locked', 'idle', 'active', 'unknown', 'locked'] as const) tracker.update(state);
    expect(events).toEqual(['lock-screen', 'unlock-screen', 'lock-screen']);
  });

  it('only Linux needs it: Windows and macOS send the events themselves', () => {
    expect(platformSendsLockEvents('linux')).toBe(false);
    expect(platformSendsLockEvents('win32')).toBe(true);
    expect(platformSendsLockEvents('darwin')).toBe(true);
  });
});
