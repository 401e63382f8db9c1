/**
 * 实时监控 across nodes (PostgreSQL + Redis): an agent's change on node 1 reaches a supervisor whose
 * monitor socket is on node 2 — node 1 notes the bus, node 2 recomputes from the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CREDENTIALS } from '../store/seed.js';
import { call, loginAs, RealtimeClient, startTestServer, type TestServer } from '../testing/harness.js';
import { startPostgres, type PostgresServer } from '../testing/engines/postgres.js';
import { startRedis, type RedisServer } from '../testing/engines/redis.js';

const [agent1] = SEED_CREDENTIALS.agents;
let postgres: PostgresServer;
let redis: RedisServer;
const nodes: TestServer[] = [];
const sockets: RealtimeClient[] = [];

beforeAll(async () => {
  postgres = await startPostgres({ settings: { fsync: 'off' } });
  redis = await startRedis();
}, 120_000);

afterAll(async () => {
  await Promise.all(sockets.map((s) => s.close()));
  for (const node of nodes) await node.dispose();
  await redis?.stop();
  await postgres?.stop();
}, 120_000);

describe('wallboard on several nodes', () => {
  it('a status change on node 1 is pushed to a supervisor on node 2', { timeout: 120_000 }, async () => {
    const databaseUrl = await postgres.createDatabase();
    for (const nodeId of ['w1', 'w2'])
      nodes.push(await startTestServer({ databaseUrl, redisUrl: redis.url, nodeId, presenceHeartbeatMs: 200, presenceGraceMs: 3_000 }));
    const [n1, n2] = nodes as [TestServer, TestServer];
    const admin = await loginAs(n2.url, SEED_CREDENTIALS.admin.account, SEED_CREDENTIALS.admin.password);
    const supervisor = await RealtimeClient.open(n2.url);
    sockets.push(supervisor);
    supervisor.send({ type: 'monitor.hello', token: admin.token });
    await supervisor.waitFor((f) => f.type === 'wallboard' && f.board.groupId === null);

    const agent = await loginAs(n1.url, agent1.account, agent1.password);
    const agentSocket = await RealtimeClient.connect(n1.url, agent.token);
    sockets.push(agentSocket);
    expect((await call(n1.url, 'PUT', '/api/me/status', { token: agent.token, body: { status: 'busy' } })).status).toBe(200);
    await supervisor.waitFor(
      (f) => f.type === 'wallboard' && f.board.groupId === null && f.board.agents.some((a) => a.id === agent.agentId && a.status === 'busy'),
      30_000,
    );
  });
});
