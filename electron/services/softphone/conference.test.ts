/**
 * Three-way call (三方通话, mixed locally) against a REAL Kamailio and a REAL server process: the
 * customer (2002) calls in, the agent dials 2003 (which holds the customer), then conferences the
 * two. The stand-in media side records what the page is asked to mix and un-mix.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SessionState, type Session } from 'sip.js';
import type { MediaOp } from '../../../shared/ipc/phone.js';
import { removeTempDirs } from '../test-support/temp-dir.js';
import { waitFor } from '../test-support/wait-for.js';
import { startPlainPhone, type PlainPhone } from './testing/plain-phone.js';
import { startPhoneStack, type PhoneStack } from './testing/phone-stack.js';

let stack: PhoneStack;
let customer: PlainPhone;
let third: PlainPhone;

beforeAll(async () => {
  stack = await startPhoneStack({ wrapUpSeconds: 0 });
  customer = await startPlainPhone({ wsUrl: stack.kamailio.wsUrl, user: '2002', password: 'kefu-sip-secret' });
  third = await startPlainPhone({ wsUrl: stack.kamailio.wsUrl, user: '2003', password: 'kefu-sip-secret', autoAnswer: true });
}, 60_000);

afterAll(async () => {
  for (const phone of [customer, third]) {
    for (const session of phone?.sessions ?? []) if (session.state === SessionState.Established) await session.bye().catch(() => undefined);
    await phone?.stop();
  }
  await stack?.close();
  removeTempDirs();
});

afterEach(async () => {
  for (const call of (await stack.phoneState()).calls) await invoke('phone:hang-up', { callId: call.id });
  for (const phone of [customer, third]) for (const session of phone.sessions) if (established(session)) await session.bye().catch(() => undefined);
  await idle();
});

const invoke: PhoneStack['desk']['invoke'] = (channel, request) => stack.desk.invoke(channel, request);
const value = async <T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value;
};
const liveCall = async (callId: string) => (await stack.phoneState()).calls.find((call) => call.id === callId);
const idle = async () => waitFor('no live call on the desk', async () => (await stack.phoneState()).calls.length === 0);
const established = (session: Session | undefined) => session?.state === SessionState.Established;
const opsSince = (index: number): MediaOp[] => stack.media.ops.slice(index);

function nextIncoming(): Promise<string> {
  return new Promise((resolve) => {
    const off = stack.desk.workstation.on('phone:incoming', ({ call }) => {
      off();
      resolve(call.id);
    });
  });
}

/** The customer calls in and is answered; then the agent dials 2003, which holds the customer. */
async function twoCalls(): Promise<{ customerCall: string; thirdCall: string; atCustomer: Session; atThird: Session }> {
  const incoming = nextIncoming();
  const atCustomer = customer.call('1001');
  const customerCall = await incoming;
  await value(invoke('phone:answer', { callId: customerCall }));
  await waitFor('customer established', async () => (await liveCall(customerCall))?.state === 'established' && established(atCustomer));
  const thirdBefore = third.sessions.length;
  const dialed = await value(invoke('phone:dial', { number: '2003' }));
  await waitFor('2003 established', async () => (await liveCall(dialed.id))?.state === 'established' && established(third.sessions[thirdBefore]));
  return { customerCall, thirdCall: dialed.id, atCustomer, atThird: third.sessions[thirdBefore]! };
}

describe('three-way call (三方通话) with a real Kamailio', () => {
  it('conferences two established calls (resuming the held one) and un-mixes the survivor when one ends', async () => {
    const { customerCall, thirdCall, atCustomer, atThird } = await twoCalls();
    expect(await liveCall(customerCall)).toMatchObject({ onHold: true, state: 'held', conferenceWith: null });
    const before = stack.media.ops.length;

    await value(invoke('phone:conference', { callId: thirdCall, otherCallId: customerCall }));

    expect(await liveCall(customerCall)).toMatchObject({ onHold: false, state: 'established', conferenceWith: thirdCall });
    expect(await liveCall(thirdCall)).toMatchObject({ onHold: false, state: 'established', conferenceWith: customerCall });
    const ops = opsSince(before);
    // The held customer was resumed with a re-INVITE (a sendrecv offer) before the mix was asked for.
    const resume = ops.findIndex((op) => op.op === 'getDescription' && op.callId === customerCall && (op.options as { sdh?: { hold?: boolean } }).sdh?.hold === false);
    const mix = ops.findIndex((op) => op.op === 'conference');
    expect(resume).toBeGreaterThanOrEqual(0);
    expect(mix).toBeGreaterThan(resume);
    expect(ops[mix]).toEqual({ op: 'conference', callId: thirdCall, otherCallId: customerCall });
    expect(established(atCustomer) && established(atThird)).toBe(true);

    // 2003 hangs up: the customer's call goes back to the plain microphone.
    const beforeEnd = stack.media.ops.length;
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
    const before = stack.media.ops.length;
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
    const afterEnd = stack.media.ops.length;
    const ended = await invoke('phone:conference', { callId: customerCall, otherCallId: thirdCall });
    expect(ended).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // A second caller still ringing cannot join: INVALID_STATE, the held customer stays held.
    const incoming = nextIncoming();
    const ringingAtThird = third.call('1001');
    const ringing = await incoming;
    const notConnected = await invoke('phone:conference', { callId: customerCall, otherCallId: ringing });
    expect(notConnected).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(opsSince(afterEnd).some((op) => op.op === 'conference' || op.op === 'getDescription')).toBe(false);
    expect(await liveCall(customerCall)).toMatchObject({ onHold: true, state: 'held', conferenceWith: null });
    expect(await liveCall(ringing)).toMatchObject({ state: 'ringing', conferenceWith: null });
    await value(invoke('phone:reject', { callId: ringing }));
    await waitFor('the second caller is rejected', () => ringingAtThird.state === SessionState.Terminated);
  });
});
