/**
 * Transfers and DTMF against a REAL Kamailio (test/sip/) and a REAL server process. The customer
 * (2002) and the third party (2003) are plain sip.js phones that honour REFER the way desk phones
 * do, so the test sees who ends up talking to whom, not just what the desk sent.
 */
import { describe, expect, it } from 'vitest';
import { SessionState, type Invitation, type Session } from 'sip.js';
import { waitFor } from '../test-support/wait-for.js';
import { established, useCallFixture, value } from './testing/call-fixture.js';

// Short, so the "target never answers" case does not hold the suite up.
const TRANSFER_TIMEOUT_MS = 3000;
const fx = useCallFixture({ transferTimeoutMs: TRANSFER_TIMEOUT_MS });
const { invoke, liveCall, idle, answeredInbound, loggedCall } = fx;
const userOf = (session: Session) => session.remoteIdentity.uri.user;

describe('transfer and DTMF with a real Kamailio', () => {
  it('blind transfer (盲转): the customer is referred to 2003, talks to it, and the agent’s call is logged as transferred', async () => {
    const { callId, atCustomer } = await answeredInbound();
    const thirdBefore = fx.third.sessions.length;
    await value(invoke('phone:transfer-blind', { callId, target: '2003' }));
    expect(fx.customer.referrals.at(-1)).toMatch(/^sip:2003@127\.0\.0\.1/);
    // The third phone receives the INVITE from the customer, not from the agent.
    await waitFor('the third phone rings', () => fx.third.sessions.length > thirdBefore);
    const atThird = fx.third.last() as Invitation;
    expect(userOf(atThird)).toBe('2002');
    const referred = fx.customer.last()!;
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
    const thirdBefore = fx.third.sessions.length;
    const consult = await value(invoke('phone:dial', { number: '2003' }));
    await waitFor('consultation established', async () => (await liveCall(consult.id))?.state === 'established' && established(fx.third.sessions[thirdBefore]));
    const consultAtThird = fx.third.sessions[thirdBefore]!;
    expect(userOf(consultAtThird)).toBe('1001');
    // Dialing the consultation held the fx.customer.
    expect(await liveCall(callId)).toMatchObject({ onHold: true, state: 'held' });

    await value(invoke('phone:transfer-attended', { callId, consultCallId: consult.id }));
    expect(fx.customer.referrals.at(-1)).toMatch(/^sip:2003@127\.0\.0\.1\?Replaces=/);
    await waitFor('2003 receives the replacing INVITE', () => fx.third.sessions.length > thirdBefore + 1);
    const replacing = fx.third.last() as Invitation;
    expect(userOf(replacing)).toBe('2002');
    // RFC 3891: the new call replaced exactly the consultation dialog.
    expect(replacing.replacee).toBe(consultAtThird);
    const referred = fx.customer.last()!;
    expect(referred).not.toBe(atCustomer);
    await waitFor('customer and 2003 connected', () => established(referred) && established(replacing));
    await idle();
    await waitFor('both agent legs ended', () => atCustomer.state === SessionState.Terminated && consultAtThird.state === SessionState.Terminated);
    await waitFor(
      'both logged as transferred',
      async () => (await loggedCall(callId))?.result === 'transferred' && (await loggedCall(consult.id))?.result === 'transferred',
    );
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
    const infoBefore = fx.customer.dtmfInfo.length;
    const opsBefore = fx.stack.media.ops.length;
    await value(invoke('phone:send-dtmf', { callId, tones: '9' }));
    expect(fx.stack.media.ops.slice(opsBefore)).toContainEqual({ op: 'sendDtmf', callId, tones: '9' });
    expect(fx.customer.dtmfInfo.length).toBe(infoBefore);

    fx.stack.media.rtpDtmf = false;
    try {
      await value(invoke('phone:send-dtmf', { callId, tones: '12#*' }));
      await waitFor('digits arrive as INFO', () => fx.customer.dtmfInfo.length >= infoBefore + 4);
      expect(fx.customer.dtmfInfo.slice(infoBefore).join('')).toBe('12#*');
    } finally {
      fx.stack.media.rtpDtmf = true;
    }
    await atCustomer.bye();
    await idle();
    const refused = await invoke('phone:send-dtmf', { callId, tones: '1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  describe('a blind transfer that does not reach the target keeps the customer with the agent', () => {
    /** Starts a blind transfer and lets `whileRinging` decide what the target does; returns the desk's answer. */
    async function transferTo(target: string, whileRinging?: (ringing: Invitation) => Promise<void>) {
      const { callId, atCustomer } = await answeredInbound();
      const thirdBefore = fx.third.sessions.length;
      const pending = invoke('phone:transfer-blind', { callId, target });
      if (whileRinging) {
        await waitFor('the target rings', () => fx.third.sessions.length > thirdBefore);
        await whileRinging(fx.third.last() as Invitation);
      }
      return { callId, atCustomer, result: await pending };
    }

    async function expectStillWithTheAgent(callId: string, atCustomer: Session, target: string) {
      // The customer's original call to the agent is up, and the desk shows why the transfer failed.
      expect(established(atCustomer)).toBe(true);
      expect(await liveCall(callId)).toMatchObject({ state: 'established', transfer: { target, state: 'failed' } });
      // The agent can go on: hold and resume still work on this call, then hang up normally.
      await value(invoke('phone:set-hold', { callId, hold: true }));
      await value(invoke('phone:set-hold', { callId, hold: false }));
      await value(invoke('phone:hang-up', { callId }));
      await idle();
      await waitFor('answered (not transferred) in the call log', async () => (await loggedCall(callId))?.result === 'answered');
    }

    it('the target rejects (486): the REFER’s NOTIFY says so and the call stays', async () => {
      fx.third.autoAnswer = false;
      const { callId, atCustomer, result } = await transferTo('2003', (ringing) => ringing.reject({ statusCode: 486 }));
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('486') } });
      await expectStillWithTheAgent(callId, atCustomer, '2003');
    });

    it('the target is not registered: the proxy refuses the customer’s INVITE and the call stays', async () => {
      const { callId, atCustomer, result } = await transferTo('2999');
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(fx.customer.referrals.at(-1)).toMatch(/^sip:2999@/);
      await expectStillWithTheAgent(callId, atCustomer, '2999');
    });

    it('the target rings but never answers: after the transfer timeout the call stays', async () => {
      fx.third.autoAnswer = false;
      let ringingAtThird: Invitation | undefined;
      const started = Date.now();
      const { callId, atCustomer, result } = await transferTo('2003', async (ringing) => {
        ringingAtThird = ringing;
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(TRANSFER_TIMEOUT_MS - 100);
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('did not answer') } });
      await ringingAtThird?.reject({ statusCode: 480 });
      await expectStillWithTheAgent(callId, atCustomer, '2003');
    });
  });
});
