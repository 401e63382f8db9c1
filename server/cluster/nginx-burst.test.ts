/**
 * Three node processes on one PostgreSQL and one Redis, behind Debian's nginx: every client uses
 * nginx's one address. 50 visitors write at once while one node is killed with SIGKILL and then
 * started again. Visitors retry a send that got no answer with the same clientId (as the widget
 * does); staff sockets that drop reconnect through nginx from their last seq (as the workstation
 * does). Afterwards every message is stored once, the admin's socket got each exactly once and in
 * order, no agent ever held more than 最大接线量, and the agents are connected again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../shared/index.js';
import { SEED_CREDENTIALS } from '../store/seed.js';
import { openPgConnection } from '../store/postgres/pg-db.js';
import { call, loginAs, newVisitor, RealtimeClient } from '../testing/harness.js';
import { freePort } from '../testing/engines/free-port.js';
import { startNginx, type NginxServer } from '../testing/engines/nginx.js';
import { startPostgres, type PostgresServer } from '../testing/engines/postgres.js';
import { startProcess, type EngineProcess } from '../testing/engines/process.js';
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
  const node = startProcess(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--data', mkdtempSync(join(tmpdir(), 'kefu-node-')), '--quiet'],
    {
      env: {
        ...process.env,
        KEFU_DATABASE_URL: databaseUrl,
        KEFU_REDIS_URL: redis.url,
        KEFU_NODE_ID: nodeId,
        KEFU_PRESENCE_GRACE_MS: '1000',
        KEFU_PRESENCE_HEARTBEAT_MS: '200',
      },
    },
  );
  processes.set(port, node);
  return node;
}

async function ready(port: number): Promise<void> {
  await waitFor(`node on ${port}`, async () => ((await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.ok ? true : undefined), 90_000);
}

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

beforeAll(async () => {
  postgres = await startPostgres({ settings: { fsync: 'off' } });
  redis = await startRedis();
  databaseUrl = await postgres.createDatabase();
}, 120_000);

afterAll(async () => {
  await nginx?.stop();
  for (const node of processes.values()) await node.stop();
  await redis?.stop();
  await postgres?.stop();
}, 120_000);

describe('three nodes behind nginx', () => {
  it(
    'a burst from 50 visitors while a node is SIGKILLed and restarted: every message once, in order; caps hold; the agents come back',
    { timeout: 300_000 },
    async () => {
      const ports = [await freePort(), await freePort(), await freePort()];
      // One node first (it migrates and seeds), then the others.
      startNode(ports[0]!, 'node-1');
      await ready(ports[0]!);
      ports.slice(1).forEach((port, i) => startNode(port, `node-${i + 2}`));
      for (const port of ports.slice(1)) await ready(port);
      nginx = await startNginx(ports);
      const url = nginx.url;

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
