/**
 * Who takes part: one agent (its own account, 最大接线量 above the bench's conversations) logged
 * in through the browser shell's own contract and 在线, and N visitors, each with a conversation
 * assigned to that agent and a realtime socket to send on.
 */
import { connectShell, type ShellClient } from '../../../electron/services/test-support/shell-client.js';
import { waitFor } from '../../../electron/services/test-support/wait-for.js';
import { SEED_ADMIN } from '../kefu-setup.js';
import { RealtimeConnection } from '../realtime-client.js';
import { callRoute } from '../rest-client.js';
import { clearFirstLogin } from '../first-login.js';

export const BENCH_AGENT = { account: 'catchup', password: 'catchup-pass-123', nickname: '追赶客服' } as const;

export interface BenchVisitor {
  conversationId: string;
  roomNo: string;
  connection: RealtimeConnection;
}

/** The agent, created once per server. */
export async function createAgent(serverUrl: string, conversations: number): Promise<string> {
  const admin = await callRoute(serverUrl, 'login', { body: SEED_ADMIN });
  const agent = await callRoute(serverUrl, 'createAgent', {
    token: admin.token,
    body: { ...BENCH_AGENT, role: 'agent', maxConcurrent: Math.max(conversations, 5), groupId: null },
  });
  // Its first login changes the password (and back) here, so the shell's login is not held for it.
  const first = await callRoute(serverUrl, 'login', { body: { account: BENCH_AGENT.account, password: BENCH_AGENT.password } });
  await clearFirstLogin(serverUrl, first.token, BENCH_AGENT.password);
  await callRoute(serverUrl, 'logout', { token: first.token });
  return agent.id;
}

/** Logs the agent in through the shell (as the page would) and sets 在线; resolves once the services are online. */
export async function loginThroughShell(shellUrl: string): Promise<ShellClient> {
  // The bench hears only the connection state: a catch-up's summaries are for the page.
  const shell = await connectShell(shellUrl, { events: ['connection:changed'] });
  const login = await shell.invoke('session:login', {
    account: BENCH_AGENT.account,
    password: BENCH_AGENT.password,
    rememberPassword: false,
    autoLogin: false,
    autoStart: false,
  });
  if (!login.ok) throw new Error(`login through the shell failed: ${login.error.message}`);
  await waitFor(
    'shell online',
    async () => {
      const state = await shell.invoke('connection:get-state', undefined);
      return state.ok && (state.value as { state: string }).state === 'online';
    },
    30_000,
  );
  const status = await shell.invoke('agent:set-status', { status: 'online' });
  if (!status.ok) throw new Error(`status failed: ${status.error.message}`);
  return shell;
}

export async function startVisitors(serverUrl: string, agentId: string, count: number): Promise<BenchVisitor[]> {
  const visitors: BenchVisitor[] = [];
  for (let i = 0; i < count; i++) {
    const session = await callRoute(serverUrl, 'visitorSession', { body: { name: `追赶访客${i + 1}` } });
    const started = await callRoute(serverUrl, 'visitorStart', { token: session.token });
    if (started.outcome !== 'started' || started.conversation.agentId !== agentId) {
      throw new Error(`visitor ${i + 1}: not assigned to the bench agent (${started.outcome})`);
    }
    visitors.push({
      conversationId: started.conversation.id,
      roomNo: started.conversation.roomNo,
      connection: await RealtimeConnection.open(serverUrl, session.token),
    });
  }
  return visitors;
}

export async function adminToken(serverUrl: string): Promise<string> {
  return (await callRoute(serverUrl, 'login', { body: SEED_ADMIN })).token;
}
