/**
 * A visitor back in a long conversation: the server replays thousands of events and REST brings
 * the history in pages. The widget applies them as they come but draws once per frame, the
 * ordered message list is extended rather than sorted again for each event, and a draw reuses
 * every element already shown — so the work per event stays flat instead of growing with the
 * conversation (which froze the page). Frames are stepped by hand here.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ServerFrame } from '../../../shared/protocol/realtime.js';
import { ChatState } from './chat-state.js';
import { FrameScheduler } from './frame-scheduler.js';
import { conversationFixture, messageFixture } from './test-fixtures.js';
import { ChatView, type ChatHandlers } from './views/chat.js';

const created = (seq: number): ServerFrame => ({
  type: 'event',
  seq,
  event: { type: 'message.created', message: messageFixture({ id: `m${seq}`, seq, text: `第${seq}条` }) },
});

const noop = () => undefined;
const handlers: ChatHandlers = {
  onSend: noop,
  onDraft: noop,
  onPick: noop,
  onRetry: noop,
  onDiscard: noop,
  onEvaluate: async () => null,
  onRestart: noop,
  onLeaveMessage: noop,
  attachmentUrl: (id) => `/files/${id}`,
};

function harness() {
  const state = new ChatState(0);
  state.setConversation(conversationFixture());
  const view = new ChatView(handlers, null);
  document.body.replaceChildren(view.element);
  const frames: (() => void)[] = [];
  let draws = 0;
  const scheduler = new FrameScheduler(
    () => {
      draws++;
      view.render({ state, pending: [], connection: 'replaying', queueTimedOut: false, evaluationDone: false });
    },
    (run) => {
      frames.push(run);
      return () => frames.splice(frames.indexOf(run), 1);
    },
  );
  const nextFrame = () => frames.shift()?.();
  const shown = () => Array.from(view.element.querySelectorAll('.messages > li'));
  return { state, scheduler, nextFrame, frames, shown, draws: () => draws };
}

describe('a visitor back in a long conversation', () => {
  it('draws a replay of many events once per frame, with every message once and in order', () => {
    const h = harness();
    // One frame's worth of socket messages: 800 replayed events (jsdom is slow to build elements).
    for (let seq = 1; seq <= 800; seq++) {
      h.state.applyFrame(created(seq));
      h.scheduler.request();
    }
    expect(h.frames).toHaveLength(1);
    expect(h.draws()).toBe(0);
    h.nextFrame();
    expect(h.draws()).toBe(1);
    expect(h.shown()).toHaveLength(800);

    // The next page arrives while the visitor looks: the same elements stay, the new ones follow.
    const firstElement = h.shown()[0];
    for (let seq = 801; seq <= 1000; seq++) {
      h.state.applyFrame(created(seq));
      h.scheduler.request();
    }
    h.nextFrame();
    expect(h.draws()).toBe(2);
    const shown = h.shown();
    expect(shown).toHaveLength(1000);
    expect(shown[0]).toBe(firstElement);
    expect(shown[999]!.textContent).toContain('第1000条');
  });

  it('keeps the ordered list while messages arrive in order, and sorts again only for one that does not', () => {
    const h = harness();
    const sort = vi.spyOn(Array.prototype, 'sort');
    try {
      for (let seq = 1; seq <= 1000; seq++) {
        h.state.applyFrame(created(seq));
        h.state.messages();
      }
      expect(sort).toHaveBeenCalledTimes(1);
      // A message from a page of history older than what the replay brought: placed in seq order.
      h.state.addMessage(messageFixture({ id: 'early', seq: 0, text: '最早' }));
      expect(h.state.messages()[0]!.text).toBe('最早');
      expect(h.state.messages()).toHaveLength(1001);
      expect(sort).toHaveBeenCalledTimes(2);
    } finally {
      sort.mockRestore();
    }
  });

  it('a draw the visitor asked for runs at once and takes the pending frame with it', () => {
    const h = harness();
    h.state.applyFrame(created(1));
    h.scheduler.request();
    h.scheduler.runNow();
    expect(h.draws()).toBe(1);
    expect(h.frames).toHaveLength(0);
    expect(h.scheduler.pending).toBe(false);
  });
});
