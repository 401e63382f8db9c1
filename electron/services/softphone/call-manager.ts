/**
 * The live calls of the softphone: one sip.js session per call, the LiveCall the renderer sees,
 * and the call's row in the local call log (written when the call starts, finished when it ends).
 * Inbound: DND and a full line (one call plus one waiting) answer 486; answering a waiting call
 * holds the other. Ending a call hands its record to the owner (wrap-up, then sync).
 */
import { Invitation, Inviter, SessionState, type Session, type URI } from 'sip.js';
import { uuidv7 } from '../../../shared/ids.js';
import type { CallRecord, CallResult, CustomerCard } from '../../../shared/phone.js';
import type { LiveCall } from '../../../shared/ipc/phone.js';
import type { Log } from '../logger.js';
import { BridgedSessionDescriptionHandler } from './bridged-sdh.js';
import { sendDtmfAsInfo, sentOverMedia } from './dtmf-info.js';
import { acknowledged, reInvite, replacesTarget } from './sip-dialog.js';
import { finishRecord, numberOf, startRecord, unansweredResult, type Unanswered } from './call-record.js';
import { CallError, type Entry } from './call-entry.js';
import { leaveConference, muteTargets, startConference } from './conference.js';
import { referAndWait } from './transfer.js';

export { CallError } from './call-entry.js';

/** One call on the line plus one waiting: a third caller hears busy. */
export const MAX_CALLS = 2;
const AUDIO_ONLY = { constraints: { audio: true, video: false } };

export interface CallManagerDeps {
  localUri: string;
  clock: () => number;
  /** 'dnd' answers every new call with 486. */
  doNotDisturb: () => boolean;
  lookupCustomer: (number: string) => Promise<CustomerCard | null>;
  /**
   * 黑名单: whether the caller's number is listed. Asked before the call rings; a listed caller is
   * declined with 603 (a global failure: the PBX stops ringing the other agents too). Answers
   * false when the server cannot say in time, so an outage never silences the phone.
   */
  isBlocked?: (number: string) => Promise<boolean>;
  target: (number: string) => URI | undefined;
  /** How long a transfer target may take to answer before the caller stays with the agent. */
  transferTimeoutMs: number;
  makeInviter: (target: URI) => Inviter;
  /** The record was created or changed: write it to the cache (before anything else happens). */
  saveLive: (record: CallRecord) => void;
  ended: (record: CallRecord) => void;
  changed: () => void;
  incoming: (call: LiveCall, card: CustomerCard | null) => void;
  log: Log;
}

export class CallManager {
  private readonly entries = new Map<string, Entry>();
  /** sip.js creates the description handler from the session: this finds the call's id for it. */
  private readonly callIds = new WeakMap<Session, string>();

  constructor(private readonly deps: CallManagerDeps) {}

  callIdOf(session: Session): string {
    return this.callIds.get(session) ?? uuidv7(this.deps.clock());
  }

  calls(): LiveCall[] {
    return [...this.entries.values()].map((entry) => ({ ...entry.live }));
  }

  sessionCount(): number {
    return this.entries.size;
  }

  /** An INVITE arrived. */
  receive(invitation: Invitation): void {
    const number = numberOf(invitation.remoteIdentity.uri);
    const call = this.newCall('inbound', number, invitation.remoteIdentity.displayName || null, 'ringing');
    const busy = this.deps.doNotDisturb() || this.entries.size >= MAX_CALLS;
    const entry = this.track(call, invitation);
    if (busy) {
      entry.outcome = { by: 'us', how: 'busy' };
      invitation.reject({ statusCode: 486 }).catch((error: unknown) => this.deps.log('phone: 486 failed', String(error), 'warn'));
      return;
    }
    if (this.deps.isBlocked) void this.deps.isBlocked(number).then((blocked) => (blocked ? this.decline(entry) : this.ring(entry, number)));
    else this.ring(entry, number);
  }

