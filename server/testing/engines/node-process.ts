/**
 * A backend node as its own process (server/main.ts), joined to others through one PostgreSQL
 * and one Redis: what the multi-node tests kill with SIGKILL and start again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess, type EngineProcess } from './process.js';
import { waitFor } from './wait-for.js';

export interface NodeProcessOptions {
  port: number;
  nodeId: string;
  databaseUrl: string;
  redisUrl: string;
  presenceGraceMs: number;
  presenceHeartbeatMs: number;
}

export function startNodeProcess(options: NodeProcessOptions): EngineProcess {
  return startProcess(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--port', String(options.port), '--data', mkdtempSync(join(tmpdir(), 'kefu-node-')), '--quiet'],
    {
      env: {
        ...process.env,
        KEFU_DATABASE_URL: options.databaseUrl,
        KEFU_REDIS_URL: options.redisUrl,
        KEFU_NODE_ID: options.nodeId,
        KEFU_PRESENCE_GRACE_MS: String(options.presenceGraceMs),
        KEFU_PRESENCE_HEARTBEAT_MS: String(options.presenceHeartbeatMs),
      },
    },
  );
}

/** Resolves once the node on this port answers its health check. */
export async function nodeReady(port: number): Promise<void> {
  await waitFor(`node on ${port}`, async () => ((await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.ok ? true : undefined), 90_000);
}
