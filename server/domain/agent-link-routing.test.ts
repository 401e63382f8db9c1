/**
 * 指定客服: the console's 接入代码 of an agent is /widget?agent=<id> (admin/widget-entry/widget-entry.ts).
 * What that link asks of the server, on both stores: the visitor's chats go to that agent even when
 * another is freer, wait for them while they are 忙碌, and a link naming no agent is refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseWidgetQuery } from '../widget/client/params.js';
import { call, newVisitor } from '../testing/harness.js';
import { createScene, goLive, visitorChat, type Scene } from '../testing/scene.js';

type Conversation = { agentId: string | null; state: string };

describe('a widget link to one agent (指定客服)', () => {
  let scene: Scene;
  beforeEach(async () => {
    scene = await createScene();
  });
  afterEach(() => scene.dispose());

  const conversation = async (id: string) => (await call<Conversation>(scene.server.url, 'GET', `/api/conversations/${id}`, { token: scene.admin.token })).body;
  /** The agent id exactly as the widget reads it from the console's link. */
  const linkAgent = (agentId: string) => parseWidgetQuery(new URL(`${scene.server.url}/widget?agent=${agentId}`).search, () => undefined).agentId;

  it('goes to the named agent even when another agent is freer', async () => {
    await goLive(scene, scene.agent1, 'online');
    await goLive(scene, scene.agent2, 'online');
    const agentId = linkAgent(scene.agent2.agentId);
    expect(agentId).toBe(scene.agent2.agentId);
    const first = await visitorChat(scene, { agentId });
    const second = await visitorChat(scene, { agentId });
    expect((await conversation(first.conversationId)).agentId).toBe(scene.agent2.agentId);
    expect((await conversation(second.conversationId)).agentId).toBe(scene.agent2.agentId);
    // agent1 (no chats) still gets the visitors who came without a name.
    expect((await conversation((await visitorChat(scene)).conversationId)).agentId).toBe(scene.agent1.agentId);
  });

  it('waits for the named agent while they are 忙碌 and reaches them when they go 在线; while they are 离开 the widget offers 留言', async () => {
    await goLive(scene, scene.agent1, 'online');
    await goLive(scene, scene.agent2, 'away');
    const visitor = await newVisitor(scene.server.url, { agentId: scene.agent2.agentId });
    const start = await call<{ outcome: string }>(scene.server.url, 'POST', '/api/visitor/conversation', { token: visitor.token });
    expect(start.body.outcome).toBe('offline');

    await goLive(scene, scene.agent2, 'busy');
    const chat = await visitorChat(scene, { agentId: scene.agent2.agentId });
    expect(await conversation(chat.conversationId)).toMatchObject({ state: 'queued', agentId: null });
    await goLive(scene, scene.agent2, 'online');
    expect(await conversation(chat.conversationId)).toMatchObject({ state: 'active', agentId: scene.agent2.agentId });
  });

  it('a link naming no agent is refused (the widget then falls back to anyone)', async () => {
    await expect(newVisitor(scene.server.url, { agentId: '0190aaaa-0000-7000-8000-000000000000' })).rejects.toThrow(/400/);
  });
});