  /** A listed caller: declined before the agent is disturbed; the call log keeps it as 拒接. */
  private decline(entry: Entry): void {
    if (!this.entries.has(entry.live.id) || !(entry.session instanceof Invitation) || entry.session.state !== SessionState.Initial) return;
    entry.outcome = { by: 'us', how: 'rejected' };
    this.deps.log('phone: declined a blacklisted caller', null, 'info');
    entry.session.reject({ statusCode: 603 }).catch((error: unknown) => this.deps.log('phone: 603 failed', String(error), 'warn'));
  }

  /** The call rings: the page learns of it, with the customer's card once the lookup answers. */
  private ring(entry: Entry, number: string): void {
    const call = entry.live;
    if (!this.entries.has(call.id)) return;
    this.deps.changed();
    void this.deps.lookupCustomer(number).then((card) => {
      if (!this.entries.has(call.id)) return;
      if (card?.customer) {
        entry.record = { ...entry.record, customerId: card.customer.id };
        entry.live.remoteName = entry.live.remoteName ?? card.customer.name;
        this.deps.saveLive(entry.record);
      }
      this.deps.incoming({ ...entry.live }, card);
    });
  }

  async dial(number: string): Promise<LiveCall> {
    if (this.entries.size >= MAX_CALLS) throw new CallError('CONFLICT', 'the line is full: end or transfer a call first');
    const target = this.deps.target(number);
    if (!target) throw new CallError('VALIDATION_FAILED', 'not a number this phone can call');
    await this.holdOthers(null);
    const inviter = this.deps.makeInviter(target);
    const call = this.newCall('outbound', number, null, 'dialing');
    const entry = this.track(call, inviter);
    this.deps.changed();
    inviter
      .invite({
        sessionDescriptionHandlerOptions: AUDIO_ONLY,
        requestDelegate: {
          onProgress: (response) => {
            if ((response.message.statusCode ?? 0) >= 180 && entry.live.state === 'dialing') this.update(entry, { state: 'early' });
          },
          onReject: (response) => {
            entry.outcome ??= { by: 'remote', statusCode: response.message.statusCode ?? null };
          },
        },
      })
      .catch((error: unknown) => {
        this.deps.log('phone: INVITE failed', error instanceof Error ? error.message : error, 'warn');
        entry.outcome ??= { by: 'media' };
        if (inviter.state !== SessionState.Terminated) void inviter.dispose();
      });
    return { ...call };
  }

  async answer(callId: string): Promise<LiveCall> {
    const entry = this.need(callId);
    if (!(entry.session instanceof Invitation) || entry.live.state !== 'ringing') throw new CallError('INVALID_STATE', 'this call is not ringing');
    await this.holdOthers(callId);
    await entry.session.accept({ sessionDescriptionHandlerOptions: AUDIO_ONLY });
    return { ...entry.live };
  }

  async reject(callId: string): Promise<void> {
    const entry = this.need(callId);
    if (!(entry.session instanceof Invitation) || entry.live.state !== 'ringing') throw new CallError('INVALID_STATE', 'this call is not ringing');
    entry.outcome = { by: 'us', how: 'rejected' };
    await entry.session.reject({ statusCode: 603 });
  }

  async hangUp(callId: string): Promise<void> {
    const entry = this.need(callId);
    await this.end(entry, { by: 'us', how: entry.session instanceof Invitation ? 'rejected' : 'cancelled' });
  }

  async setHold(callId: string, hold: boolean): Promise<LiveCall> {
    const entry = this.need(callId);
    if (entry.session.state !== SessionState.Established) throw new CallError('INVALID_STATE', 'the call is not connected');
    if (entry.live.onHold === hold) return { ...entry.live };
    await acknowledged(entry.session);
    let refused: { code: number; text: string } | null = null;
    // 491 (glare) and 500 (our ACK not there yet, RFC 3261 §14.2) are worth a bounded retry.
    for (let attempt = 0; attempt < 4; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      refused = await reInvite(entry.session, hold, AUDIO_ONLY);
      if (!refused || (refused.code !== 491 && refused.code !== 500)) break;
    }
    if (refused) throw new CallError('CONFLICT', `the other side refused the hold request (${refused.code} ${refused.text})`);
    this.update(entry, { onHold: hold, state: hold ? 'held' : 'established' });
    return { ...entry.live };
  }

