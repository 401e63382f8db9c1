import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AutoReplyState, CompanyAutoReply, Message } from '../../../shared/index.js';
import { call } from '../../testing/harness.js';
import { createScene, dbFingerprint, goLive, sendText, setStatus, visitorChat, type Scene } from '../../testing/scene.js';
import { sweepNotResponding } from './not-responding.js';

const COMPANY: CompanyAutoReply = {
  greetingEnabled: true,
  greeting: '您好{访客昵称}，我是{客服昵称}',
  busyEnabled: true,
  busyReply: '{客服昵称}暂时忙碌，请稍候',
  notRespondingSeconds: 0,
};

describe('auto-reply (自动应答) and the not-responding rule', () => {
  let scene: Scene;
  let url: string;

  const messages = async (token: string, conversationId: string) =>
    (await call<Message[]>(url, 'GET', `/api/conversations/${conversationId}/messages`, { token })).body;
  /** Waits (bounded) until the conversation holds `count` messages matching `match`. */
  const waitForMessages = async (token: string, conversationId: string, match: (m: Message) => boolean, count: number): Promise<Message[]> => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = (await messages(token, conversationId)).filter(match);
      if (found.length >= count || Date.now() > deadline) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const setCompany = (body: CompanyAutoReply) => call<CompanyAutoReply>(url, 'PUT', '/api/admin/auto-reply', { token: scene.admin.token, body });
  const auto = (m: Message) => m.clientId.startsWith('auto-');

  beforeEach(async () => {
    scene = await createScene();
    url = scene.server.url;
  });
  afterEach(() => scene.dispose());

  it('is off by default; sends nothing', async () => {
    await goLive(scene, scene.agent1, 'online');
    const chat = await visitorChat(scene, { name: '张三' });
    await sendText(scene, chat.token, chat.conversationId, '在吗');
    // Run what the engine would do on its next turn, then look: still only the visitor's message.
    scene.server.flushAutoReply();
    expect((await messages(chat.token, chat.conversationId)).map((m) => m.sender)).toEqual(['visitor']);
  });

  it('greets once per assignment as the agent, with variables filled, through the message path', async () => {
    expect((await setCompany(COMPANY)).status).toBe(200);
    await goLive(scene, scene.agent1, 'online');
    const chat = await visitorChat(scene, { name: '张三' });
    const [greeting] = await waitForMessages(chat.token, chat.conversationId, auto, 1);
    expect(greeting).toMatchObject({ sender: 'agent', senderId: scene.agent1.agentId, kind: 'text', text: '您好张三，我是小王', seq: 1 });
    // The agent's workstation got it as a durable event, like any message.
    await scene.agent1.ws!.waitFor((f) => f.type === 'event' && f.event.type === 'message.created' && f.event.message.id === greeting!.id);
    // More conversation updates (evaluation pushed) do not greet again.
    expect((await call(url, 'POST', `/api/conversations/${chat.conversationId}/push-evaluation`, { token: scene.agent1.token })).status).toBe(200);
    await sendText(scene, scene.agent1.token, chat.conversationId, '有什么可以帮您');
    scene.server.flushAutoReply();
    expect((await messages(chat.token, chat.conversationId)).filter(auto)).toHaveLength(1);
    // The greeting does not start the visitor-silence clock of 系统关闭.
    expect(scene.server.store.conversations.byId(chat.conversationId)!.lastAgentMessageAt).not.toBeNull();
  });

  it("replies once while the agent is busy; the agent's own texts override the company default", async () => {
    await setCompany({ ...COMPANY, greetingEnabled: false });
    const mine = await call<AutoReplyState>(url, 'PUT', '/api/me/auto-reply', {
      token: scene.agent1.token,
      body: { autoReply: { greetingEnabled: false, greeting: '', busyEnabled: true, busyReply: '我是{客服昵称}，稍后回复' } },
    });
    expect(mine.status).toBe(200);
    expect(mine.body.effective.busyReply).toBe('我是{客服昵称}，稍后回复');
    await goLive(scene, scene.agent1, 'online');
    const chat = await visitorChat(scene);
    await sendText(scene, chat.token, chat.conversationId, '第一条');
    scene.server.flushAutoReply();
    expect((await messages(chat.token, chat.conversationId)).filter(auto)).toHaveLength(0);

    await setStatus(scene.server, scene.agent1, 'busy');
    await sendText(scene, chat.token, chat.conversationId, '第二条');
    await sendText(scene, chat.token, chat.conversationId, '第三条');
    const replies = await waitForMessages(chat.token, chat.conversationId, auto, 1);
    scene.server.flushAutoReply();
    expect((await messages(chat.token, chat.conversationId)).filter(auto)).toHaveLength(1);
    expect(replies[0]!.text).toBe('我是小王，稍后回复');
    const seqs = (await messages(chat.token, chat.conversationId)).map((m) => m.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));

    // Back to the company default.
    const reset = await call<AutoReplyState>(url, 'PUT', '/api/me/auto-reply', { token: scene.agent1.token, body: { autoReply: null } });
    expect(reset.body.mine).toBeNull();
    expect(reset.body.effective.busyReply).toBe(COMPANY.busyReply);
  });

  it('refuses bad auto-reply input and agents setting the company default', async () => {
    const before = dbFingerprint(scene.server);
    const byAgent = await call<{ error: { code: string } }>(url, 'PUT', '/api/admin/auto-reply', { token: scene.agent1.token, body: COMPANY });
    expect(byAgent.status).toBe(403);
    expect((await setCompany({ ...COMPANY, greeting: 'x'.repeat(501) })).status).toBe(400);
    expect((await setCompany({ ...COMPANY, notRespondingSeconds: 3 })).status).toBe(400);
    expect((await call(url, 'PUT', '/api/me/auto-reply', { token: scene.agent1.token, body: { autoReply: { ...COMPANY } } })).status).toBe(400);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('sends a conversation nobody answered back to the queue and sets the agent away (not counting the greeting)', async () => {
    await setCompany({ ...COMPANY, notRespondingSeconds: 30 });
    await goLive(scene, scene.agent1, 'online');
    const silent = await visitorChat(scene);
    await waitForMessages(silent.token, silent.conversationId, auto, 1);
    const answered = await visitorChat(scene);
    await sendText(scene, scene.agent1.token, answered.conversationId, '您好');

    scene.server.clock.advance(29_000);
    expect(sweepNotResponding(scene.server.ctx)).toEqual([]);
    scene.server.clock.advance(2_000);
    expect(sweepNotResponding(scene.server.ctx)).toEqual([silent.conversationId]);

    const row = scene.server.store.conversations.byId(silent.conversationId)!;
    expect(row.state).toBe('queued');
    expect(row.agentId).toBeNull();
    expect(scene.server.store.conversations.byId(answered.conversationId)!.state).toBe('active');
    expect(scene.server.store.agents.byId(scene.agent1.agentId)).toMatchObject({ status: 'away', notRespondingSince: scene.server.clock.now });
    await scene.agent1.ws!.waitFor((f) => f.type === 'event' && f.event.type === 'conversation.removed' && f.event.conversationId === silent.conversationId);
    // The agent's own workstation is told why (未响应), over the same agent frame as any status.
    await scene.agent1.ws!.waitFor((f) => f.type === 'agent' && f.agent.id === scene.agent1.agentId && f.agent.notRespondingSince === scene.server.clock.now);
    const system = (await messages(silent.token, silent.conversationId)).filter((m) => m.sender === 'system');
    expect(system.at(-1)?.text).toContain('未及时响应');

    // Another online agent picks it up from the queue (and greets).
    await goLive(scene, scene.agent2, 'online');
    const taken = await waitForMessages(silent.token, silent.conversationId, (m) => auto(m) && m.senderId === scene.agent2.agentId, 1);
    expect(taken).toHaveLength(1);
    expect(scene.server.store.conversations.byId(silent.conversationId)!.agentId).toBe(scene.agent2.agentId);

    // Any status the agent picks ends 未响应, 离开 included.
    await goLive(scene, scene.agent1, 'away');
    expect(scene.server.store.agents.byId(scene.agent1.agentId)).toMatchObject({ status: 'away', notRespondingSince: null });
  });
});
