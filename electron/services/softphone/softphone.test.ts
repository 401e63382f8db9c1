/**
 * The softphone against a REAL Kamailio (test/sip/) and a REAL server process: registration
 * states, calls with a plain sip.js UA as the customer (signaling-only media on both sides),
 * reject / DND / cancel, the call log written locally first and synced, and recovery after a
 * Kamailio restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionState } from 'sip.js';
import { startKamailio, type Kamailio } from '../../../test/sip/kamailio.js';
import type { PhoneState } from '../../../shared/ipc/phone.js';
import type { CallRecord } from '../../../shared/phone.js';
import { createLog } from '../logger.js';
import { removeTempDirs } from '../test-support/temp-dir.js';
import { waitFor } from '../test-support/wait-for.js';
import { createSipAgent } from './sip-agent.js';
import { DEFAULT_SOFTPHONE_TIMING } from './sip-config.js';
import { startPlainPhone, type PlainPhone } from './testing/plain-phone.js';
import { startPhoneStack, type PhoneStack } from './testing/phone-stack.js';
import { SignalingOnlySdh } from './testing/signaling-sdp.js';

let stack: PhoneStack;
let customer: PlainPhone;

beforeAll(async () => {
  stack = await startPhoneStack({ wrapUpSeconds: 30 });
  customer = await startPlainPhone({ wsUrl: stack.kamailio.wsUrl, user: '2002', password: 'kefu-sip-secret' });
}, 60_000);

afterAll(async () => {
  await customer?.stop();
  await stack?.close();
  removeTempDirs();
});

const invoke: PhoneStack['desk']['invoke'] = (channel, request) => stack.desk.invoke(channel, request);
const value = async <T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value;
};
const state = () => stack.phoneState();
const lastCall = (phone: PhoneState) => phone.calls.at(-1);
const idle = async () => waitFor('no live call', async () => (await state()).calls.length === 0);

async function pendingLocal(): Promise<CallRecord[]> {
  return value(invoke('calls:pending', undefined));
}

async function serverCalls() {
  return value(invoke('calls:list', {}));
}

describe('softphone with a real Kamailio', () => {
  it('registers the agent (已注册) with the account the admin set', async () => {
    const phone = await state();
    expect(phone.registration).toBe('registered');
    expect(phone.reason).toBeNull();
    expect(phone.availability).toBe('idle');
  });

  it('an inbound call rings, is answered, ends from the customer; the log is written locally first and synced', async () => {
    const incoming = new Promise<string>((resolve) => stack.desk.workstation.on('phone:incoming', ({ call }) => resolve(call.id)));
    const inviter = customer.call('1001');
    const callId = await incoming;
    // Ringing: already in the local log, not on the server.
    expect((await pendingLocal()).map((record) => record.id)).toContain(callId);
    expect(lastCall(await state())).toMatchObject({ id: callId, direction: 'inbound', remoteNumber: '2002', state: 'ringing' });
    await value(invoke('phone:answer', { callId }));
    await waitFor('established', async () => lastCall(await state())?.state === 'established' && inviter.state === SessionState.Established);
    expect((await state()).availability).toBe('busy');
    await inviter.bye();
    await idle();
    const afterCall = await state();
    expect(afterCall.availability).toBe('wrap-up');
    expect(afterCall.wrapUpUntil).toBeGreaterThan(Date.now());
    // In wrap-up the record waits locally for its code.
    expect((await pendingLocal()).find((record) => record.id === callId)).toMatchObject({ result: 'answered', direction: 'inbound' });
    const codes = await value(invoke('phone:wrap-up-codes', undefined));
    const code = codes[0]?.id ?? null;
    await value(invoke('phone:finish-wrap-up', { callId, wrapUpCodeId: code, note: '咨询订单' }));
    await waitFor('synced', async () => !(await pendingLocal()).some((record) => record.id === callId));
    const stored = (await serverCalls()).find((call) => call.id === callId);
    expect(stored).toMatchObject({ result: 'answered', remoteNumber: '2002', wrapUpCodeId: code, note: '咨询订单', localUri: 'sip:1001@127.0.0.1' });
    expect(stored!.answeredAt).not.toBeNull();
    expect((await state()).availability).toBe('idle');
  });

  it('an outbound call reaches established, holds and resumes, and the agent hangs up', async () => {
    customer.autoAnswer = true;
    try {
      const call = await value(invoke('phone:dial', { number: '2002' }));
      // Both sides: a re-INVITE before the far side has our ACK gets 500 (RFC 3261 §14.2).
      await waitFor('established', async () => lastCall(await state())?.state === 'established' && customer.last()?.state === SessionState.Established);
      const held = await value(invoke('phone:set-hold', { callId: call.id, hold: true }));
      expect(held).toMatchObject({ onHold: true, state: 'held' });
      const remote = customer.last()!.sessionDescriptionHandler as SignalingOnlySdh;
      expect(remote.remoteSdp).toMatch(/a=sendonly/);
      const resumed = await value(invoke('phone:set-hold', { callId: call.id, hold: false }));
      expect(resumed).toMatchObject({ onHold: false, state: 'established' });
      expect(remote.remoteSdp).toMatch(/a=sendrecv/);
      await value(invoke('phone:send-dtmf', { callId: call.id, tones: '12#' }));
      await value(invoke('phone:hang-up', { callId: call.id }));
      await idle();
      await value(invoke('phone:finish-wrap-up', { callId: call.id, wrapUpCodeId: null, note: '' }));
      await waitFor('outbound synced', async () => (await serverCalls()).find((stored) => stored.id === call.id && stored.result === 'answered'));
      expect((await serverCalls()).find((stored) => stored.id === call.id)).toMatchObject({ direction: 'outbound', remoteNumber: '2002' });
    } finally {
      customer.autoAnswer = false;
      for (const call of (await state()).calls) await invoke('phone:hang-up', { callId: call.id });
    }
  });

  it('rejecting a ringing call logs it as rejected', async () => {
    const incoming = new Promise<string>((resolve) => stack.desk.workstation.on('phone:incoming', ({ call }) => resolve(call.id)));
    const inviter = customer.call('1001');
    const callId = await incoming;
    await value(invoke('phone:reject', { callId }));
    await waitFor('customer sees the rejection', () => inviter.state === SessionState.Terminated);
    await idle();
    await waitFor('rejected synced', async () => (await serverCalls()).find((stored) => stored.id === callId && stored.result === 'rejected'));
  });

  it('do not disturb answers 486 and logs the call as busy', async () => {
    await value(invoke('phone:set-availability', { availability: 'dnd' }));
    try {
      const before = customer.rejections.length;
      const inviter = customer.call('1001');
      await waitFor('486', () => customer.rejections.length > before);
      expect(customer.rejections.at(-1)).toBe(486);
      expect(inviter.state).toBe(SessionState.Terminated);
      await waitFor('busy synced', async () => (await serverCalls()).some((stored) => stored.result === 'busy' && stored.remoteNumber === '2002'));
    } finally {
      await value(invoke('phone:set-availability', { availability: 'idle' }));
    }
  });

  it('the customer cancels while it rings: a missed call (未接来电)', async () => {
    const incoming = new Promise<string>((resolve) => stack.desk.workstation.on('phone:incoming', ({ call }) => resolve(call.id)));
    const inviter = customer.call('1001');
    const callId = await incoming;
    await inviter.cancel();
    await idle();
    await waitFor('missed synced', async () =>
      (await value(invoke('calls:list', { missed: true }))).some((stored) => stored.id === callId && stored.result === 'missed'),
    );
    expect(customer.openSessions()).toBe(0);
  });

  it('re-registers after Kamailio restarts (注册失败 → 已注册)', async () => {
    const seen: string[] = [];
    const off = stack.desk.workstation.on('phone:state-changed', (phone) => seen.push(phone.registration));
    await stack.kamailio.restart();
    await waitFor('registered again', async () => seen.includes('failed') && (await state()).registration === 'registered', 20_000);
    off();
    // The new binding works: a call reaches the agent again.
    const customer2 = await startPlainPhone({ wsUrl: stack.kamailio.wsUrl, user: '2003', password: 'kefu-sip-secret' });
    try {
      const incoming = new Promise<string>((resolve) => stack.desk.workstation.on('phone:incoming', ({ call }) => resolve(call.id)));
      const inviter = customer2.call('1001');
      const callId = await incoming;
      await value(invoke('phone:reject', { callId }));
      await waitFor('rejected', () => inviter.state === SessionState.Terminated);
    } finally {
      await customer2.stop();
    }
  }, 40_000);
});

describe('registration failure', () => {
  let kamailio: Kamailio;
  beforeAll(async () => {
    kamailio = await startKamailio({ auth: true });
  });
  afterAll(() => kamailio.stop());

  it('a wrong password ends in 注册失败 with the SIP reason and no retry loop', async () => {
    const states: string[] = [];
    const agent = createSipAgent({
      settings: { enabled: true, wsServer: kamailio.wsUrl, uri: 'sip:1009@127.0.0.1', authUser: '1009', password: 'wrong', displayName: '', iceServers: [] },
      timing: { ...DEFAULT_SOFTPHONE_TIMING, reconnect: { initialMs: 50, maxMs: 100 } },
      sessionDescriptionHandlerFactory: () => new SignalingOnlySdh(),
      onInvite: () => undefined,
      onRegistration: (next) => states.push(next),
      log: createLog('test'),
    });
    agent.start();
    await waitFor('failed', () => agent.registration().state === 'failed');
    expect(agent.registration().reason).toMatch(/^40[13] /);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(states.filter((next) => next === 'registering')).toHaveLength(1);
    await agent.stop();
    expect(agent.registration().state).toBe('unregistered');
  });
});
