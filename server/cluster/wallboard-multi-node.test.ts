/**
 * 实时监控 across nodes (PostgreSQL + Redis): an agent's change on node 1 reaches a supervisor whose
 * monitor socket is on node 2 — node 1 notes the bus, node 2 recomputes from the database.
 */
import { describe, expect, it } from 'vitest';
import { SEED_CREDENTIALS } from '../store/seed.js';
import { useCluster } from '../testing/cluster.js';
import { call, loginAs, RealtimeClient } from '../testing/harness.js';

const [agent1] = SEED_CREDENTIALS.agents;
const cluster = useCluster();

describe('wallboard on several nodes', () => {
  it('a status change on node 1 is pushed to a supervisor on node 2', { timeout: 120_000 }, async () => {
    const databaseUrl = await cluster.createDatabase();
    const n1 = await cluster.startNode(databaseUrl, 'w1');
    const n2 = await cluster.startNode(databaseUrl, 'w2');
    const admin = await loginAs(n2.url, SEED_CREDENTIALS.admin.account, SEED_CREDENTIALS.admin.password);
    const supervisor = cluster.track(await RealtimeClient.open(n2.url));
    supervisor.send({ type: 'monitor.hello', token: admin.token });
    await supervisor.waitFor((f) => f.type === 'wallboard' && f.board.groupId === null);

    const agent = await loginAs(n1.url, agent1.account, agent1.password);
    cluster.track(await RealtimeClient.connect(n1.url, agent.token));
    expect((await call(n1.url, 'PUT', '/api/me/status', { token: agent.token, body: { status: 'busy' } })).status).toBe(200);
    await supervisor.waitFor(
      (f) => f.type === 'wallboard' && f.board.groupId === null && f.board.agents.some((a) => a.id === agent.agentId && a.status === 'busy'),
      30_000,
    );
  });
});
