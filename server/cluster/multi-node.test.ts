/**
 * Several nodes on one real PostgreSQL and one real Redis, in this process (each with its own
 * connection, bus and sockets): a chat whose visitor and agent sit on different nodes, a resume
 * on another node, routing that sees agents connected elsewhere, and a node that goes away.
 */
import { describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../shared/index.js';
import { SEED_CREDENTIALS } from '../store/seed.js';
import { useCluster } from '../testing/cluster.js';
import { call, loginAs, newVisitor, RealtimeClient } from '../testing/harness.js';
import { freePort } from '../testing/engines/free-port.js';
import { nodeReady, startNodeProcess } from '../testing/engines/node-process.js';

type EventFrame = Extract<ServerFrame, { type: 'event' }>;
const [agent1] = SEED_CREDENTIALS.agents;

const cluster = useCluster();
const startNode = (databaseUrl: string, nodeId: string) => cluster.startNode(databaseUrl, nodeId);
const connect = async (url: string, token: string, lastSeq = 0) => cluster.track(await RealtimeClient.connect(url, token, lastSeq));

const messageTexts = (socket: RealtimeClient, conversationId: string): string[] =>
  socket
    .events()
    .map((f: EventFrame) => f.event)
    .filter((e) => e.type === 'message.created' && e.message.conversationId === conversationId)
    .map((e) => (e.type === 'message.created' ? e.message.text : ''));

describe('several nodes on PostgreSQL and Redis', () => {
  it('visitor on node 1, agent on node 2: messages, typing and presence cross; a resume on node 3 has every event once', { timeout: 120_000 }, async () => {
    const databaseUrl = await cluster.createDatabase();
    const [n1, n2, n3] = [await startNode(databaseUrl, 'n1'), await startNode(databaseUrl, 'n2'), await startNode(databaseUrl, 'n3')];
    const agent = await loginAs(n2.url, agent1.account, agent1.password);
    const agentSocket = await connect(n2.url, agent.token);
    expect((await call(n2.url, 'PUT', '/api/me/status', { token: agent.token, body: { status: 'online' } })).status).toBe(200);

    // Node 1 routes to the agent connected to node 2: it sees them through node 2's presence.
    await expect
      .poll(async () => (await call<{ agentsAvailable: boolean }>(n1.url, 'POST', '/api/visitor/session', { body: {} })).body.agentsAvailable, {
        timeout: 20_000,
      })
      .toBe(true);
    const visitor = await newVisitor(n1.url);
    const started = await call<{ conversation: { id: string; state: string; agentId: string | null } }>(n1.url, 'POST', '/api/visitor/conversation', {
      token: visitor.token,
    });
    expect(started.status).toBe(200);
    expect(started.body.conversation).toMatchObject({ state: 'active', agentId: agent.agentId });
    const conversationId = started.body.conversation.id;
    const visitorSocket = await connect(n1.url, visitor.token);

    visitorSocket.send({ type: 'message.send', conversationId, message: { clientId: crypto.randomUUID(), kind: 'text', text: '你好，在吗？' } });
    await agentSocket.waitFor((f) => f.type === 'event' && f.event.type === 'message.created' && f.event.message.text === '你好，在吗？');
    agentSocket.send({ type: 'typing', conversationId, typing: true });
    await visitorSocket.waitFor((f) => f.type === 'typing' && f.typing === true);
    agentSocket.send({ type: 'message.send', conversationId, message: { clientId: crypto.randomUUID(), kind: 'text', text: '在的，请讲' } });
    await visitorSocket.waitFor((f) => f.type === 'event' && f.event.type === 'message.created' && f.event.message.text === '在的，请讲');

    // The agent's workstation drops; while it is away the visitor writes on node 1; it comes back on node 3.
    const lastSeq = Math.max(...agentSocket.events().map((f) => f.seq));
    await agentSocket.close();
    const missed = ['一', '二', '三', '四', '五'];
    for (const text of missed) visitorSocket.send({ type: 'message.send', conversationId, message: { clientId: crypto.randomUUID(), kind: 'text', text } });
    await visitorSocket.waitFor((f) => f.type === 'event' && f.event.type === 'message.created' && f.event.message.text === '五');
    const back = await connect(n3.url, agent.token, lastSeq);
    expect(messageTexts(back, conversationId)).toEqual(missed);
    const seqs = back.events().map((f) => f.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    // Live again on node 3: the next message from node 1 arrives once, after the replayed ones.
    visitorSocket.send({ type: 'message.send', conversationId, message: { clientId: crypto.randomUUID(), kind: 'text', text: '六' } });
    await back.waitFor((f) => f.type === 'event' && f.event.type === 'message.created' && f.event.message.text === '六');
    expect(messageTexts(back, conversationId)).toEqual([...missed, '六']);
  });

  it(
    'a node killed with SIGKILL: its agent counts as disconnected after the grace period on the node that remains, and routing goes around them',
    { timeout: 120_000 },
    async () => {
      const databaseUrl = await cluster.createDatabase();
      const survivor = await startNode(databaseUrl, 'survivor');
      // The doomed node is a real process, so it can die as a process does: no goodbye, no more heartbeats.
      const port = await freePort();
      const doomed = startNodeProcess({ port, nodeId: 'doomed', databaseUrl, redisUrl: cluster.redisUrl, presenceGraceMs: 1_000, presenceHeartbeatMs: 200 });
      const doomedUrl = `http://127.0.0.1:${port}`;
      await nodeReady(port);
      const agent = await loginAs(doomedUrl, agent1.account, agent1.password);
      await connect(doomedUrl, agent.token);
      expect((await call(doomedUrl, 'PUT', '/api/me/status', { token: agent.token, body: { status: 'online' } })).status).toBe(200);
      const admin = await loginAs(survivor.url, SEED_CREDENTIALS.admin.account, SEED_CREDENTIALS.admin.password);
      const watcher = await connect(survivor.url, admin.token);
      await watcher.waitFor((f) => f.type === 'agent' && f.agent.id === agent.agentId && f.agent.connected && f.agent.status === 'online');

      const from = watcher.frames.length;
      doomed.child.kill('SIGKILL');
      await watcher.waitFor((f) => f.type === 'agent' && f.agent.id === agent.agentId && !f.agent.connected, 30_000, from);
      // Nobody is left to take a chat: the survivor offers the 留言 form instead of a dead agent.
      expect((await call<{ agentsAvailable: boolean }>(survivor.url, 'POST', '/api/visitor/session', { body: {} })).body.agentsAvailable).toBe(false);
      await doomed.stop();
    },
  );
});
