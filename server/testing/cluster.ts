/**
 * Several nodes of the server in this process, on one real PostgreSQL and one real Redis (each node
 * with its own connection, bus and sockets). `useCluster()` starts the engines before a test file's
 * tests and, after them, closes the sockets it was given, disposes the nodes and stops the engines.
 */
import { afterAll, beforeAll } from 'vitest';
import type { ServerOptions } from '../app.js';
import { startTestServer, type RealtimeClient, type TestServer } from './harness.js';
import { startPostgres, type PostgresServer } from './engines/postgres.js';
import { startRedis, type RedisServer } from './engines/redis.js';

export interface Cluster {
  /** A fresh database on the cluster's PostgreSQL, for one test's nodes. */
  createDatabase(): Promise<string>;
  /** A node on the database and the shared Redis; presence beats fast so tests need not wait long. */
  startNode(databaseUrl: string, nodeId: string, options?: Partial<ServerOptions>): Promise<TestServer>;
  /** Closes the socket when the file's tests are done. */
  track<S extends RealtimeClient>(socket: S): S;
  readonly redisUrl: string;
}

export function useCluster(): Cluster {
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

  return {
    createDatabase: () => postgres.createDatabase(),
    async startNode(databaseUrl, nodeId, options = {}) {
      const node = await startTestServer({ databaseUrl, redisUrl: redis.url, nodeId, presenceHeartbeatMs: 200, presenceGraceMs: 3_000, ...options });
      nodes.push(node);
      return node;
    },
    track(socket) {
      sockets.push(socket);
      return socket;
    },
    get redisUrl() {
      return redis.url;
    },
  };
}
