import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeKefu } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { settings, snapshot } from '../testing/sampleSettings.js';
import { message } from '../testing/fixtures.js';
import { provideKefu } from '../app/kefu.js';
import { useSessionStore } from '../login/sessionStore.js';
import { useMessagesStore } from './messagesStore.js';
import { MessageInput } from './MessageInput.js';
import { ok } from '../../shared/errors.js';
import { LIMITS } from '../../shared/limits.js';
import type { InvokeRequest } from '../../shared/ipc/contract.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
});

function setup(sendKey: 'enter' | 'ctrl-enter') {
  const api = new FakeKefu({
    'conversations:send-message': (req: InvokeRequest<'conversations:send-message'>) =>
      ok(message({ conversationId: req.conversationId, sender: 'agent', seq: 0, delivery: 'sending', text: req.kind === 'text' ? req.text : '' })),
    'conversations:set-typing': () => ok(null),
  });
  provideKefu(api);
  useSessionStore.setState({ snapshot: snapshot({ settings: settings({ sendKey }) }) });
  useMessagesStore.setState({ byConversation: {}, drafts: {} });
  renderWithApp(<MessageInput conversationId="c1" />);
  const box = screen.getByLabelText('输入消息') as HTMLTextAreaElement;
  return { api, box };
}

const sent = (api: FakeKefu) => api.callsTo('conversations:send-message');

describe('MessageInput send key', () => {
  it('with "enter": Enter sends, Ctrl+Enter inserts a newline', async () => {
    const { api, box } = setup('enter');
    fireEvent.change(box, { target: { value: '第一行' } });
    box.setSelectionRange(3, 3);
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(box.value).toBe('第一行\n');
    expect(sent(api)).toHaveLength(0);
    fireEvent.change(box, { target: { value: '第一行\n第二行' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(sent(api)).toHaveLength(1));
    expect(sent(api)[0]).toEqual({ conversationId: 'c1', kind: 'text', text: '第一行\n第二行' });
    expect(box.value).toBe('');
    await waitFor(() => expect(useMessagesStore.getState().byConversation.c1?.[0]?.delivery).toBe('sending'));
  });

  it('with "ctrl-enter": Enter does not send, Ctrl+Enter sends', async () => {
    const { api, box } = setup('ctrl-enter');
    fireEvent.change(box, { target: { value: '你好' } });
    const enter = fireEvent.keyDown(box, { key: 'Enter' });
    // Not prevented: the textarea's own newline goes in.
    expect(enter).toBe(true);
    expect(sent(api)).toHaveLength(0);
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(sent(api)).toHaveLength(1));
    expect(sent(api)[0]).toMatchObject({ kind: 'text', text: '你好' });
  });

  it('never sends blank text and refuses text over the limit', async () => {
    const { api, box } = setup('enter');
    fireEvent.change(box, { target: { value: '   ' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    fireEvent.change(box, { target: { value: 'x'.repeat(LIMITS.messageTextMax + 1) } });
    expect(screen.getByTestId('char-counter').textContent).toBe(`${LIMITS.messageTextMax + 1}/${LIMITS.messageTextMax}`);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(await screen.findByText(`消息不能超过 ${LIMITS.messageTextMax} 个字符`)).toBeTruthy();
    expect(sent(api)).toHaveLength(0);
    expect(box.value).toHaveLength(LIMITS.messageTextMax + 1);
  });
});
