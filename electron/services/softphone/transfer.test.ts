/**
 * Transfers and DTMF against a REAL Kamailio (test/sip/) and a REAL server process. The customer
 * (2002) and the third party (2003) are plain sip.js phones that honour REFER the way desk phones
 * do, so the test sees who ends up talking to whom, not just what the desk sent.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SessionState, type Invitation, type Session } from 'sip.js';
import type { StoredCall } from '../../../shared/phone.js';
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

// A failed test must not leave calls behind for the next one.
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
const userOf = (session: Session) => session.remoteIdentity.uri.user;

function nextIncoming(): Promise<string> {
  return new Promise((resolve) => {
    const off = stack.desk.workstation.on('phone:incoming', ({ call }) => {
      off();
      resolve(call.id);
    });
  });
}

/** The customer calls the agent and the agent answers. */
async function answeredInbound(): Promise<{ callId: string; atCustomer: Session }> {
  const incoming = nextIncoming();
  const atCustomer = customer.call('1001');
  const callId = await incoming;
  await value(invoke('phone:answer', { callId }));
  await waitFor('established', async () => (await liveCall(callId))?.state === 'established' && established(atCustomer));
  return { callId, atCustomer };
}

async function loggedCall(callId: string): Promise<StoredCall | undefined> {
  return (await value(invoke('calls:list', {}))).find((call) => call.id === callId);
}

describe('transfer and DTMF with a real Kamailio', () => {
  it('blind transfer (盲转): the customer is referred to 2003, talks to it, and the agent’s call is logged as transferred', async () => {
    const { callId, atCustomer } = await answeredInbound();
    const thirdBefore = third.sessions.length;
    await value(invoke('phone:transfer-blind', { callId, target: '2003' }));
    expect(customer.referrals.at(-1)).toMatch(/^sip:2003@127\.0\.0\.1/);
    // The third phone receives the INVITE from the customer, not from the agent.
    await waitFor('the third phone rings', () => third.sessions.length > thirdBefore);
    const atThird = third.last() as Invitation;
    expect(userOf(atThird)).toBe('2002');
    const referred = customer.last()!;
    expect(referred).not.toBe(atCustomer);
    expect(userOf(referred)).toBe('2003');
    await waitFor('customer and 2003 connected', () => established(referred) && established(atThird));
    await idle();
    await waitFor('the agent’s leg is gone at the customer', () => atCustomer.state === SessionState.Terminated);
    await waitFor('transferred in the call log', async () => (await loggedCall(callId))?.result === 'transferred');
    expect(await loggedCall(callId)).toMatchObject({ direction: 'inbound', remoteNumber: '2002', result: 'transferred' });
    expect((await loggedCall(callId))?.answeredAt).not.toBeNull();
    await referred.bye();
    await waitFor('customer and 2003 hung up', () => atThird.state === SessionState.Terminated);
  });

  it('attended transfer (咨询转接): the agent holds the customer, consults 2003, completes; customer and 2003 connected', async () => {
    const { callId, atCustomer } = await answeredInbound();
    const thirdBefore = third.sessions.length;
    const consult = await value(invoke('phone:dial', { number: '2003' }));
    await waitFor('consultation established', async () => (await liveCall(consult.id))?.state === 'established' && established(third.sessions[thirdBefore]));
    const consultAtThird = third.sessions[thirdBefore]!;
    expect(userOf(consultAtThird)).toBe('1001');
    // Dialing the consultation held the customer.
    expect(await liveCall(callId)).toMatchObject({ onHold: true, state: 'held' });

    await value(invoke('phone:transfer-attended', { callId, consultCallId: consult.id }));
    expect(customer.referrals.at(-1)).toMatch(/^sip:2003@127\.0\.0\.1\?Replaces=/);
    await waitFor('2003 receives the replacing INVITE', () => third.sessions.length > thirdBefore + 1);
    const replacing = third.last() as Invitation;
    expect(userOf(replacing)).toBe('2002');
    // RFC 3891: the new call replaced exactly the consultation dialog.
    expect(replacing.replacee).toBe(consultAtThird);
    const referred = customer.last()!;
    expect(referred).not.toBe(atCustomer);
    await waitFor('customer and 2003 connected', () => established(referred) && established(replacing));
    await idle();
    await waitFor('both agent legs ended', () => atCustomer.state === SessionState.Terminated && consultAtThird.state === SessionState.Terminated);
    await waitFor('both logged as transferred', async () => (await loggedCall(callId))?.result === 'transferred' && (await loggedCall(consult.id))?.result === 'transferred');
    expect(await loggedCall(consult.id)).toMatchObject({ direction: 'outbound', remoteNumber: '2003' });
    await referred.bye();
    await waitFor('customer and 2003 hung up', () => replacing.state === SessionState.Terminated);
  });

  it('attended transfer to the call itself or to an unknown consultation is refused and changes nothing', async () => {
    const { callId, atCustomer } = await answeredInbound();
    const self = await invoke('phone:transfer-attended', { callId, consultCallId: callId });
    expect(self).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const unknown = await invoke('phone:transfer-attended', { callId, consultCallId: '01900000-0000-7000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await liveCall(callId)).toMatchObject({ state: 'established' });
    expect(established(atCustomer)).toBe(true);
    await value(invoke('phone:hang-up', { callId }));
    await idle();
  });

  it('DTMF (按键): RTP through the media side when it can; SIP INFO the far side sees when it cannot', async () => {
    const { callId, atCustomer } = await answeredInbound();
    const infoBefore = customer.dtmfInfo.length;
    const opsBefore = stack.media.ops.length;
    await value(invoke('phone:send-dtmf', { callId, tones: '9' }));
    expect(stack.media.ops.slice(opsBefore)).toContainEqual({ op: 'sendDtmf', callId, tones: '9' });
    expect(customer.dtmfInfo.length).toBe(infoBefore);

    stack.media.rtpDtmf = false;
    try {
      await value(invoke('phone:send-dtmf', { callId, tones: '12#*' }));
      await waitFor('digits arrive as INFO', () => customer.dtmfInfo.length >= infoBefore + 4);
      expect(customer.dtmfInfo.slice(infoBefore).join('')).toBe('12#*');
    } finally {
      stack.media.rtpDtmf = true;
    }
    await atCustomer.bye();
    await idle();
    const refused = await invoke('phone:send-dtmf', { callId, tones: '1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
