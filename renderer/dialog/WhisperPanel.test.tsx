import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApp } from '../testing/renderWithApp.js';
import { FakeKefu } from '../testing/fakeKefu.js';
import { provideKefu } from '../app/kefu.js';
import { ok } from '../../shared/errors.js';
import type { Whisper } from '../../shared/protocol/rest-supervision.js';
import { WhisperPanel } from './WhisperPanel.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
});

const whisper = (over: Partial<Whisper>): Whisper => ({
  id: 'w1',
  conversationId: 'c1',
  clientId: '0190a000-0000-7000-8000-000000000001',
  from: 'supervisor',
  authorId: 'leader',
  authorName: '组长甲',
  text: '先核实订单号',
  createdAt: 1,
  ...over,
});

describe('WhisperPanel', () => {
  it('shows nothing until the conversation has a whisper, then the live one labelled 悄悄话, apart from the transcript', async () => {
    const api = new FakeKefu({ 'whispers:list': () => ok([]) });
    provideKefu(api);
    renderWithApp(<WhisperPanel conversationId="c1" canAnswer />);
    await waitFor(() => expect(api.callsTo('whispers:list')).toEqual([{ conversationId: 'c1' }]));
    expect(screen.queryByRole('complementary', { name: '悄悄话' })).toBeNull();

    // Another conversation's whisper is not this panel's.
    act(() => api.emit('whisper:received', whisper({ id: 'other', conversationId: 'c2', text: '别的对话' })));
    expect(screen.queryByText('别的对话')).toBeNull();
    act(() => api.emit('whisper:received', whisper({})));
    const panel = await screen.findByRole('complementary', { name: '悄悄话' });
    const log = within(panel).getByRole('log', { name: '悄悄话' });
    expect(within(log).getByRole('listitem', { name: '悄悄话 组长甲' }).textContent).toBe('组长甲（组长）先核实订单号');
    // The same whisper twice (live and listed) shows once.
    act(() => api.emit('whisper:received', whisper({})));
    expect(within(log).getAllByRole('listitem')).toHaveLength(1);
  });

  it('the agent answers; the answer is shown as theirs and a failure is said', async () => {
    let fail = true;
    const api = new FakeKefu({
      'whispers:list': () => ok([whisper({})]),
      'whispers:answer': (request) =>
        fail
          ? { ok: false, error: { code: 'INVALID_STATE', message: '对话已结束' } }
          : ok(whisper({ id: 'w2', from: 'agent', authorName: '小王', text: request.text })),
    });
    provideKefu(api);
    renderWithApp(<WhisperPanel conversationId="c1" canAnswer />);
    const input = await screen.findByRole('textbox', { name: '回复悄悄话' });
    fireEvent.change(input, { target: { value: '好的，马上核实' } });
    fireEvent.click(screen.getByRole('button', { name: '发送' }));
    expect((await screen.findByRole('alert')).textContent).toBe('悄悄话发送失败：对话已结束');
    fail = false;
    // antd drops the loading look a render after the answer came back.
    fireEvent.click(await screen.findByRole('button', { name: '发送' }));
    expect(await screen.findByText('小王（我的回复）')).toBeTruthy();
    expect(api.callsTo('whispers:answer').at(-1)).toEqual({ conversationId: 'c1', text: '好的，马上核实' });
    expect((screen.getByRole('textbox', { name: '回复悄悄话' }) as HTMLInputElement).value).toBe('');
  });

  it('no answer box once the conversation is no longer active', async () => {
    provideKefu(new FakeKefu({ 'whispers:list': () => ok([whisper({})]) }));
    renderWithApp(<WhisperPanel conversationId="c1" canAnswer={false} />);
    await screen.findByText('先核实订单号');
    expect(screen.queryByRole('textbox', { name: '回复悄悄话' })).toBeNull();
  });
});
