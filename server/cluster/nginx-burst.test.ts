/**
 * Three node processes on one PostgreSQL and one Redis, behind Debian's nginx: every client uses
 * nginx's one address. 50 visitors write at once while one node is killed with SIGKILL and then
 * started again. Visitors retry a send that got no answer with the same clientId (as the widget
 * does); staff sockets that drop reconnect through nginx from their last seq (as the workstation
 * does). Afterwards every message is stored once, the admin's socket got each exactly once and in
 * order, no agent ever held more than 最大接线量, and the agents are connected again.
 *
 * The grace period is long here (10 s): on a loaded machine a node's heartbeat can be late, and a
 * short time to live would make agents flicker out of routing (multi-node.test.ts covers expiry).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../shared/index.js';
import { SEED_CREDENTIALS } from '../store/seed.js';
import { openPgConnection } from '../store/postgres/pg-db.js';
import { call, loginAs, newVisitor, RealtimeClient } from '../testing/harness.js';
import { freePort } from '../testing/engines/free-port.js';
import { startNginx, type NginxServer } from '../testing/engines/nginx.js';
import { startPostgres, type PostgresServer } from '../testing/engines/postgres.js';
import type { EngineProcess } from '../testing/engines/process.js';
import { nodeReady, startNodeProcess } from '../testing/engines/node-process.js';
import { startRedis, type RedisServer } from '../testing/engines/redis.js';
import { waitFor } from '../testing/engines/wait-for.js';

const VISITORS = 50;
const MESSAGES_EACH = 6;
type EventFrame = Extract<ServerFrame, { type: 'event' }>;

let postgres: PostgresServer;
let redis: RedisServer;
let nginx: NginxServer | null = null;
const processes = new Map<number, EngineProcess>();
let databaseUrl: string;

function startNode(port: number, nodeId: string): EngineProcess {
  const node = startNodeProcess({ port, nodeId, databaseUrl, redisUrl: redis.url, presenceGraceMs: 10_000, presenceHeartbeatMs: 500 });
  processes.set(port, node);
  return node;
}

const ready = nodeReady;

/** A staff socket that comes back through nginx from its last seq whenever it drops, keeping every frame. */
class ReconnectingStaff {
  readonly events: EventFrame[] = [];
  drops = 0;
  private socket: RealtimeClient | null = null;
  private stopped = false;
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async start(): Promise<void> {
    const lastSeq = this.events.length ? this.events[this.events.length - 1]!.seq : 0;
    const socket = await RealtimeClient.connect(this.url, this.token, lastSeq);
    this.socket = socket;
    const seen = { n: 0 };
    const collect = () => {
      const frames = socket.events();
      for (const frame of frames.slice(seen.n)) this.events.push(frame);
      seen.n = frames.length;
    };
    collect();
    socket.socket.on('message', collect);
    socket.socket.once('close', () => {
      collect();
      if (this.stopped) return;
      this.drops++;
      void this.reconnect();
    });
  }

