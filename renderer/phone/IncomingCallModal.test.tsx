import '../testing/setupDom.js';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ok } from '../../shared/errors.js';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import { IncomingCallModal } from './IncomingCallModal.js';
import { NewCustomerForm, useNewCustomer } from './NewCustomerForm.js';
import { usePhoneStore } from './phoneStore.js';
import { EMPTY_PHONE_STATE } from './phoneLogic.js';
import { liveCall, phoneState } from './testFixtures.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
  usePhoneStore.setState({ state: EMPTY_PHONE_STATE, cards: {}, shownCard: null, wrapUp: null, consultation: null, currentId: null, version: 0 });
  useNewCustomer.setState({ number: null });
});

const customer = { id: 'cu1', name: '王老板', phone: '13800138000', email: '', note: '', createdAt: 1 };

function setup() {
  const api = new FakeKefu({
    'phone:answer': ({ callId }) => ok(liveCall({ id: callId, state: 'established', answeredAt: 5_000 })),
    'phone:reject': () => ok(null),
    'phone:set-hold': ({ callId, hold }) => ok(liveCall({ id: callId, state: hold ? 'held' : 'established', onHold: hold, answeredAt: 2_000 })),
    'customers:create': (req) =>
      ok({ customer: { ...customer, id: 'cu2', name: req.name, phone: req.phone }, number: req.phone, recentCalls: [], recentConversations: [] }),
  });
  provideKefu(api);
  const stopRinging = vi.fn();
  const ring = vi.fn(() => stopRinging);
  renderWithApp(
    <>
      <IncomingCallModal ring={ring} />
      <NewCustomerForm />
    </>,
  );
  return { api, ring, stopRinging };
}

describe('incoming call (来电)', () => {
  it('shows the caller and the matched customer, rings, and answers', async () => {
    const { api, ring, stopRinging } = setup();
    const call = liveCall({ id: 'c1' });
    act(() => {
      usePhoneStore.getState().incoming(call, { customer, number: call.remoteNumber, recentCalls: [], recentConversations: [] });
      usePhoneStore.getState().apply(phoneState({ calls: [call] }));
    });
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('13800138000')).toBeTruthy();
    expect(within(dialog).getByText('王老板')).toBeTruthy();
    expect(ring).toHaveBeenCalledTimes(1);
    fireEvent.click(within(dialog).getByRole('button', { name: '接听' }));
    await waitFor(() => expect(api.callsTo('phone:answer')).toEqual([{ callId: 'c1' }]));
    // Answered: the state says established, the modal goes and the ringing stops.
    act(() => usePhoneStore.getState().apply(phoneState({ calls: [{ ...call, state: 'established', answeredAt: 5_000 }] })));
    await waitFor(() => expect(stopRinging).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole('button', { name: '接听' })).toBeNull());
  });

  it('an unknown caller shows 未知来电 with 新建客户; reject sends phone:reject', async () => {
    const { api } = setup();
    const call = liveCall({ id: 'c2', remoteNumber: '10086' });
    act(() => {
      usePhoneStore.getState().incoming(call, null);
      usePhoneStore.getState().apply(phoneState({ calls: [call] }));
    });
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('未知来电')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '新建客户' }));
    const form = await screen.findByRole('form', { name: '新建客户' });
    expect((within(form).getByLabelText('电话') as HTMLInputElement).value).toBe('10086');
    fireEvent.change(within(form).getByLabelText('姓名'), { target: { value: '  新客户 ' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(api.callsTo('customers:create')).toEqual([{ name: '新客户', phone: '10086' }]));
    await waitFor(() => expect(usePhoneStore.getState().cards.c2?.customer?.name).toBe('新客户'));
    fireEvent.click(within(dialog).getByRole('button', { name: '拒接' }));
    await waitFor(() => expect(api.callsTo('phone:reject')).toEqual([{ callId: 'c2' }]));
  });

  it('a second call during a call shows 等待中; answering it holds the first', async () => {
    const { api } = setup();
    const first = liveCall({ id: 'c1', state: 'established', answeredAt: 2_000 });
    const second = liveCall({ id: 'c3', remoteNumber: '13900139000' });
    act(() => usePhoneStore.getState().apply(phoneState({ calls: [first, second] })));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('等待中')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '接听' }));
    await waitFor(() => expect(api.callsTo('phone:answer')).toEqual([{ callId: 'c3' }]));
    const order = api.calls.map((c) => c.channel).filter((c) => c === 'phone:set-hold' || c === 'phone:answer');
    expect(order).toEqual(['phone:set-hold', 'phone:answer']);
    expect(api.callsTo('phone:set-hold')).toEqual([{ callId: 'c1', hold: true }]);
  });
});
