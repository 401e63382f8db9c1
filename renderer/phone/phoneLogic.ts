/** Pure rules of the phone UI: timers, number input, which call is current, waiting or ended. */
import { PhoneNumberSchema, type CallRecord, type StoredCall } from '../../shared/phone.js';
import type { LiveCall, PhoneState } from '../../shared/ipc/phone.js';

export const EMPTY_PHONE_STATE: PhoneState = { registration: 'unregistered', reason: null, availability: 'idle', wrapUpUntil: null, calls: [] };

const pad = (n: number) => String(n).padStart(2, '0');

/** 00:07, 12:34, 1:02:03 — talk time as a phone shows it. Negative or NaN counts as zero. */
export function formatCallTimer(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

export type NumberCheck = { ok: true; number: string } | { ok: false };

/**
 * What the agent typed, ready to dial: people paste "138 0013-8000" or "(010) 1234", so spaces,
 * dashes, dots and brackets go before the shared schema decides. sip: URIs are left alone.
 */
export function checkDialNumber(raw: string): NumberCheck {
  const trimmed = raw.trim();
  const cleaned = /^sip:/i.test(trimmed) ? trimmed : trimmed.replace(/[\s\-().]/g, '');
  const parsed = PhoneNumberSchema.safeParse(cleaned);
  return parsed.success ? { ok: true, number: parsed.data } : { ok: false };
}

export const isLive = (call: LiveCall): boolean => call.state !== 'ended';
const isConnected = (call: LiveCall): boolean => call.state === 'established' || call.state === 'held';
const isOutgoing = (call: LiveCall): boolean => call.direction === 'outbound' && (call.state === 'dialing' || call.state === 'early');

/** Inbound calls still ringing. */
export function ringingCalls(calls: readonly LiveCall[]): LiveCall[] {
  return calls.filter((c) => c.direction === 'inbound' && c.state === 'ringing');
}

/** Calls the agent is in or placing: talking, held, or an outgoing call not yet answered. */
export function engagedCalls(calls: readonly LiveCall[]): LiveCall[] {
  return calls.filter((c) => isConnected(c) || isOutgoing(c));
}

/** The call the controls act on: the one talking, else one being placed, else a held one. */
export function currentCall(calls: readonly LiveCall[]): LiveCall | null {
  return (
    calls.find((c) => c.state === 'established' && !c.onHold) ??
    calls.find(isOutgoing) ??
    calls.find((c) => c.state === 'held' || (c.state === 'established' && c.onHold)) ??
    null
  );
}

/** A ringing call while the agent is already engaged is shown as 等待中 (call waiting). */
export function isWaiting(call: LiveCall, calls: readonly LiveCall[]): boolean {
  return call.direction === 'inbound' && call.state === 'ringing' && engagedCalls(calls).some((c) => c.id !== call.id);
}

/** Calls that were answered before and are gone or ended now: each asks for 话后处理. */
export function answeredCallsThatEnded(prev: PhoneState, next: PhoneState): LiveCall[] {
  const still = new Map(next.calls.map((c) => [c.id, c]));
  return prev.calls.filter((c) => {
    if (c.answeredAt === null || c.state === 'ended') return false;
    const now = still.get(c.id);
    return !now || now.state === 'ended';
  });
}

/**
 * A new snapshot, keeping the objects of calls that did not change so React skips them.
 * One call from an invoke answer (mute, hold…) is merged with `upsertCall`.
 */
export function mergeState(prev: PhoneState, next: PhoneState): PhoneState {
  const old = new Map(prev.calls.map((c) => [c.id, c]));
  const calls = next.calls.map((c) => {
    const before = old.get(c.id);
    return before && sameCall(before, c) ? before : c;
  });
  return { ...next, calls };
}

export function upsertCall(state: PhoneState, call: LiveCall): PhoneState {
  const exists = state.calls.some((c) => c.id === call.id);
  return { ...state, calls: exists ? state.calls.map((c) => (c.id === call.id ? call : c)) : [...state.calls, call] };
}

function sameCall(a: LiveCall, b: LiveCall): boolean {
  return (Object.keys(b) as (keyof LiveCall)[]).every((key) => a[key] === b[key]);
}

/** One row of the call log: synced from the backend, or still only local (同步中). */
export interface CallLogRow {
  call: StoredCall | CallRecord;
  pending: boolean;
}

/** Synced and pending records together, newest first; a record both pending and synced counts as synced. */
export function mergeCallLog(stored: readonly StoredCall[], pending: readonly CallRecord[], missedOnly = false): CallLogRow[] {
  const synced = new Set(stored.map((c) => c.id));
  const rows: CallLogRow[] = [
    ...stored.map((call) => ({ call, pending: false })),
    ...pending.filter((c) => !synced.has(c.id)).map((call) => ({ call, pending: true })),
  ];
  return rows
    .filter((row) => !missedOnly || (row.call.direction === 'inbound' && row.call.result === 'missed'))
    .sort((a, b) => b.call.startedAt - a.call.startedAt);
}

export function upsertStoredCall(list: readonly StoredCall[], call: StoredCall): StoredCall[] {
  return [call, ...list.filter((c) => c.id !== call.id)].sort((a, b) => b.startedAt - a.startedAt);
}
