/**
 * Child-process entry that runs one bench target (the kefu server or the bare relay), so the load
 * generator never shares the target's event loop: on 2 cores each gets its own, which is fair to
 * both sides. Talks to the parent over the fork IPC channel (see target-process.ts).
 *
 *   node --import tsx test/bench/target-child.ts kefu <dataDir> ['{"databaseUrl":…,"redisUrl":…,"nodeId":…}']
 *   node --import tsx test/bench/target-child.ts relay
 */
import { performance } from 'node:perf_hooks';
import { startRelay } from './relay-baseline.js';
import type { ChildToParent, KefuNodeOptions, LoopTimes, NodeSockets, ParentToChild } from './target-process.js';

/** Who a hub client is, as far as the bench needs to know (server/domain/context.ts Principal). */
type HubPrincipal = { kind: 'visitor'; visitor: { id: string } } | { kind: 'staff'; agent: { id: string } } | null;

/** The part of server/app.ts the bench relies on (loaded by path so this file compiles alone). */
interface KefuServerModule {
  createServer(options: {
    dataDir: string;
    port: number;
    logger?: boolean;
    widgetRateLimits?: object;
    databaseUrl?: string;
    redisUrl?: string;
    nodeId?: string;
  }): Promise<{ url: string; port: number; close(): Promise<void>; hub: { clients: Set<{ principal: HubPrincipal; ready: boolean }> } }>;
}

/**
 * The load generator is, by design, a script flooding the server from one address. The widget
 * rate limits (server/http/widget-rate-limit-config.ts) stay on so their cost is measured, with
 * budgets no run can reach on the endpoints the bench uses.
 */
const UNREACHABLE = { perVisitor: 1e9, perIp: 1e9 };
const BENCH_WIDGET_LIMITS = { limits: { session: UNREACHABLE, conversation: UNREACHABLE, message: UNREACHABLE, pageView: UNREACHABLE } };

interface Running {
  url: string;
  close(): Promise<void>;
  sockets(): NodeSockets;
}

async function startTarget(kind: string | undefined, dataDir: string | undefined, nodeJson: string | undefined): Promise<Running> {
  if (kind === 'relay') {
    const relay = await startRelay();
    return { ...relay, sockets: () => ({ agentIds: [], visitorIds: [] }) };
  }
  if (kind === 'kefu') {
    if (!dataDir) throw new Error('kefu target needs a data directory');
    const node = (nodeJson ? JSON.parse(nodeJson) : {}) as KefuNodeOptions;
    const modulePath = new URL('../../server/app.ts', import.meta.url).href;
    const mod = (await import(modulePath)) as KefuServerModule;
    const server = await mod.createServer({ dataDir, port: 0, logger: false, widgetRateLimits: BENCH_WIDGET_LIMITS, ...node });
    return {
      url: server.url,
      close: () => server.close(),
      sockets: () => {
        const sockets: NodeSockets = { agentIds: [], visitorIds: [] };
        for (const client of server.hub.clients) {
          if (!client.ready || !client.principal) continue;
          if (client.principal.kind === 'staff') sockets.agentIds.push(client.principal.agent.id);
          else sockets.visitorIds.push(client.principal.visitor.id);
        }
        return sockets;
      },
    };
  }
  throw new Error(`unknown bench target ${String(kind)}`);
}

function loopTimes(): LoopTimes {
  const { idle, active } = performance.eventLoopUtilization();
  return { idle, active };
}

function send(message: ChildToParent): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('target-child.ts must be started by target-process.ts (fork with IPC)');
  const running = await startTarget(process.argv[2], process.argv[3], process.argv[4]);
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await running.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('message', (raw: ParentToChild) => {
    switch (raw.type) {
      case 'usage':
        send({ type: 'usage', id: raw.id, cpu: process.cpuUsage(), rssBytes: process.memoryUsage().rss, loop: loopTimes() });
        break;
      case 'sockets':
        send({ type: 'sockets', id: raw.id, sockets: running.sockets() });
        break;
      case 'stop':
        void stop();
        break;
    }
  });
  // The parent died or closed the channel: never outlive it.
  process.on('disconnect', () => void stop());
  send({ type: 'ready', url: running.url });
}

main().catch((error: unknown) => {
  send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
