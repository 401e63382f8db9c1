/**
 * The open transcript redraws only what changed. Each MessageItem render runs splitLinks on its
 * text once, so counting those calls counts message renders; a Profiler around the panel counts
 * its commits. Before memoisation every event redrew every message of the open conversation.
 */
import '../testing/setupDom.js';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup } from '@testing-library/react';
import { renderWithApp } from '../testing/renderWithApp.js';
import { conversation, message } from '../testing/fixtures.js';
import { FakeKefu } from '../testing/fakeKefu.js';
import { provideKefu } from '../app/kefu.js';
import { ok } from '../../shared/errors.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { useMessagesStore } from './messagesStore.js';
import { DialogPanel } from './DialogPanel.js';
import * as logic from './messageLogic.js';

vi.mock('./messageLogic.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./messageLogic.js')>();
  return { ...original, splitLinks: vi.fn(original.splitLinks) };
});

const renders = () => vi.mocked(logic.splitLinks).mock.calls.length;

let commits = 0;
const open = conversation({ id: 'open' });
const other = conversation({ id: 'other' });
const transcript = Array.from({ length: 50 }, (_, i) => message({ conversationId: 'open', seq: i + 1, clientId: `o-${i}` }));

beforeEach(async () => {
  provideKefu(new FakeKefu({ 'conversations:get-messages': () => ok(transcript) }));
  useConversationsStore.setState({ conversations: [open, other], selectedId: 'open', queue: [] });
  useMessagesStore.setState({ byConversation: { open: transcript, other: [] }, drafts: {} });
  commits = 0;
  vi.mocked(logic.splitLinks).mockClear();
  renderWithApp(
    <Profiler id="dialog" onRender={() => commits++}>
      <DialogPanel selfId="a1" />
    </Profiler>,
  );
  // Opening the conversation loads its messages (the same ones): let that land before counting.
  await act(async () => undefined);
});
afterEach(() => {
  cleanup();
  provideKefu(null);
});

describe('transcript rendering', () => {
  it('events about other conversations do not redraw the open one at all', () => {
    const [rendersBefore, commitsBefore] = [renders(), commits];
    expect(rendersBefore).toBeGreaterThanOrEqual(50);
    act(() => {
      useMessagesStore.getState().applyBatch([message({ conversationId: 'other', seq: 1 }), message({ conversationId: 'other', seq: 2 })]);
      useConversationsStore.getState().applyBatch([{ ...other, unread: 2, lastMessageAt: 5 }], []);
      useMessagesStore.getState().applyDraft('other', '正在输入');
    });
    expect(renders()).toBe(rendersBefore);
    expect(commits).toBe(commitsBefore);
  });

  it('a new message renders that message only, however long the transcript', () => {
    const before = renders();
    act(() => useMessagesStore.getState().applyBatch([message({ conversationId: 'open', seq: 51, clientId: 'o-50' })]));
    expect(renders() - before).toBe(1);
    act(() => useMessagesStore.getState().applyMessage(message({ conversationId: 'open', seq: 52, clientId: 'o-51' })));
    expect(renders() - before).toBe(2);
  });

  it('a change to the open conversation itself (its unread count, last message time) redraws no message', () => {
    const [rendersBefore, commitsBefore] = [renders(), commits];
    act(() => useConversationsStore.getState().applyUpdated({ ...open, lastMessageAt: 99 }));
    expect(commits).toBeGreaterThan(commitsBefore);
    expect(renders()).toBe(rendersBefore);
  });
});

describe('a long transcript', () => {
  // jsdom lays nothing out: the transcript box is 600 px high and each message 64 px, as in a page.
  const heightOf = (el: HTMLElement) => (el.classList.contains('kefu-messages') ? 600 : 64);
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return heightOf(this);
    });
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return heightOf(this);
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(() => 800);
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const height = heightOf(this);
      return { x: 0, y: 0, top: 0, left: 0, right: 800, bottom: height, width: 800, height, toJSON: () => ({}) } as DOMRect;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('is virtualised: only a window of messages is in the DOM, at the newest, with the log role kept', async () => {
    cleanup();
    const long = Array.from({ length: 2000 }, (_, i) => message({ conversationId: 'open', seq: i + 1, clientId: `l-${i}` }));
    useMessagesStore.setState({ byConversation: { open: long, other: [] }, drafts: {} });
    vi.mocked(logic.splitLinks).mockClear();
    const { container } = renderWithApp(<DialogPanel selfId="a1" />);
    await act(async () => undefined);
    const shown = Array.from(container.querySelectorAll('.kefu-msg')).map((el) => el.getAttribute('data-client-id'));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(100);
    expect(shown).toContain('l-1999');
    // Each message drawn is one in the window (measuring a row may draw it again, never the others).
    expect(renders()).toBeLessThan(3 * shown.length);
    expect(container.querySelector('[role="log"]')).not.toBeNull();

    // One more message: drawn on its own; the box grows by a row.
    const rows = container.querySelector<HTMLElement>('.kefu-msg-rows')!;
    const height = parseFloat(rows.style.height);
    act(() => useMessagesStore.getState().applyMessage(message({ conversationId: 'open', seq: 2001, clientId: 'l-2000' })));
    expect(parseFloat(rows.style.height)).toBeGreaterThan(height);
    expect(container.querySelectorAll('.kefu-msg').length).toBeLessThan(100);
  });
});
