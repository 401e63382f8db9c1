/** The agent's 头像 beside "客服 X 为您服务" in the widget's status line, while that agent serves. */
import { describe, expect, it } from 'vitest';
import { ChatState } from '../chat-state.js';
import { setLang } from '../i18n.js';
import { conversationFixture } from '../test-fixtures.js';
import { ChatView, type ChatHandlers } from './chat.js';

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

function show(state: ChatState, view: ChatView): HTMLElement {
  view.render({ state, pending: [], connection: 'open', queueTimedOut: false, evaluationDone: false });
  return view.element.querySelector<HTMLElement>('.chat-status')!;
}

describe("the agent's avatar in the widget", () => {
  it('shows the picture of the agent serving beside their name, one element across redraws, and none once ended', () => {
    setLang('zh-CN');
    const state = new ChatState(0);
    const view = new ChatView(handlers, null);
    state.setConversation(conversationFixture({ agentAvatarId: 'av-1' }));
    const status = show(state, view);
    const picture = status.querySelector('img')!;
    expect(picture.getAttribute('src')).toBe('/api/avatars/av-1');
    expect(picture.getAttribute('alt')).toBe('');
    expect(status.textContent).toBe('客服 小王 为您服务');
    expect(show(state, view).querySelector('img')).toBe(picture);

    // A new picture, or one gone since: the new address; a failed load hides it.
    state.setConversation(conversationFixture({ agentAvatarId: 'av-2' }));
    expect(show(state, view).querySelector('img')?.getAttribute('src')).toBe('/api/avatars/av-2');
    picture.dispatchEvent(new Event('error'));
    expect(picture.hidden).toBe(true);

    state.setConversation(conversationFixture({ state: 'ended', agentAvatarId: 'av-2' }));
    expect(show(state, view).querySelector('img')).toBeNull();
    state.setConversation(conversationFixture());
    expect(show(state, view).querySelector('img')).toBeNull();
  });
});
