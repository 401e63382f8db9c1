/**
 * The targets `npm run bench` measures, each started from nothing and stopped after its phases:
 *  - sqlite: one kefu server process on a fresh SQLite data dir;
 *  - relay: the bare `ws` relay (relay-baseline.ts), the floor;
 *  - postgres-1: one kefu server process on a fresh PostgreSQL database;
 *  - postgres-3-nginx: three kefu server processes on one fresh PostgreSQL database and one Redis,
 *    behind one nginx (server/deploy/nginx-site.ts, least_conn); every client connects to nginx.
 * PostgreSQL and Redis are Debian's servers (server/testing/engines), started once per run when a
 * target first needs them; PostgreSQL keeps its durability defaults unless KEFU_BENCH_PG_SETTINGS
 * says otherwise. Every process and folder is registered with cleanup.ts the moment it exists.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNginx } from '../../server/testing/engines/nginx.js';
import { startPostgres, type PostgresServer } from '../../server/testing/engines/postgres.js';
import { startRedis, type RedisServer } from '../../server/testing/engines/redis.js';
import { onCleanup } from './cleanup.js';
import type { BenchConfig, TargetName } from './config.js';
import { enableStatements } from './pg-stats.js';
import { startTargetProcess, type KefuNodeOptions, type TargetProcess } from './target-process.js';

export const TARGET_DESCRIPTIONS: Record<TargetName, string> = {
  sqlite: 'kefu server, 1 process, SQLite (fresh data dir)',
  relay: 'bare ws relay (stores nothing)',
  'postgres-1': 'kefu server, 1 process, PostgreSQL (fresh database)',
  'postgres-3-nginx': 'kefu server, 3 processes on 1 PostgreSQL + 1 Redis, behind nginx (least_conn)',
};

/** Short column titles for the table. */
export const TARGET_TITLES: Record<TargetName, string> = {
  sqlite: 'kefu SQLite',
  relay: 'bare ws relay',
  'postgres-1': 'kefu PG ×1',
  'postgres-3-nginx': 'kefu PG ×3 nginx',
};

export interface Engines {
  postgres(): Promise<PostgresServer>;
  redis(): Promise<RedisServer>;
  /** Server settings PostgreSQL runs with beyond Debian's defaults ({} = durability defaults). */
  postgresSettings: Record<string, string>;
  /** True when KEFU_TEST_DATABASE_URL points at a server the bench did not start (its settings are its own). */
  externalPostgres: boolean;
}

export function createEngines(config: BenchConfig, log: (line: string) => void): Engines {
  const postgresSettings = {
    ...config.postgresSettings,
    ...(config.postgresStatements ? { shared_preload_libraries: 'pg_stat_statements' } : {}),
  };
  let postgres: Promise<PostgresServer> | null = null;
  let redis: Promise<RedisServer> | null = null;
  return {
    postgresSettings,
    externalPostgres: Boolean(process.env.KEFU_TEST_DATABASE_URL),
    postgres() {
      if (!postgres) {
        const settingsText = Object.keys(postgresSettings).length
          ? Object.entries(postgresSettings)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')
          : 'durability defaults (fsync, synchronous_commit on)';
        log(`[engines] starting PostgreSQL — ${settingsText}`);
        const starting = startPostgres({ settings: postgresSettings });
        // Registered before it is up, so a run stopped meanwhile still stops it once it is.
        onCleanup('PostgreSQL', async () => (await starting.catch(() => null))?.stop());
        postgres = starting;
      }
      return postgres;
    },
    redis() {
      if (!redis) {
        log('[engines] starting Redis');
        const starting = startRedis();
        onCleanup('Redis', async () => (await starting.catch(() => null))?.stop());
        redis = starting;
      }
      return redis;
    },
  };
}

export interface BenchTarget {
  name: TargetName;
  /** The one address every client of this target uses (nginx for postgres-3-nginx). */
  url: string;
  /** Which population the target speaks to: the kefu API or the relay's token convention. */
  population: 'kefu' | 'relay';
  /** The server processes, each measured (CPU, event loop) around every phase. */
  nodes: TargetProcess[];
  /** PostgreSQL database of the target, for its statistics; null on SQLite and the relay. */
  databaseUrl: string | null;
  stop(): Promise<void>;
}

/** Starts `name`; whatever was started before a failure is stopped again before the error is thrown. */
export async function startBenchTarget(name: TargetName, config: BenchConfig, engines: Engines): Promise<BenchTarget> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    while (stops.length > 0) await stops.pop()!();
  };
  const dataDir = async (): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'kefu-bench-'));
    stops.push(onCleanup(`data dir ${dir}`, () => rm(dir, { recursive: true, force: true })));
    return dir;
  };
  const node = async (label: string, dir: string | undefined, options: KefuNodeOptions = {}): Promise<TargetProcess> => {
    const target = await startTargetProcess(dir ? 'kefu' : 'relay', dir, options);
    stops.push(onCleanup(`${name} ${label} (pid ${target.pid})`, () => target.stop()));
    return target;
  };
  const database = async (): Promise<string> => {
    const server = await engines.postgres();
    const url = await server.createDatabase('kefu_bench');
    stops.push(onCleanup(`database ${new URL(url).pathname.slice(1)}`, () => server.dropDatabase(url)));
    if (config.postgresStatements) await enableStatements(url);
    return url;
  };

  try {
    switch (name) {
      case 'relay': {
        const relay = await node('relay', undefined);
        return { name, url: relay.url, population: 'relay', nodes: [relay], databaseUrl: null, stop: stopAll };
      }
      case 'sqlite': {
        const server = await node('server', await dataDir());
        return { name, url: server.url, population: 'kefu', nodes: [server], databaseUrl: null, stop: stopAll };
      }
      case 'postgres-1': {
        const databaseUrl = await database();
        const server = await node('server', await dataDir(), { databaseUrl });
        return { name, url: server.url, population: 'kefu', nodes: [server], databaseUrl, stop: stopAll };
      }
      case 'postgres-3-nginx': {
        const [databaseUrl, redis] = await Promise.all([database(), engines.redis()]);
        const options = (i: number): KefuNodeOptions => ({ databaseUrl, redisUrl: redis.url, nodeId: `bench-node-${i}` });
        // The first node migrates and seeds the database; the others start on it once it is ready.
        const first = await node('node 1', await dataDir(), options(1));
        const others = await Promise.all([2, 3].map(async (i) => node(`node ${i}`, await dataDir(), options(i))));
        const nodes = [first, ...others];
        const nginx = await startNginx(nodes.map((n) => Number(new URL(n.url).port)));
        stops.push(onCleanup(`${name} nginx`, () => nginx.stop()));
        return { name, url: nginx.url, population: 'kefu', nodes, databaseUrl, stop: stopAll };
      }
    }
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}