  async setMute(callId: string, muted: boolean): Promise<LiveCall> {
    const entry = this.need(callId);
    const sdh = entry.session.sessionDescriptionHandler;
    if (!(sdh instanceof BridgedSessionDescriptionHandler)) throw new CallError('INVALID_STATE', 'the call has no media yet');
    await sdh.setMute(muted);
    for (const target of muteTargets(entry, this.entries)) this.update(target, { muted });
    return { ...entry.live };
  }

  /** RFC 4733 through the media side when it can; otherwise SIP INFO, which the far side sees in signaling. */
  async sendDtmf(callId: string, tones: string): Promise<void> {
    const session = this.need(callId).session;
    if (session.state !== SessionState.Established || !session.sessionDescriptionHandler) throw new CallError('INVALID_STATE', 'the call is not connected');
    if (await sentOverMedia(session.sessionDescriptionHandler, tones, this.deps.log)) return;
    if (session.state !== SessionState.Established) throw new CallError('INVALID_STATE', 'the call is not connected');
    await sendDtmfAsInfo(session, tones).catch((error: unknown) => {
      throw new CallError('CONFLICT', error instanceof Error ? error.message : String(error));
    });
  }

  /** Blind transfer (REFER to a number); attended when `consult` is the call to the target (REFER with Replaces). */
  async transfer(callId: string, to: { number: string } | { consultCallId: string }): Promise<void> {
    const entry = this.need(callId);
    if (entry.session.state !== SessionState.Established) throw new CallError('INVALID_STATE', 'the call is not connected');
    let referTo: URI;
    let consult: Entry | null = null;
    if ('number' in to) {
      const target = this.deps.target(to.number);
      if (!target) throw new CallError('VALIDATION_FAILED', 'not a number this phone can call');
      referTo = target;
    } else {
      if (to.consultCallId === callId) throw new CallError('VALIDATION_FAILED', 'a call cannot be transferred to itself');
      consult = this.need(to.consultCallId);
      if (consult.session.state !== SessionState.Established) throw new CallError('INVALID_STATE', 'the consultation call is not connected');
      const target = replacesTarget(consult.session);
      if (!target) throw new CallError('INVALID_STATE', 'the consultation call has no dialog');
      referTo = target;
    }
    const target = 'number' in to ? to.number : consult!.live.remoteNumber;
    this.update(entry, { transfer: { target, state: 'trying', reason: null } });
    const outcome = await referAndWait(entry.session, referTo, {
      timeoutMs: this.deps.transferTimeoutMs,
      // Marked before any BYE: the target may end the consultation call before the NOTIFY comes.
      onAccepted: () => {
        if (consult) consult.transferred = true;
      },
    }).catch((error: unknown) => ({ ok: false as const, statusCode: null, reason: error instanceof Error ? error.message : String(error) }));
    if (!outcome.ok) {
      if (consult && this.entries.has(consult.live.id)) consult.transferred = false;
      // The caller stays with the agent, and the call says why the transfer failed.
      if (this.entries.has(callId)) this.update(entry, { transfer: { target, state: 'failed', reason: outcome.reason } });
      throw new CallError('CONFLICT', `the transfer to ${target} failed: ${outcome.reason}; the caller is still on the line`);
    }
    entry.transferred = true;
    await this.end(entry, { by: 'us', how: 'cancelled' });
    // Attended: the target replaces the consultation call and BYEs it; we end it if it lingers.
    if (consult) {
      const lingering = consult;
      setTimeout(() => void this.end(lingering, { by: 'us', how: 'cancelled' }).catch(() => undefined), 5000).unref();
    }
  }

