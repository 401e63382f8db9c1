import { afterEach, describe, expect, it } from 'vitest';
import { call, ManualGraceTimers, newVisitor, RealtimeClient } from '../testing/harness.js';
import { createScene, setStatus, visitorChat, type Scene } from '../testing/scene.js';
import { presenceGraceMs } from './presence.js';

interface AgentView {
  id: string;
  status: string;
  connected: boolean;
}

const scenes: Scene[] = [];
afterEach(async () => {
  for (const scene of scenes.splice(0)) await scene.dispose();
});

async function agentView(scene: Scene, agentId: string): Promise<AgentView> {
  const res = await call<AgentView[]>(scene.server.url, 'GET', '/api/agents', { token: scene.admin.token });
  return res.body.find((a) => a.id === agentId)!;
}

async function until(label: string, probe: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out: ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('presence grace period on a network drop', () => {
  it('configuration: default 30 s, env override, bad values ignored', () => {
    expect(presenceGraceMs({})).toBe(30_000);
    expect(presenceGraceMs({ KEFU_PRESENCE_GRACE_MS: '500' })).toBe(500);
    expect(presenceGraceMs({ KEFU_PRESENCE_GRACE_MS: '0' })).toBe(0);
    expect(presenceGraceMs({ KEFU_PRESENCE_GRACE_MS: '-5' })).toBe(30_000);
    expect(presenceGraceMs({ KEFU_PRESENCE_GRACE_MS: 'soon' })).toBe(30_000);
  });

  it('a dropped agent keeps status and routing during the grace period, and is routed around after it', async () => {
    const timers = new ManualGraceTimers();
    const scene = await createScene({ presenceGraceMs: 600, graceTimers: timers });
    scenes.push(scene);
    const ws = await RealtimeClient.connect(scene.server.url, scene.agent1.token);
    await setStatus(scene.server, scene.agent1, 'online');
    // The network drops: no close frame reaches the server (1006). Once the server has seen it,
    // the grace period is running.
    ws.socket.terminate();
    await until('the drop is seen', async () => timers.pending === 1);
    expect(await agentView(scene, scene.agent1.agentId)).toMatchObject({ status: 'online', connected: true });
    const during = await visitorChat(scene);
    expect(during.state).toBe('active');
    timers.fireAll();
    await until('grace over', async () => !(await agentView(scene, scene.agent1.agentId)).connected);
    expect((await agentView(scene, scene.agent1.agentId)).status).toBe('online');
    // Nobody routable any more: the widget is offered the leave-a-message form instead of an agent.
    const visitor = await newVisitor(scene.server.url);
    const after = await call<{ outcome: string }>(scene.server.url, 'POST', '/api/visitor/conversation', { token: visitor.token });
    expect(after.body.outcome).toBe('offline');
  });

  it('reconnecting within the grace period keeps the agent connected throughout; a clean close ends presence at once', async () => {
    const timers = new ManualGraceTimers();
    const scene = await createScene({ presenceGraceMs: 400, graceTimers: timers });
    scenes.push(scene);
    const first = await RealtimeClient.connect(scene.server.url, scene.agent1.token);
    await setStatus(scene.server, scene.agent1, 'online');
    first.socket.terminate();
    await until('the drop is seen', async () => timers.pending === 1);
    const again = await RealtimeClient.connect(scene.server.url, scene.agent1.token);
    scene.clients.push(again);
    // Back in time: the grace timer is cancelled, so nothing is left to fire.
    expect(timers.pending).toBe(0);
    timers.fireAll();
    expect((await agentView(scene, scene.agent1.agentId)).connected).toBe(true);
    expect((await visitorChat(scene)).state).toBe('active');
    await again.close();
    expect(timers.pending).toBe(0);
    await until('clean close ends presence', async () => !(await agentView(scene, scene.agent1.agentId)).connected);
  });
});
