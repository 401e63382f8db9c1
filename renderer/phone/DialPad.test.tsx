import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { ok } from '../../shared/errors.js';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { provideKefu } from '../app/kefu.js';
import { DialPad } from './DialPad.js';
import { usePhoneStore } from './phoneStore.js';
import { EMPTY_PHONE_STATE } from './phoneLogic.js';
import { liveCall } from './testFixtures.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
  usePhoneStore.setState({ state: EMPTY_PHONE_STATE });
});

describe('dial pad (拨号盘)', () => {
  it('refuses an invalid number and dials a valid one typed with keys', async () => {
    const api = new FakeKefu({ 'phone:dial': ({ number }) => ok(liveCall({ id: 'o1', direction: 'outbound', state: 'dialing', remoteNumber: number })) });
    provideKefu(api);
    renderWithApp(<DialPad />);
    const input = screen.getByLabelText('电话号码');
    fireEvent.change(input, { target: { value: '12ab' } });
    fireEvent.blur(input);
    expect(await screen.findByText('请输入有效号码（数字、*、#、+ 或 sip:用户@域名）')).toBeTruthy();
    expect((screen.getByRole('button', { name: '呼叫' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(input, { target: { value: '138 0013' } });
    for (const key of ['8', '0', '0', '0']) fireEvent.click(screen.getByRole('button', { name: `按键 ${key}` }));
    fireEvent.click(screen.getByRole('button', { name: '呼叫' }));
    await waitFor(() => expect(api.callsTo('phone:dial')).toEqual([{ number: '13800138000' }]));
    await waitFor(() => expect(usePhoneStore.getState().state.calls.map((c) => c.id)).toEqual(['o1']));
  });
});