  private async reconnect(): Promise<void> {
    await waitFor('staff socket back through nginx', async () => {
      if (this.stopped) return true;
      await this.start();
      return true;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.socket?.close();
  }
}

/** POST a message until the server answers; the same clientId makes a retry harmless. */
async function sendUntilStored(url: string, token: string, conversationId: string, clientId: string, text: string): Promise<number> {
  return waitFor(`message ${clientId} stored`, async () => {
    const res = await call<{ seq: number }>(url, 'POST', `/api/conversations/${conversationId}/messages`, {
      token,
      body: { clientId, kind: 'text', text },
    }).catch(() => null);
    return res?.status === 200 ? res.body.seq : undefined;
  });
}

let ports: number[] = [];

beforeAll(async () => {
  postgres = await startPostgres({ settings: { fsync: 'off' } });
  redis = await startRedis();
  databaseUrl = await postgres.createDatabase();
  ports = [await freePort(), await freePort(), await freePort()];
  // One node first (it migrates and seeds), then the others.
  startNode(ports[0]!, 'node-1');
  await ready(ports[0]!);
  ports.slice(1).forEach((port, i) => startNode(port, `node-${i + 2}`));
  for (const port of ports.slice(1)) await ready(port);
  nginx = await startNginx(ports);
}, 240_000);

afterAll(async () => {
  await nginx?.stop();
  for (const node of processes.values()) await node.stop();
  await redis?.stop();
  await postgres?.stop();
}, 120_000);

describe('three nodes behind nginx', () => {
  it('最大接线量 holds when accepts and transfers to one agent race on three node processes', { timeout: 180_000 }, async () => {
    const node = (i: number) => `http://127.0.0.1:${ports[i % ports.length]!}`;
    const admin = await loginAs(node(0), SEED_CREDENTIALS.admin.account, SEED_CREDENTIALS.admin.password);
    const [a1] = SEED_CREDENTIALS.agents;
    const agent1 = await loginAs(node(1), a1.account, a1.password);
    const created = await call<{ id: string }>(node(0), 'POST', '/api/admin/agents', {
      token: admin.token,
      body: { account: 'racer', password: 'racer123', nickname: '赛跑', maxConcurrent: 2 },
    });
    expect(created.status).toBe(200);
    const racer = await loginAs(node(2), 'racer', 'racer123');
    const racerSocket = await RealtimeClient.connect(node(2), racer.token);
    expect((await call(node(2), 'PUT', '/api/me/status', { token: racer.token, body: { status: 'busy' } })).status).toBe(200);
    expect((await call(node(0), 'PATCH', `/api/admin/agents/${agent1.agentId}`, { token: admin.token, body: { maxConcurrent: 50 } })).status).toBe(200);
    // Nobody online: six visitors queue; agent1 takes three of them, to transfer away.
    const queued = [];
    for (let i = 0; i < 6; i++) {
      const visitor = await newVisitor(node(i));
      const started = await call<{ conversation: { id: string; state: string } }>(node(i), 'POST', '/api/visitor/conversation', { token: visitor.token });
      expect(started.body.conversation.state).toBe('queued');
      queued.push(started.body.conversation.id);
    }
    const mine = queued.slice(0, 3);
    for (const id of mine) expect((await call(node(1), 'POST', `/api/conversations/${id}/accept`, { token: agent1.token })).status).toBe(200);
    // Three accepts by the racer and three transfers to it, spread over the three processes at once.
    const results = await Promise.all([
      ...queued.slice(3).map((id, i) => call<{ error?: { code: string } }>(node(i), 'POST', `/api/conversations/${id}/accept`, { token: racer.token })),
      ...mine.map((id, i) =>
        call<{ error?: { code: string } }>(node(i + 1), 'POST', `/api/conversations/${id}/transfer`, {
          token: agent1.token,
          body: { toAgentId: racer.agentId },
        }),
      ),
    ]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status !== 200).every((r) => r.body.error?.code === 'CAPACITY_REACHED')).toBe(true);
    const db = openPgConnection(databaseUrl);
    try {
      expect((db.prepare("SELECT COUNT(*) AS n FROM conversations WHERE agent_id = ? AND state = 'active'").get(racer.agentId) as { n: number }).n).toBe(2);
    } finally {
      db.close();
    }
    // Away again, so the burst below only involves the seeded agents.
    expect((await call(node(2), 'PUT', '/api/me/status', { token: racer.token, body: { status: 'away' } })).status).toBe(200);
    await racerSocket.close();
  });

  it(
    'a burst from 50 visitors while a node is SIGKILLed and restarted: every message once, in order; caps hold; the agents come back',
    { timeout: 300_000 },
    async () => {
      const url = nginx!.url;

      const admin = await loginAs(url, SEED_CREDENTIALS.admin.account, SEED_CREDENTIALS.admin.password);
      const watcher = new ReconnectingStaff(url, admin.token);
      await watcher.start();
      const agents: { token: string; agentId: string; socket: ReconnectingStaff }[] = [];
      for (const seeded of SEED_CREDENTIALS.agents) {
        const agent = await loginAs(url, seeded.account, seeded.password);
        const socket = new ReconnectingStaff(url, agent.token);
        await socket.start();
        expect((await call(url, 'PUT', '/api/me/status', { token: agent.token, body: { status: 'online' } })).status).toBe(200);
        agents.push({ ...agent, socket });
      }

      // Every node has heard (through the bus) that both agents are connected before visitors arrive.
      for (const port of ports) {
        await waitFor(`node ${port} sees both agents`, async () => {
          const list = await call<{ id: string; connected: boolean; status: string }[]>(`http://127.0.0.1:${port}`, 'GET', '/api/agents', {
            token: admin.token,
          });
          return agents.every((a) => list.body.find((row) => row.id === a.agentId)?.connected) ? true : undefined;
        });
      }
      const visitors = [];
      for (let i = 0; i < VISITORS; i++) {
        const visitor = await newVisitor(url);
        const started = await call<{ conversation: { id: string } }>(url, 'POST', '/api/visitor/conversation', { token: visitor.token });
        expect(started.status).toBe(200);
        visitors.push({ ...visitor, conversationId: started.body.conversation.id });
      }

      // The burst: every visitor writes its messages in order; node 1 dies in the middle and comes back.
      const sent = new Map<string, string[]>();
      const burst = Promise.all(
        visitors.map(async (visitor, v) => {
          const texts: string[] = [];
          sent.set(visitor.conversationId, texts);
          for (let m = 0; m < MESSAGES_EACH; m++) {
            const text = `访客${v}-消息${m}`;
            await sendUntilStored(url, visitor.token, visitor.conversationId, crypto.randomUUID(), text);
            texts.push(text);
          }
        }),
      );
      await waitFor('a third of the messages stored', async () =>
        [...sent.values()].reduce((n, t) => n + t.length, 0) >= (VISITORS * MESSAGES_EACH) / 3 ? true : undefined,
      );
      processes.get(ports[0]!)!.child.kill('SIGKILL');
      await processes.get(ports[0]!)!.stop();
      startNode(ports[0]!, 'node-1');
      await burst;
      await ready(ports[0]!);

      // Stored once each, in the order sent (read from PostgreSQL itself).
      const db = openPgConnection(databaseUrl);
      try {
        for (const [conversationId, texts] of sent) {
          const stored = db.prepare("SELECT text FROM messages WHERE conversation_id = ? AND kind = 'text' ORDER BY seq").all(conversationId) as {
            text: string;
          }[];
          expect(stored.map((r) => r.text)).toEqual(texts);
        }
        // 最大接线量 held on every node: no agent was ever given more active conversations than its cap.
        const loads = db
          .prepare(
            "SELECT a.max_concurrent AS cap, COUNT(c.id) AS n FROM agents a LEFT JOIN conversations c ON c.agent_id = a.id AND c.state = 'active' GROUP BY a.id, a.max_concurrent",
          )
          .all() as {
          cap: number;
          n: number;
        }[];
        for (const load of loads) expect(load.n).toBeLessThanOrEqual(load.cap);
      } finally {
        db.close();
      }

      // The admin's socket (reconnecting through nginx when its node died) got each message once, in order.
      const total = VISITORS * MESSAGES_EACH;
      await waitFor('every message on the admin socket', async () => {
        const n = watcher.events.filter((f) => f.event.type === 'message.created' && f.event.message.kind === 'text').length;
        return n >= total ? true : undefined;
      });
      const seqs = watcher.events.map((f) => f.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      for (const [conversationId, texts] of sent) {
        const delivered = watcher.events
          .map((f) => f.event)
          .filter((e) => e.type === 'message.created' && e.message.conversationId === conversationId && e.message.kind === 'text')
          .map((e) => (e.type === 'message.created' ? e.message.text : ''));
        expect(delivered).toEqual(texts);
      }

      // The node died under some of the staff sockets; they came back, and the agents count as connected.
      expect(watcher.drops + agents.reduce((n, a) => n + a.socket.drops, 0)).toBeGreaterThan(0);
      await waitFor('both agents connected again', async () => {
        const list = await call<{ id: string; connected: boolean }[]>(url, 'GET', '/api/agents', { token: admin.token });
        return list.status === 200 && agents.every((a) => list.body.find((row) => row.id === a.agentId)?.connected) ? true : undefined;
      });
      await watcher.stop();
      for (const agent of agents) await agent.socket.stop();
    },
  );
});
