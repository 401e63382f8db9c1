import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';
import { startProcess } from './process.js';
import { waitFor } from './wait-for.js';

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real Redis for tests and benchmarks: Debian's redis-server in the foreground on a free port,
 * nothing saved to disk; or the server KEFU_TEST_REDIS_URL names. Tests keep apart by key and
 * channel prefix (pub/sub channels are not per database in Redis).
 */
export async function startRedis(): Promise<RedisServer> {
  const existing = process.env.KEFU_TEST_REDIS_URL;
  if (existing) return { url: existing, stop: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'kefu-redis-'));
  const port = await freePort();
  const server = startProcess('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]);
  const url = `redis://127.0.0.1:${port}`;
  await waitFor(`Redis on port ${port}`, async () => {
    if (server.child.exitCode !== null) throw new Error(`redis-server exited: ${server.output()}`);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {}); // a refused probe is the expected answer until the server listens
    try {
      await client.connect();
      return (await client.ping()) === 'PONG' ? true : undefined;
    } finally {
      client.disconnect();
    }
  });
  return {
    url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
