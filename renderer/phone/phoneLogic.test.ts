import { describe, expect, it } from 'vitest';
import { answeredCallsThatEnded, checkDialNumber, currentCall, formatCallTimer, isWaiting, mergeCallLog, mergeState, upsertCall } from './phoneLogic.js';
import { callRecord, liveCall, phoneState, storedCall } from './testFixtures.js';

describe('call timer', () => {
  it('shows mm:ss, then h:mm:ss, never negative', () => {
    expect(formatCallTimer(0)).toBe('00:00');
    expect(formatCallTimer(7_999)).toBe('00:07');
    expect(formatCallTimer(12 * 60_000 + 34_000)).toBe('12:34');
    expect(formatCallTimer(3_723_000)).toBe('1:02:03');
    expect(formatCallTimer(-5_000)).toBe('00:00');
    expect(formatCallTimer(Number.NaN)).toBe('00:00');
  });
});

describe('number input', () => {
  it('accepts what the shared schema accepts, after dropping spaces, dashes and brackets', () => {
    expect(checkDialNumber(' 138-0013 8000 ')).toEqual({ ok: true, number: '13800138000' });
    expect(checkDialNumber('+86 (10) 1234.5678')).toEqual({ ok: true, number: '+861012345678' });
    expect(checkDialNumber('*97#')).toEqual({ ok: true, number: '*97#' });
    expect(checkDialNumber('sip:1002@kefu.test')).toEqual({ ok: true, number: 'sip:1002@kefu.test' });
  });
  it('refuses letters, empty input and overlong numbers', () => {
    for (const bad of ['', '   ', 'abc', '138a', '1'.repeat(33), 'sip:no host', '++86']) expect(checkDialNumber(bad).ok, bad).toBe(false);
  });
});

describe('state merge', () => {
  it('keeps unchanged call objects and replaces changed ones', () => {
    const a = liveCall({ id: 'a', state: 'established', answeredAt: 2_000 });
    const b = liveCall({ id: 'b' });
    const prev = phoneState({ calls: [a, b] });
    const next = mergeState(prev, phoneState({ calls: [{ ...a }, { ...b, state: 'established', answeredAt: 3_000 }], availability: 'busy' }));
    expect(next.calls[0]).toBe(a);
    expect(next.calls[1]).not.toBe(b);
    expect(next.calls[1]?.state).toBe('established');
    expect(next.availability).toBe('busy');
  });

  it('upserts one call from an invoke answer', () => {
    const state = phoneState({ calls: [liveCall({ id: 'a', state: 'established' })] });
    expect(upsertCall(state, liveCall({ id: 'a', state: 'established', muted: true })).calls).toEqual([
      liveCall({ id: 'a', state: 'established', muted: true }),
    ]);
    expect(upsertCall(state, liveCall({ id: 'b', direction: 'outbound', state: 'dialing' })).calls.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('finds answered calls that ended (wrap-up), not missed ones', () => {
    const talked = liveCall({ id: 'a', state: 'established', answeredAt: 2_000 });
    const rang = liveCall({ id: 'b' });
    const prev = phoneState({ calls: [talked, rang] });
    expect(answeredCallsThatEnded(prev, phoneState({ calls: [] })).map((c) => c.id)).toEqual(['a']);
    expect(answeredCallsThatEnded(prev, phoneState({ calls: [{ ...talked, state: 'ended' }] })).map((c) => c.id)).toEqual(['a']);
    expect(answeredCallsThatEnded(prev, prev)).toEqual([]);
  });

  it('a call ringing while another is in progress is waiting; the talking one is current', () => {
    const talking = liveCall({ id: 'a', state: 'established', answeredAt: 2_000 });
    const second = liveCall({ id: 'b' });
    const calls = [talking, second];
    expect(isWaiting(second, calls)).toBe(true);
    expect(isWaiting(second, [second])).toBe(false);
    expect(currentCall(calls)?.id).toBe('a');
    const heldFirst = [
      { ...talking, state: 'held' as const, onHold: true },
      { ...second, state: 'established' as const, answeredAt: 5_000 },
    ];
    expect(currentCall(heldFirst)?.id).toBe('b');
  });
});

describe('call log', () => {
  it('merges synced and pending records newest first; synced wins; missed tab keeps inbound missed', () => {
    const synced = storedCall({ id: 's', startedAt: 5_000, result: 'answered' });
    const pendingMissed = callRecord({ id: 'p', startedAt: 9_000 });
    const pendingButSynced = callRecord({ id: 's', startedAt: 5_000 });
    const outboundMissed = callRecord({ id: 'o', direction: 'outbound', startedAt: 7_000 });
    const rows = mergeCallLog([synced], [pendingMissed, pendingButSynced, outboundMissed]);
    expect(rows.map((r) => [r.call.id, r.pending])).toEqual([
      ['p', true],
      ['o', true],
      ['s', false],
    ]);
    expect(mergeCallLog([synced], [pendingMissed, outboundMissed], true).map((r) => r.call.id)).toEqual(['p']);
  });
});
