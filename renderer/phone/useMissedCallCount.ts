import { useCallLogStore } from './callLogStore.js';

/** 未接来电 not yet seen in the 电话 view (synced or still local), for the nav badge. */
export function useMissedCallCount(): number {
  return useCallLogStore((s) => {
    const synced = new Set(s.calls.map((c) => c.id));
    const missed = (c: { direction: string; result: string; startedAt: number }) =>
      c.direction === 'inbound' && c.result === 'missed' && c.startedAt > s.missedSeenAt;
    return s.calls.filter(missed).length + s.pending.filter((c) => !synced.has(c.id) && missed(c)).length;
  });
}
