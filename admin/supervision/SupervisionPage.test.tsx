import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi } from '../testing/fakeApi.js';
import { renderAdmin } from '../testing/renderAdmin.js';
import { adminAgent, agent, group } from '../testing/fixtures.js';
import { ok } from '../../shared/errors.js';
import { useSessionStore } from '../session/sessionStore.js';
import type { LiveConversation, SupervisedConversation, Whisper } from '../../shared/protocol/rest-supervision.js';
import type { ServerFrame } from '../../shared/protocol/realtime.js';
import type { ConnectFeed, FeedListeners } from './supervisor-socket.js';
import { SupervisionPage } from './SupervisionPage.js';

afterEach(() => cleanup());

const live = (over: Partial<LiveConversation> = {}): LiveConversation => ({
  id: 'c1',
  roomNo: '访客100001',
  visitorId: 'v1',
  visitorName: '张三',
  visitorOnline: true,
  agentId: 'a1',
  agentName: '小王',
  groupId: 'g1',
  state: 'active',
  startedBy: 'visitor',
  endedBy: null,
  valid: null,
  createdAt: 1,
  assignedAt: 1,
  endedAt: null,
  lastMessageAt: 1,
  lastMessageSeq: 1,
  queuePosition: null,
  summary: null,
  evaluationPushed: false,
  evaluation: null,
  waitingSince: null,
  lastAgentMessageAt: null,
  review: null,
  ...over,
});

/** A feed the test drives: what the server socket would push. */
function fakeFeed() {
  let listeners: FeedListeners | null = null;
  const connect: ConnectFeed = (token, given) => {
    expect(token).toBe('tok');
    listeners = given;
    return { close: () => (listeners = null) };
  };
  return { connect, push: (frame: ServerFrame) => act(() => listeners!.onFrame(frame)), ready: () => act(() => listeners!.onReady()) };
}

function setup(extra: ConstructorParameters<typeof FakeApi>[0] = {}) {
  useSessionStore.setState({ token: 'tok', admin: agent({ id: 'leader', role: 'leader', groupId: 'g1' }) });
  const rows = [live()];
  const api = new FakeApi({
    listLiveConversations: () => ok(rows),
    adminListGroups: () => ok([group({ id: 'g1', name: '售前组' })]),
    adminListAgents: () => ok([adminAgent({ id: 'a1', nickname: '小王', groupId: 'g1' })]),
    listTopics: () => ok([]),
    ...extra,
  });
  const feed = fakeFeed();
  renderAdmin(<SupervisionPage connect={feed.connect} />, api);
  return { api, feed, rows };
}

describe('SupervisionPage', () => {
  it('lists the open conversations, filters them, and re-reads the list when the socket pushes a change', async () => {
    const { api, feed, rows } = setup();
    const table = await screen.findByRole('table');
    expect(await within(table).findByText('访客100001')).toBeTruthy();
    feed.ready();
    expect(screen.getByRole('status').textContent).toBe('实时');

    const before = api.callsOf('listLiveConversations').length;
    rows.push(live({ id: 'c2', roomNo: '访客100002', state: 'queued', agentId: null, agentName: null }));
    feed.push({ type: 'event', seq: 9, event: { type: 'conversation.updated', conversation: rows[1]! } });
    expect(await within(table).findByText('访客100002')).toBeTruthy();
    expect(api.callsOf('listLiveConversations').length).toBe(before + 1);

    fireEvent.change(screen.getByRole('spinbutton', { name: '客服未回复超过（秒）' }), { target: { value: '30' } });
    await waitFor(() => expect(api.callsOf('listLiveConversations').at(-1)?.options).toEqual({ query: { noReplySeconds: 30 } }));
  });

  it('opens one read-only, whispers to the agent and shows whispers pushed live', async () => {
    const view: SupervisedConversation = {
      conversation: live(),
      messages: [
        {
          id: 'm1',
          conversationId: 'c1',
          seq: 1,
          clientId: 'x',
          sender: 'visitor',
          senderId: 'v1',
          senderName: '张三',
          kind: 'text',
          text: '订单没到',
          attachment: null,
          createdAt: 1,
        },
      ],
      whispers: [],
    };
    const sent: Whisper = {
      id: 'w1',
      conversationId: 'c1',
      clientId: 'x',
      from: 'supervisor',
      authorId: 'leader',
      authorName: '组长甲',
      text: '先核实订单号',
      createdAt: 2,
    };
    const { api, feed } = setup({ superviseConversation: () => ok(view), whisperToAgent: () => ok(sent) });
    fireEvent.click(await screen.findByRole('button', { name: '查看对话 访客100001' }));
    const transcript = await screen.findByRole('log', { name: '对话内容' });
    expect(await within(transcript).findByText('订单没到', { exact: false })).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: '悄悄话内容' }), { target: { value: '先核实订单号' } });
    fireEvent.click(screen.getByRole('button', { name: '发送悄悄话' }));
    await waitFor(() => expect(api.callsOf('whisperToAgent')).toHaveLength(1));
    expect(api.callsOf('whisperToAgent')[0]!.options).toMatchObject({ params: { id: 'c1' }, body: { text: '先核实订单号' } });

    feed.push({ type: 'event', seq: 10, event: { type: 'whisper.created', whisper: { ...sent, id: 'w2', from: 'agent', authorName: '小王', text: '好的' } } });
    const whispers = screen.getByRole('log', { name: '悄悄话' });
    expect(await within(whispers).findByText('好的', { exact: false })).toBeTruthy();
    expect(within(whispers).getByText('小王（客服回复）')).toBeTruthy();
  });
});
