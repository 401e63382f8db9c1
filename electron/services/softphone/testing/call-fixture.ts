/**
 * The vitest fixture of the call tests (transfer, conference): a real Kamailio + server + desk
 * (phone-stack), the customer 2002 and a third phone 2003 that answers by itself, cleanup after
 * each test so a failed one leaves no calls behind, and the small helpers every call test uses.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { SessionState, type Session } from 'sip.js';
import type { LiveCall } from '../../../../shared/ipc/phone.js';
import type { StoredCall } from '../../../../shared/phone.js';
import { KAMAILIO_TEST_PASSWORD } from '../../../../test/sip/kamailio.js';
import { removeTempDirs } from '../../test-support/temp-dir.js';
import { waitFor } from '../../test-support/wait-for.js';
import { startPlainPhone, type PlainPhone } from './plain-phone.js';
import { startPhoneStack, type PhoneStack } from './phone-stack.js';

export interface CallFixture {
  readonly stack: PhoneStack;
  /** 2002: calls the agent in the tests. */
  readonly customer: PlainPhone;
  /** 2003: answers every call by itself (autoAnswer can be turned off per test). */
  readonly third: PlainPhone;
  invoke: PhoneStack['desk']['invoke'];
  liveCall(callId: string): Promise<LiveCall | undefined>;
  /** The desk has no live call. */
  idle(): Promise<void>;
  /** The next inbound call's id at the desk. */
  nextIncoming(): Promise<string>;
  /** The customer calls the agent and the agent answers. */
  answeredInbound(): Promise<{ callId: string; atCustomer: Session }>;
  loggedCall(callId: string): Promise<StoredCall | undefined>;
}

export const established = (session: Session | undefined): boolean => session?.state === SessionState.Established;

/** An invoke's value, or the test fails with its error message. */
export async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value;
}

/** Call at the top of a test file: registers the vitest hooks and returns the fixture (filled in beforeAll). */
export function useCallFixture(options: { transferTimeoutMs?: number } = {}): CallFixture {
  let stack: PhoneStack;
  let customer: PlainPhone;
  let third: PlainPhone;
  const phones = () => [customer, third].filter(Boolean);

  beforeAll(async () => {
    stack = await startPhoneStack({ wrapUpSeconds: 0, transferTimeoutMs: options.transferTimeoutMs });
    customer = await startPlainPhone({ wsUrl: stack.kamailio.wsUrl, user: '2002', password: KAMAILIO_TEST_PASSWORD });
    third = await startPlainPhone({ wsUrl: stack.kamailio.wsUrl, user: '2003', password: KAMAILIO_TEST_PASSWORD, autoAnswer: true });
  }, 60_000);

  afterAll(async () => {
    for (const phone of phones()) {
      for (const session of phone.sessions) if (established(session)) await session.bye().catch(() => undefined);
      await phone.stop();
    }
    await stack?.close();
    removeTempDirs();
  });

  // A failed test must not leave calls behind for the next one.
  afterEach(async () => {
    for (const call of (await stack.phoneState()).calls) await fixture.invoke('phone:hang-up', { callId: call.id });
    for (const phone of phones()) for (const session of phone.sessions) if (established(session)) await session.bye().catch(() => undefined);
    third.autoAnswer = true;
    await fixture.idle();
  });

  const fixture: CallFixture = {
    get stack() {
      return stack;
    },
    get customer() {
      return customer;
    },
    get third() {
      return third;
    },
    invoke: (channel, request) => stack.desk.invoke(channel, request),
    liveCall: async (callId) => (await stack.phoneState()).calls.find((call) => call.id === callId),
    idle: async () => {
      await waitFor('no live call on the desk', async () => (await stack.phoneState()).calls.length === 0);
    },
    nextIncoming() {
      return new Promise((resolve) => {
        const off = stack.desk.workstation.on('phone:incoming', ({ call }) => {
          off();
          resolve(call.id);
        });
      });
    },
    async answeredInbound() {
      const incoming = fixture.nextIncoming();
      const atCustomer = customer.call('1001');
      const callId = await incoming;
      await value(fixture.invoke('phone:answer', { callId }));
      await waitFor('established', async () => (await fixture.liveCall(callId))?.state === 'established' && established(atCustomer));
      return { callId, atCustomer };
    },
    loggedCall: async (callId) => (await value(fixture.invoke('calls:list', {}))).find((call) => call.id === callId),
  };
  return fixture;
}
