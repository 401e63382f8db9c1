import '../testing/setupDom.js';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { ok } from '../../shared/errors.js';
import type { LiveCall } from '../../shared/ipc/phone.js';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import { ActiveCallPanel } from './ActiveCallPanel.js';
import { usePhoneStore } from './phoneStore.js';
import { EMPTY_PHONE_STATE } from './phoneLogic.js';
import { liveCall, phoneState } from './testFixtures.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
  usePhoneStore.setState({ state: EMPTY_PHONE_STATE, cards: {}, shownCard: null, wrapUp: null, consultation: null, currentId: null, version: 0 });
});

const FIRST = '0190a000-0000-7000-8000-000000000001';
const SECOND = '0190a000-0000-7000-8000-000000000002';

function setup(calls: LiveCall[]) {
  const api = new FakeKefu({
    'phone:set-hold': ({ callId, hold }) => ok(liveCall({ id: callId, state: hold ? 'held' : 'established', onHold: hold, answeredAt: 2_000 })),
  });
  provideKefu(api);
  act(() => usePhoneStore.getState().apply(phoneState({ calls })));
  renderWithApp(<ActiveCallPanel />);
  return api;
}

describe('当前通话 panel', () => {
  it('says when a transfer failed and the caller is still on the line', () => {
    setup([
      liveCall({
        id: FIRST,
        state: 'established',
        answeredAt: 2_000,
        transfer: { target: '2003', state: 'failed', reason: 'the transfer target answered 486' },
      }),
    ]);
    expect(screen.getByRole('status').textContent).toContain('转接 2003 失败，通话仍保留');
    expect(screen.getByRole('status').textContent).toContain('486');
    expect(screen.getByRole('button', { name: '挂断' })).toBeTruthy();
  });

  it('call waiting: 切换到 holds the call in progress, then resumes the held one, in that order', async () => {
    const api = setup([
      liveCall({ id: FIRST, remoteNumber: '2002', state: 'held', onHold: true, answeredAt: 1_500 }),
      liveCall({ id: SECOND, remoteNumber: '2003', state: 'established', answeredAt: 2_000 }),
    ]);
    fireEvent.click(screen.getByRole('button', { name: '切换到 2002' }));
    await waitFor(() =>
      expect(api.callsTo('phone:set-hold')).toEqual([
        { callId: SECOND, hold: true },
        { callId: FIRST, hold: false },
      ]),
    );
  });
});
