/**
 * The same population on the bare relay: ids are made up locally and the routing table travels
 * in the hello token (relay-baseline.ts). Visitors are spread over agents round-robin, which is
 * what least-loaded assignment yields for equal caps.
 */
import { mapLimit } from './rest-client.js';
import { RealtimeConnection } from './realtime-client.js';
import type { Population } from './load-phases.js';

export async function setUpRelayPopulation(baseUrl: string, options: { agents: number; visitors: number }): Promise<Population> {
  const agentIds = Array.from({ length: options.agents }, (_, i) => `relay-agent-${i + 1}`);
  const agents = await mapLimit(agentIds, 16, async (id) => ({ id, connection: await RealtimeConnection.open(baseUrl, `agent:${id}`) }));
  const visitors = await mapLimit(
    Array.from({ length: options.visitors }, (_, i) => i),
    16,
    async (i) => {
      const conversationId = `relay-conversation-${i + 1}`;
      const agentId = agentIds[i % agentIds.length]!;
      const connection = await RealtimeConnection.open(baseUrl, `visitor:${conversationId}:${agentId}`);
      return { conversationId, agentId, connection };
    },
  );
  return { agents, visitors };
}