  /** Three-way call (三方通话): both calls connected, the held one resumed, then the page mixes the audio. */
  async conference(callId: string, otherCallId: string): Promise<void> {
    if (callId === otherCallId) throw new CallError('VALIDATION_FAILED', 'a call cannot be conferenced with itself');
    await startConference([this.need(callId), this.need(otherCallId)], {
      setHold: (id, hold) => this.setHold(id, hold),
      update: (entry, patch) => this.update(entry, patch),
    });
  }

  /** The media of these calls is gone (page reloaded or failed): end them with BYE/CANCEL. */
  mediaLost(callId: string | null): void {
    for (const entry of this.entries.values()) {
      if (callId !== null && entry.live.id !== callId) continue;
      const sdh = entry.session.sessionDescriptionHandler;
      if (!(sdh instanceof BridgedSessionDescriptionHandler)) continue;
      sdh.markLost();
      this.deps.log('phone: media lost, ending the call', { callId: entry.live.id }, 'warn');
      void this.end(entry, { by: 'media' }).catch(() => undefined);
    }
  }

  /** Logout or quit: end every call. */
  async endAll(): Promise<void> {
    await Promise.all([...this.entries.values()].map((entry) => this.end(entry, { by: 'us', how: 'cancelled' }).catch(() => undefined)));
  }

  private async end(entry: Entry, outcome: Unanswered): Promise<void> {
    const session = entry.session;
    entry.outcome ??= outcome;
    if (session.state === SessionState.Established) await session.bye();
    else if (session instanceof Inviter && (session.state === SessionState.Establishing || session.state === SessionState.Initial)) await session.cancel();
    else if (session instanceof Invitation && session.state !== SessionState.Terminated && session.state !== SessionState.Terminating) await session.reject();
    else if (session.state !== SessionState.Terminated) await session.dispose();
  }

  private newCall(direction: LiveCall['direction'], remoteNumber: string, remoteName: string | null, state: LiveCall['state']): LiveCall {
    const startedAt = this.deps.clock();
    return {
      id: uuidv7(startedAt),
      direction,
      remoteNumber,
      remoteName,
      state,
      muted: false,
      onHold: false,
      startedAt,
      answeredAt: null,
      conferenceWith: null,
    };
  }

  private track(call: LiveCall, session: Session): Entry {
    this.callIds.set(session, call.id);
    const entry: Entry = { live: call, session, record: startRecord(call, this.deps.localUri, null), outcome: null, transferred: false };
    this.entries.set(call.id, entry);
    this.deps.saveLive(entry.record);
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established && entry.live.answeredAt === null) {
        const answeredAt = this.deps.clock();
        entry.record = { ...entry.record, answeredAt, endedAt: answeredAt };
        this.deps.saveLive(entry.record);
        this.update(entry, { state: 'established', answeredAt });
      } else if (state === SessionState.Terminated) {
        this.finish(entry);
      }
    });
    return entry;
  }

  private finish(entry: Entry): void {
    if (!this.entries.delete(entry.live.id)) return;
    leaveConference(entry, this.entries, this.deps.log);
    const answeredAt = entry.live.answeredAt;
    const result: CallResult = entry.transferred
      ? 'transferred'
      : answeredAt !== null
        ? 'answered'
        : unansweredResult(entry.live.direction, entry.outcome ?? { by: 'remote', statusCode: null });
    entry.live.state = 'ended';
    this.deps.ended(finishRecord(entry.record, answeredAt, this.deps.clock(), result));
    this.deps.changed();
  }

  private update(entry: Entry, patch: Partial<LiveCall>): void {
    Object.assign(entry.live, patch);
    this.deps.changed();
  }

  private need(callId: string): Entry {
    const entry = this.entries.get(callId);
    if (!entry) throw new CallError('NOT_FOUND', 'no such call');
    return entry;
  }

  private async holdOthers(except: string | null): Promise<void> {
    for (const entry of this.entries.values()) {
      if (entry.live.id === except || entry.session.state !== SessionState.Established || entry.live.onHold) continue;
      await this.setHold(entry.live.id, true);
    }
  }
}
