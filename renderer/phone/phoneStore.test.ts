import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../shared/errors.js';
import { FakeKefu } from '../testing/fakeKefu.js';
import { provideKefu } from '../app/kefu.js';
import { usePhoneStore } from './phoneStore.js';
import { useCallLogStore } from './callLogStore.js';
import { subscribePhone } from './subscribePhone.js';
import { EMPTY_PHONE_STATE } from './phoneLogic.js';
import { callRecord, liveCall, phoneState, storedCall } from './testFixtures.js';

afterEach(() => {
  provideKefu(null);
  usePhoneStore.setState({ state: EMPTY_PHONE_STATE, cards: {}, shownCard: null, wrapUp: null, consultation: null, currentId: null, version: 0 });
  useCallLogStore.setState({ calls: [], pending: [], missedSeenAt: 0 });
});

describe('phone store', () => {
  it('asks for wrap-up when an answered call ends', () => {
    const talking = liveCall({ id: 'a', state: 'established', answeredAt: 2_000, remoteName: '张三' });
    usePhoneStore.getState().apply(phoneState({ calls: [talking] }));
    expect(usePhoneStore.getState().wrapUp).toBeNull();
    usePhoneStore.getState().apply(phoneState({ calls: [], availability: 'wrap-up', wrapUpUntil: 60_000 }));
    expect(usePhoneStore.getState().wrapUp).toEqual({ callId: 'a', remoteNumber: '13800138000', remoteName: '张三' });
  });

  it('a get-state answer older than an event does not overwrite it', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const api = new FakeKefu({ 'phone:get-state': () => ok(phoneState({ registration: 'registering' })) });
    const answerNow = api.invoke.bind(api);
    // The answer is held back until an event has arrived.
    api.invoke = (async (channel, request) => {
      await gate;
      return answerNow(channel, request);
    }) as FakeKefu['invoke'];
    provideKefu(api);
    const loading = usePhoneStore.getState().load();
    usePhoneStore.getState().apply(phoneState({ registration: 'registered' }));
    release();
    await loading;
    expect(usePhoneStore.getState().state.registration).toBe('registered');
  });

  it('events feed the stores: state, incoming card, synced calls replace pending ones', async () => {
    const api = new FakeKefu({ 'calls:pending': () => ok([callRecord({ id: 'p1' })]) });
    provideKefu(api);
    const off = subscribePhone(api);
    const ringing = liveCall({ id: 'r1' });
    api.emit('phone:state-changed', phoneState({ calls: [ringing] }));
    expect(usePhoneStore.getState().state.calls).toEqual([ringing]);
    const card = { customer: null, number: '13800138000', recentCalls: [], recentConversations: [] };
    api.emit('phone:incoming', { call: ringing, card });
    expect(usePhoneStore.getState().cards.r1).toEqual(card);
    expect(usePhoneStore.getState().shownCard).toEqual(card);
    api.emit('phone:state-changed', phoneState({ calls: [] }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useCallLogStore.getState().pending.map((p) => p.id)).toEqual(['p1']);
    api.emit('calls:updated', storedCall({ id: 'p1' }));
    expect(useCallLogStore.getState().pending).toEqual([]);
    expect(useCallLogStore.getState().calls.map((c) => c.id)).toEqual(['p1']);
    off();
    api.emit('phone:state-changed', phoneState({ registration: 'failed', reason: '403 Forbidden' }));
    expect(usePhoneStore.getState().state.registration).toBe('registered');
  });
});

describe('screen pop follows the call', () => {
  it('shows the card of the call the agent switches to, and names the wrap-up after the customer', () => {
    const cardOf = (name: string | null, number: string) => ({
      customer: name ? { id: name, name, phone: number, email: '', note: '', createdAt: 1 } : null,
      number,
      recentCalls: [],
      recentConversations: [],
    });
    const first = liveCall({ id: 'a', remoteNumber: '111' });
    const second = liveCall({ id: 'b', remoteNumber: '222' });
    const store = usePhoneStore.getState;
    store().incoming(first, cardOf('王老板', '111'));
    store().apply(phoneState({ calls: [{ ...first, state: 'established', answeredAt: 2_000 }] }));
    store().incoming(second, cardOf(null, '222'));
    expect(store().shownCard?.number).toBe('222');
    // The waiting caller hangs up; the agent is still with 王老板, whose card comes back on the next switch only.
    store().apply(
      phoneState({
        calls: [
          { ...first, state: 'established', answeredAt: 2_000 },
          { ...second, state: 'established', answeredAt: 3_000 },
        ],
      }),
    );
    store().apply(
      phoneState({
        calls: [
          { ...first, state: 'established', answeredAt: 2_000, onHold: true },
          { ...second, state: 'established', answeredAt: 3_000 },
        ],
      }),
    );
    expect(store().shownCard?.number).toBe('222');
    store().apply(phoneState({ calls: [{ ...first, state: 'established', answeredAt: 2_000 }] }));
    expect(store().shownCard?.customer?.name).toBe('王老板');
    store().apply(phoneState({ calls: [] }));
    expect(store().wrapUp).toEqual({ callId: 'a', remoteNumber: '111', remoteName: '王老板' });
  });
});
