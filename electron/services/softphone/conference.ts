/**
 * Three-way call (三方通话, mixed locally on the media side): which calls may be joined, resuming
 * the held one first, un-mixing the survivor when one leg ends. The agent has one microphone, so
 * mute in a three-way call applies to both legs (the page silences the microphone in the mix, not
 * the other party's audio mixed into it).
 */
import { SessionState } from 'sip.js';
import type { Log } from '../logger.js';
import { BridgedSessionDescriptionHandler } from './bridged-sdh.js';
import { CallError, type Entry } from './call-entry.js';

export interface ConferenceDeps {
  setHold(callId: string, hold: boolean): Promise<unknown>;
  update(entry: Entry, patch: Partial<Entry['live']>): void;
}

/** Both calls connected, the held one resumed, then the page mixes the audio. */
export async function startConference(pair: readonly [Entry, Entry], deps: ConferenceDeps): Promise<void> {
  const [first, second] = pair;
  if (first.live.id === second.live.id) throw new CallError('VALIDATION_FAILED', 'a call cannot be conferenced with itself');
  if (pair.some((entry) => entry.session.state !== SessionState.Established)) throw new CallError('INVALID_STATE', 'both calls must be connected');
  if (pair.some((entry) => entry.live.conferenceWith !== null)) throw new CallError('CONFLICT', 'a call is already in a three-way call');
  const media = first.session.sessionDescriptionHandler;
  if (!(media instanceof BridgedSessionDescriptionHandler) || !pair.every((entry) => entry.session.sessionDescriptionHandler)) {
    throw new CallError('INVALID_STATE', 'the call has no media yet');
  }
  for (const entry of pair) if (entry.live.onHold) await deps.setHold(entry.live.id, false);
  await media.conference(second.live.id);
  // One microphone: if either leg was muted, the mix starts muted and both legs say so.
  const muted = first.live.muted || second.live.muted;
  if (muted) await media.setMute(true);
  deps.update(first, { conferenceWith: second.live.id, muted });
  deps.update(second, { conferenceWith: first.live.id, muted });
}

/** The calls a mute applies to: the call, and its partner in a three-way call. */
export function muteTargets(entry: Entry, entries: ReadonlyMap<string, Entry>): Entry[] {
  const partner = entry.live.conferenceWith === null ? undefined : entries.get(entry.live.conferenceWith);
  return partner ? [entry, partner] : [entry];
}

/** One call of a three-way call ended: the other one sends the plain microphone again. */
export function leaveConference(entry: Entry, entries: ReadonlyMap<string, Entry>, log: Log): void {
  const partner = entry.live.conferenceWith === null ? undefined : entries.get(entry.live.conferenceWith);
  entry.live.conferenceWith = null;
  if (!partner) return;
  partner.live.conferenceWith = null;
  const media = partner.session.sessionDescriptionHandler;
  if (!(media instanceof BridgedSessionDescriptionHandler)) return;
  try {
    media.unconference().catch((error: unknown) => log('phone: unconference failed', String(error), 'warn'));
  } catch (error) {
    log('phone: unconference failed', String(error), 'warn');
  }
}
