/**
 * The real backend for the packaged-app checks: server/main.ts in its own process on 127.0.0.1
 * with a fresh data folder (seeded with the demo accounts), as the e2e tests run it; test code
 * talks to it over REST only (the test layer does not compile server code), through the same calls
 * as the workstation tests' visitor (test-support/visitor.ts). Seen from outside the workstation:
 * what the server believes about an agent, and a visitor who starts a chat.
 */
import { startServerProcess } from '../../../electron/services/test-support/server-process.js';
import { tempDir } from '../../../electron/services/test-support/temp-dir.js';
import { openVisitorChat, rest } from '../../../electron/services/test-support/visitor.js';

/** The seeded demo accounts (README, "Demo accounts"). */
export const AGENT1 = { account: 'agent1', password: 'agent123' };
export const AGENT2 = { account: 'agent2', password: 'agent123' };
const ADMIN = { account: 'admin', password: 'admin123' };

export interface Backend {
  url: string;
  agentStatus(account: string): Promise<string | undefined>;
  /** A visitor opens the widget and starts a conversation; routing assigns it. */
  visitorChat(): Promise<{ conversationId: string; state: string }>;
  /** Another agent logs in elsewhere and switches status. */
  setStatusAs(agent: { account: string; password: string }, status: 'online' | 'busy' | 'away'): Promise<void>;
  dispose(): Promise<void>;
}

export async function startBackend(): Promise<Backend> {
  const server = await startServerProcess(tempDir('kefu-backend-'));
  const admin = await rest<{ token: string }>(server.url, 'POST', '/api/auth/login', undefined, ADMIN);
  return {
    url: server.url,
    async agentStatus(account) {
      const agents = await rest<{ account: string; status: string }[]>(server.url, 'GET', '/api/agents', admin.token);
      return agents.find((agent) => agent.account === account)?.status;
    },
    async visitorChat() {
      const { conversation } = await openVisitorChat(server.url);
      return { conversationId: conversation.id, state: conversation.state };
    },
    async setStatusAs(agent, status) {
      const { token } = await rest<{ token: string }>(server.url, 'POST', '/api/auth/login', undefined, agent);
      await rest(server.url, 'PUT', '/api/me/status', token, { status });
    },
    dispose: () => server.kill('SIGTERM'),
  };
}
