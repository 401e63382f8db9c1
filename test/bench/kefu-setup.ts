/**
 * Builds the bench population on a fresh kefu server through its public API, exactly as real
 * clients would: admin creates agents (REST), each agent logs in, says hello on the realtime
 * socket and goes online; each visitor opens a session, starts a conversation (auto-assigned)
 * and connects. Fails with a clear message if any conversation is not assigned to a bench agent.
 */
import { callRoute, mapLimit } from './rest-client.js';
import { RealtimeConnection } from './realtime-client.js';
import { clearFirstLogin } from './first-login.js';
import type { BenchAgent, BenchVisitor, Population } from './load-phases.js';

export const SEED_ADMIN = { account: 'admin', password: 'admin123' } as const;
const SEED_AGENT_PASSWORD = 'agent123';
const BENCH_PASSWORD = 'bench-pass-123';
const SETUP_CONCURRENCY = 16;
const ASSIGN_WAIT_MS = 5_000;

export interface KefuSetupOptions {
  agents: number;
  visitors: number;
  maxConcurrent: number;
}

/** Seeded demo agents that are online would take conversations no bench socket watches. */
async function sendOtherAgentsAway(baseUrl: string, adminToken: string, benchAccounts: Set<string>): Promise<void> {
  const agents = await callRoute(baseUrl, 'listAgents', { token: adminToken });
  for (const agent of agents) {
    if (benchAccounts.has(agent.account) || agent.role !== 'agent' || agent.status === 'away') continue;
    const login = await callRoute(baseUrl, 'login', { body: { account: agent.account, password: SEED_AGENT_PASSWORD } }).catch(() => null);
    if (!login) throw new Error(`agent ${agent.account} is ${agent.status} and its password is unknown: it could take bench conversations`);
    await callRoute(baseUrl, 'setStatus', { token: login.token, body: { status: 'away' } });
  }
}

async function setUpAgents(baseUrl: string, adminToken: string, options: KefuSetupOptions): Promise<BenchAgent[]> {
  const accounts = Array.from({ length: options.agents }, (_, i) => `bench${String(i + 1).padStart(2, '0')}`);
  await sendOtherAgentsAway(baseUrl, adminToken, new Set(accounts));
  return mapLimit(accounts, SETUP_CONCURRENCY, async (account, i) => {
    await callRoute(baseUrl, 'createAgent', {
      token: adminToken,
      body: { account, password: BENCH_PASSWORD, nickname: `压测客服${i + 1}`, role: 'agent', maxConcurrent: options.maxConcurrent, groupId: null },
    });
    const login = await callRoute(baseUrl, 'login', { body: { account, password: BENCH_PASSWORD } });
    if (login.mustChangePassword) await clearFirstLogin(baseUrl, login.token, BENCH_PASSWORD);
    const connection = await RealtimeConnection.open(baseUrl, login.token);
    await callRoute(baseUrl, 'setStatus', { token: login.token, body: { status: 'online' } });
    return { id: login.agent.id, connection };
  });
}

async function waitForAssignment(baseUrl: string, visitorToken: string): Promise<{ id: string; agentId: string | null }> {
  const deadline = Date.now() + ASSIGN_WAIT_MS;
  for (;;) {
    const session = await callRoute(baseUrl, 'visitorSession', { body: { token: visitorToken } });
    const conversation = session.conversation;
    if (!conversation) throw new Error('visitor session lost its open conversation');
    if (conversation.state === 'active' || Date.now() > deadline) return { id: conversation.id, agentId: conversation.agentId };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function setUpVisitors(baseUrl: string, options: KefuSetupOptions, agentIds: Set<string>): Promise<BenchVisitor[]> {
  return mapLimit(
    Array.from({ length: options.visitors }, (_, i) => i),
    SETUP_CONCURRENCY,
    async (i) => {
      const session = await callRoute(baseUrl, 'visitorSession', { body: { name: `压测访客${i + 1}` } });
      const started = await callRoute(baseUrl, 'visitorStart', { token: session.token });
      if (started.outcome !== 'started') throw new Error(`visitor ${i + 1}: server answered "${started.outcome}" (no agent available?)`);
      let { id, agentId } = started.conversation;
      if (started.conversation.state !== 'active') ({ id, agentId } = await waitForAssignment(baseUrl, session.token));
      if (agentId === null || !agentIds.has(agentId)) {
        throw new Error(
          `visitor ${i + 1}: conversation ${id} was not assigned to a bench agent (agentId ${String(agentId)}) — server refused ${options.visitors} concurrent conversations?`,
        );
      }
      const connection = await RealtimeConnection.open(baseUrl, session.token);
      return { conversationId: id, agentId, visitorId: session.visitor.id, connection };
    },
  );
}

export async function setUpKefuPopulation(baseUrl: string, options: KefuSetupOptions): Promise<Population> {
  const admin = await callRoute(baseUrl, 'login', { body: SEED_ADMIN });
  const agents = await setUpAgents(baseUrl, admin.token, options);
  const visitors = await setUpVisitors(baseUrl, options, new Set(agents.map((a) => a.id)));
  return { agents, visitors };
}
