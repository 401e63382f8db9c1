import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../testing/harness.js';
import { createScene, goLive, setStatus, visitorChat, type Scene } from '../testing/scene.js';

interface Conv {
  id: string;
  state: string;
  agentId: string | null;
  queuePosition: number | null;
}

describe('routing (ACD) and the queue', () => {
  let scene: Scene;
  beforeAll(async () => {
    scene = await createScene();
  });
  afterAll(() => scene.dispose());

  const get = async (id: string, token = scene.admin.token): Promise<Conv> =>
    (await call<Conv>(scene.server.url, 'GET', `/api/conversations/${id}`, { token })).body;
  const load = async (agentId: string): Promise<number> => {
    const agents = (await call<{ id: string; load: number }[]>(scene.server.url, 'GET', '/api/agents', { token: scene.admin.token })).body;
    return agents.find((a) => a.id === agentId)!.load;
  };

  it('with nobody online the visitor is told to leave a message', async () => {
    const session = await call<{ agentsAvailable: boolean }>(scene.server.url, 'POST', '/api/visitor/session', { body: {} });
    expect(session.body.agentsAvailable).toBe(false);
    const start = await call<{ outcome: string }>(scene.server.url, 'POST', '/api/visitor/conversation', {
      token: (session.body as unknown as { token: string }).token,
    });
    expect(start.body).toEqual({ outcome: 'offline' });
  });

  it('an online agent who is not connected gets nothing', async () => {
    await setStatus(scene.server, scene.agent1, 'online');
    const session = await call<{ agentsAvailable: boolean }>(scene.server.url, 'POST', '/api/visitor/session', { body: {} });
    expect(session.body.agentsAvailable).toBe(false);
    await setStatus(scene.server, scene.agent1, 'away');
  });

  it('assigns new conversations to the least-loaded online agent', async () => {
    await goLive(scene, scene.agent1, 'online');
    await goLive(scene, scene.agent2, 'online');
    const first = await visitorChat(scene);
    const second = await visitorChat(scene);
    const third = await visitorChat(scene);
    const owners = [first, second, third].map((c) => c.conversationId);
    const convs = await Promise.all(owners.map((id) => get(id)));
    expect(convs.every((c) => c.state === 'active')).toBe(true);
    const a1 = await load(scene.agent1.agentId);
    const a2 = await load(scene.agent2.agentId);
    expect(a1 + a2).toBe(3);
    expect(Math.abs(a1 - a2)).toBe(1);
  });

  it('busy agents get no new conversations; full agents queue visitors with 1-based positions', async () => {
    await setStatus(scene.server, scene.agent2, 'busy');
    await call(scene.server.url, 'PATCH', `/api/admin/agents/${scene.agent1.agentId}`, {
      token: scene.admin.token,
      body: { maxConcurrent: await load(scene.agent1.agentId) },
    });
    const q1 = await visitorChat(scene);
    const q2 = await visitorChat(scene);
    expect(q1.state).toBe('queued');
    expect((await get(q1.conversationId)).queuePosition).toBe(1);
    expect((await get(q2.conversationId)).queuePosition).toBe(2);
    const queue = (await call<{ conversationId: string; position: number }[]>(scene.server.url, 'GET', '/api/queue', { token: scene.agent1.token })).body;
    expect(queue.map((e) => [e.conversationId, e.position])).toEqual([
      [q1.conversationId, 1],
      [q2.conversationId, 2],
    ]);
    // An agent sees queued conversations, and the visitor sees their own position.
    expect((await call<Conv>(scene.server.url, 'GET', `/api/conversations/${q2.conversationId}`, { token: scene.agent2.token })).status).toBe(200);
    const session = await call<{ conversation: Conv }>(scene.server.url, 'POST', '/api/visitor/session', { body: { token: q2.token } });
    expect(session.body.conversation.queuePosition).toBe(2);

    // 接收对话 by the busy agent: the head leaves the queue, the next moves up.
    const accepted = await call<Conv>(scene.server.url, 'POST', `/api/conversations/${q1.conversationId}/accept`, { token: scene.agent2.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body.agentId).toBe(scene.agent2.agentId);
    expect((await get(q2.conversationId)).queuePosition).toBe(1);
    const again = await call<{ error: { code: string } }>(scene.server.url, 'POST', `/api/conversations/${q1.conversationId}/accept`, {
      token: scene.agent1.token,
    });
    expect(again.body.error.code).toBe('INVALID_STATE');

    // A raised cap lets the queue move FIFO to the online agent.
    await call(scene.server.url, 'PATCH', `/api/admin/agents/${scene.agent1.agentId}`, { token: scene.admin.token, body: { maxConcurrent: 10 } });
    const moved = await get(q2.conversationId);
    expect(moved.state).toBe('active');
    expect(moved.agentId).toBe(scene.agent1.agentId);
  });

  it('transfers to an agent, with a system message both sides see and removal for the old agent', async () => {
    await setStatus(scene.server, scene.agent1, 'online');
    await setStatus(scene.server, scene.agent2, 'busy');
    await call(scene.server.url, 'PATCH', `/api/admin/agents/${scene.agent2.agentId}`, { token: scene.admin.token, body: { maxConcurrent: 10 } });
    const chat = await visitorChat(scene);
    const from = (await get(chat.conversationId)).agentId!;
    const fromStaff = from === scene.agent1.agentId ? scene.agent1 : scene.agent2;
    const toStaff = from === scene.agent1.agentId ? scene.agent2 : scene.agent1;
    const mark = toStaff.ws!.frames.length;
    const res = await call<Conv>(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/transfer`, {
      token: fromStaff.token,
      body: { toAgentId: toStaff.agentId },
    });
    expect(res.status).toBe(200);
    expect(res.body.agentId).toBe(toStaff.agentId);
    await fromStaff.ws!.waitFor((f) => f.type === 'event' && f.event.type === 'conversation.removed' && f.event.conversationId === chat.conversationId);
    await toStaff.ws!.waitFor(
      (f) => f.type === 'event' && f.event.type === 'conversation.updated' && f.event.conversation.id === chat.conversationId,
      5000,
      mark,
    );
    const messages = (
      await call<{ kind: string; text: string }[]>(scene.server.url, 'GET', `/api/conversations/${chat.conversationId}/messages`, { token: chat.token })
    ).body;
    expect(messages.some((m) => m.kind === 'system' && m.text.includes('转接'))).toBe(true);
    // The old agent may no longer read it; the new one may, with its history.
    expect((await call(scene.server.url, 'GET', `/api/conversations/${chat.conversationId}/messages`, { token: fromStaff.token })).status).toBe(403);
    expect((await call(scene.server.url, 'GET', `/api/conversations/${chat.conversationId}/messages`, { token: toStaff.token })).status).toBe(200);
  });

  it('transfer to a group with nobody free puts the conversation in the queue', async () => {
    const groups = (await call<{ id: string; name: string }[]>(scene.server.url, 'GET', '/api/groups', { token: scene.agent1.token })).body;
    const tech = groups.find((g) => g.name === '技术')!;
    const chat = await visitorChat(scene);
    const owner = (await get(chat.conversationId)).agentId === scene.agent1.agentId ? scene.agent1 : scene.agent2;
    const res = await call<Conv>(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/transfer`, {
      token: owner.token,
      body: { toGroupId: tech.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('queued');
    expect(res.body.queuePosition).toBeGreaterThanOrEqual(1);
  });

  it('never lets an agent exceed 最大接线量 under racing accepts and transfers', async () => {
    await setStatus(scene.server, scene.agent1, 'away');
    await setStatus(scene.server, scene.agent2, 'away');
    // A fresh agent with cap 2, online and connected.
    const created = await call<{ id: string }>(scene.server.url, 'POST', '/api/admin/agents', {
      token: scene.admin.token,
      body: { account: 'racer', password: 'racer123', nickname: '赛跑', maxConcurrent: 2 },
    });
    expect(created.status).toBe(200);
    const racer = await (await import('../testing/harness.js')).loginAs(scene.server.url, 'racer', 'racer123');
    await goLive(scene, racer, 'busy');
    // Queue 6 visitors (nobody online) and give agent1 4 active ones to transfer away.
    const queued = await Promise.all(Array.from({ length: 6 }, () => visitorChat(scene)));
    expect(queued.every((q) => q.state === 'queued')).toBe(true);
    await call(scene.server.url, 'PATCH', `/api/admin/agents/${scene.agent1.agentId}`, { token: scene.admin.token, body: { maxConcurrent: 50 } });
    const mine = queued.slice(0, 3);
    for (const q of mine)
      expect((await call(scene.server.url, 'POST', `/api/conversations/${q.conversationId}/accept`, { token: scene.agent1.token })).status).toBe(200);
    const results = await Promise.all([
      ...queued
        .slice(3)
        .map((q) => call<{ error?: { code: string } }>(scene.server.url, 'POST', `/api/conversations/${q.conversationId}/accept`, { token: racer.token })),
      ...mine.map((q) =>
        call<{ error?: { code: string } }>(scene.server.url, 'POST', `/api/conversations/${q.conversationId}/transfer`, {
          token: scene.agent1.token,
          body: { toAgentId: racer.agentId },
        }),
      ),
    ]);
    const okCount = results.filter((r) => r.status === 200).length;
    expect(okCount).toBe(2);
    expect(results.filter((r) => r.status !== 200).every((r) => r.body.error?.code === 'CAPACITY_REACHED')).toBe(true);
    expect(await load(racer.agentId)).toBe(2);
  });
});
