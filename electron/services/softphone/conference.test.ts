/**
 * Three-way call (三方通话, mixed locally) against a REAL Kamailio and a REAL server process: the
 * customer (2002) calls in, the agent dials 2003 (which holds the customer), then conferences the
 * two. The stand-in media side records what the page is asked to mix and un-mix.
 */
import { describe, expect, it } from 'vitest';
import { SessionState, type Session } from 'sip.js';
import type { MediaOp } from '../../../shared/ipc/phone.js';
import { waitFor } from '../test-support/wait-for.js';
import { established, useCallFixture, value } from './testing/call-fixture.js';

const fx = useCallFixture();
const { invoke, liveCall, idle, nextIncoming } = fx;
const opsSince = (index: number): MediaOp[] => fx.stack.media.ops.slice(index);

/** The customer calls in and is answered; then the agent dials 2003, which holds the customer. */
async function twoCalls(): Promise<{ customerCall: string; thirdCall: string; atCustomer: Session; atThird: Session }> {
  const incoming = nextIncoming();
  const atCustomer = fx.customer.call('1001');
  const customerCall = await incoming;
  await value(invoke('phone:answer', { callId: customerCall }));
  await waitFor('customer established', async () => (await liveCall(customerCall))?.state === 'established' && established(atCustomer));
  const thirdBefore = fx.third.sessions.length;
  const dialed = await value(invoke('phone:dial', { number: '2003' }));
  await waitFor('2003 established', async () => (await liveCall(dialed.id))?.state === 'established' && established(fx.third.sessions[thirdBefore]));
  return { customerCall, thirdCall: dialed.id, atCustomer, atThird: fx.third.sessions[thirdBefore]! };
}

describe('three-way call (三方通话) with a real Kamailio', () => {
  it('conferences two established calls (resuming the held one) and un-mixes the survivor when one ends', async () => {
    const { customerCall, thirdCall, atCustomer, atThird } = await twoCalls();
    expect(await liveCall(customerCall)).toMatchObject({ onHold: true, state: 'held', conferenceWith: null });
    const before = fx.stack.media.ops.length;

    await value(invoke('phone:conference', { callId: thirdCall, otherCallId: customerCall }));

    expect(await liveCall(customerCall)).toMatchObject({ onHold: false, state: 'established', conferenceWith: thirdCall });
    expect(await liveCall(thirdCall)).toMatchObject({ onHold: false, state: 'established', conferenceWith: customerCall });
    const ops = opsSince(before);
    // The held customer was resumed with a re-INVITE (a sendrecv offer) before the mix was asked for.
    const resume = ops.findIndex(
      (op) => op.op === 'getDescription' && op.callId === customerCall && (op.options as { sdh?: { hold?: boolean } }).sdh?.hold === false,
    );
    const mix = ops.findIndex((op) => op.op === 'conference');
    expect(resume).toBeGreaterThanOrEqual(0);
    expect(mix).toBeGreaterThan(resume);
    expect(ops[mix]).toEqual({ op: 'conference', callId: thirdCall, otherCallId: customerCall });
    expect(established(atCustomer) && established(atThird)).toBe(true);

    // 2003 hangs up: the customer's call goes back to the plain microphone.
    const beforeEnd = fx.stack.media.ops.length;
    await atThird.bye();
    await waitFor('2003 call ended', async () => (await liveCall(thirdCall)) === undefined);
    await waitFor('unconference sent', () => opsSince(beforeEnd).some((op) => op.op === 'unconference'));
    expect(opsSince(beforeEnd).filter((op) => op.op === 'unconference')).toEqual([{ op: 'unconference', callId: customerCall }]);
    expect(await liveCall(customerCall)).toMatchObject({ state: 'established', conferenceWith: null });
    expect(established(atCustomer)).toBe(true);
    await value(invoke('phone:hang-up', { callId: customerCall }));
    await idle();
  });

  it('refuses an unknown call, an ended call, a ringing call and the call itself, and changes nothing', async () => {
    const { customerCall, thirdCall, atThird } = await twoCalls();
    const before = fx.stack.media.ops.length;
    const unknown = await invoke('phone:conference', { callId: thirdCall, otherCallId: '01900000-0000-7000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const self = await invoke('phone:conference', { callId: thirdCall, otherCallId: thirdCall });
    expect(self).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(opsSince(before)).toEqual([]);
    expect(await liveCall(customerCall)).toMatchObject({ onHold: true, state: 'held', conferenceWith: null });
    expect(await liveCall(thirdCall)).toMatchObject({ state: 'established', conferenceWith: null });

    // The consultation ends; conferencing with it now finds nothing.
    await atThird.bye();
    await waitFor('2003 call ended', async () => (await liveCall(thirdCall)) === undefined);
    const afterEnd = fx.stack.media.ops.length;
    const ended = await invoke('phone:conference', { callId: customerCall, otherCallId: thirdCall });
    expect(ended).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // A second caller still ringing cannot join: INVALID_STATE, the held customer stays held.
    const incoming = nextIncoming();
    const ringingAtThird = fx.third.call('1001');
    const ringing = await incoming;
    const notConnected = await invoke('phone:conference', { callId: customerCall, otherCallId: ringing });
    expect(notConnected).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(opsSince(afterEnd).some((op) => op.op === 'conference' || op.op === 'getDescription')).toBe(false);
    expect(await liveCall(customerCall)).toMatchObject({ onHold: true, state: 'held', conferenceWith: null });
    expect(await liveCall(ringing)).toMatchObject({ state: 'ringing', conferenceWith: null });
    await value(invoke('phone:reject', { callId: ringing }));
    await waitFor('the second caller is rejected', () => ringingAtThird.state === SessionState.Terminated);
  });

  it('mute in a three-way call mutes the agent on both legs (one microphone), and the survivor keeps it after the other leg ends', async () => {
    const { customerCall, thirdCall, atThird } = await twoCalls();
    await value(invoke('phone:conference', { callId: thirdCall, otherCallId: customerCall }));
    const before = fx.stack.media.ops.length;
    await value(invoke('phone:set-mute', { callId: thirdCall, muted: true }));
    // The page is asked once; it silences the microphone inside the mix (conference-mixer).
    expect(opsSince(before)).toEqual([{ op: 'setMute', callId: thirdCall, muted: true }]);
    expect(await liveCall(thirdCall)).toMatchObject({ muted: true });
    expect(await liveCall(customerCall)).toMatchObject({ muted: true });

    await atThird.bye();
    await waitFor('2003 call ended', async () => (await liveCall(thirdCall)) === undefined);
    expect(await liveCall(customerCall)).toMatchObject({ muted: true, conferenceWith: null });
    await value(invoke('phone:set-mute', { callId: customerCall, muted: false }));
    expect(await liveCall(customerCall)).toMatchObject({ muted: false });
    await value(invoke('phone:hang-up', { callId: customerCall }));
    await idle();
  });
});
