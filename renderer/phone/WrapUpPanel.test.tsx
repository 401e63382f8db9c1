import '../testing/setupDom.js';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ok } from '../../shared/errors.js';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import { WrapUpPanel } from './WrapUpPanel.js';
import { usePhoneStore } from './phoneStore.js';
import { EMPTY_PHONE_STATE } from './phoneLogic.js';
import { liveCall, phoneState } from './testFixtures.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
  usePhoneStore.setState({ state: EMPTY_PHONE_STATE, cards: {}, shownCard: null, wrapUp: null, consultation: null, currentId: null, version: 0 });
});

const CALL_ID = '0190a000-0000-7000-8000-00000000beef';

function setup() {
  const api = new FakeKefu({
    'phone:wrap-up-codes': () =>
      ok([
        { id: 'wrap-consulted', name: '咨询完成', enabled: true },
        { id: 'wrap-old', name: '已停用', enabled: false },
      ]),
    'phone:finish-wrap-up': () => ok(phoneState({ availability: 'idle' })),
  });
  provideKefu(api);
  renderWithApp(<WrapUpPanel />);
  // An answered call ends: the panel asks for its wrap-up.
  act(() => {
    usePhoneStore.getState().apply(phoneState({ calls: [liveCall({ id: CALL_ID, state: 'established', answeredAt: 2_000 })] }));
    usePhoneStore.getState().apply(phoneState({ calls: [], availability: 'wrap-up', wrapUpUntil: Date.now() + 30_000 }));
  });
  return api;
}

describe('wrap-up (话后处理)', () => {
  it('needs a code before it finishes', async () => {
    const api = setup();
    const form = await screen.findByRole('form', { name: '话后处理' });
    fireEvent.click(within(form).getByRole('button', { name: '完成' }));
    expect(await within(form).findByText('请选择处理结果')).toBeTruthy();
    expect(api.callsTo('phone:finish-wrap-up')).toHaveLength(0);
  });

  it('sends the chosen code and note, then goes away', async () => {
    const api = setup();
    const form = await screen.findByRole('form', { name: '话后处理' });
    await waitFor(() => expect(api.callsTo('phone:wrap-up-codes')).toHaveLength(1));
    fireEvent.mouseDown(within(form).getByRole('combobox', { name: '处理结果' }));
    expect(screen.queryByText('已停用')).toBeNull();
    fireEvent.click(await screen.findByText('咨询完成'));
    fireEvent.change(within(form).getByLabelText('备注'), { target: { value: '  已解答  ' } });
    fireEvent.click(within(form).getByRole('button', { name: '完成' }));
    await waitFor(() => expect(api.callsTo('phone:finish-wrap-up')).toEqual([{ callId: CALL_ID, wrapUpCodeId: 'wrap-consulted', note: '已解答' }]));
    await waitFor(() => expect(screen.queryByRole('form', { name: '话后处理' })).toBeNull());
    expect(usePhoneStore.getState().state.availability).toBe('idle');
  });
});
