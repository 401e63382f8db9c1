import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';
import { startProcess } from './process.js';
import { waitFor } from './wait-for.js';

/**
 * A real PostgreSQL for tests and benchmarks: Debian's server started in the foreground on a
 * temporary data folder and a free port of 127.0.0.1, or — when KEFU_TEST_DATABASE_URL names a
 * server the machine already runs — that one. Either way each caller gets databases of its own.
 */
export interface PostgresServer {
  /** Connection string of `database` on this server. */
  url(database: string): string;
  /** A new empty database with a unique name; returns its connection string. */
  createDatabase(prefix?: string): Promise<string>;
  dropDatabase(url: string): Promise<void>;
  stop(): Promise<void>;
}

/** Debian installs each major version under /usr/lib/postgresql/N/bin; the newest one wins. */
export function postgresBinDir(): string {
  const fromEnv = process.env.KEFU_PG_BINDIR;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error('PostgreSQL server binaries not found: install Debian package postgresql, or set KEFU_TEST_DATABASE_URL');
  return join(root, versions[0]!, 'bin');
}

let databaseCounter = 0;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function serverOn(adminUrl: string, stopServer: () => Promise<void>): PostgresServer {
  return {
    url: (database) => withDatabase(adminUrl, database),
    async createDatabase(prefix = 'kefu_test') {
      const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${++databaseCounter}`;
      await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
      return withDatabase(adminUrl, name);
    },
    async dropDatabase(url) {
      const name = new URL(url).pathname.slice(1);
      if (!/^\w+$/.test(name)) throw new Error(`not a test database: ${name}`);
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
    stop: stopServer,
  };
}

export interface StartPostgresOptions {
  /** Server settings (`-c name=value`); tests turn fsync off, the benchmark keeps the defaults. */
  settings?: Record<string, string>;
}

export async function startPostgres(opts: StartPostgresOptions = {}): Promise<PostgresServer> {
  const existing = process.env.KEFU_TEST_DATABASE_URL;
  if (existing) return serverOn(existing, async () => {});

  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'kefu-pg-'));
  const dataDir = join(dir, 'data');
  // PostgreSQL refuses to run as root: as root, the folder goes to the postgres user and the server runs as it.
  const asUser = process.getuid?.() === 0 ? postgresUser() : undefined;
  if (asUser) chownSync(dir, asUser.uid, asUser.gid);
  execFileSync(join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'kefu', '-E', 'UTF8', '--locale=C.UTF-8'], {
    stdio: 'pipe',
    ...(asUser ?? {}),
  });
  const port = await freePort();
  const settings = { listen_addresses: '127.0.0.1', max_connections: '300', ...opts.settings };
  const args = ['-D', dataDir, '-p', String(port), '-k', dir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const server = startProcess(join(bin, 'postgres'), args, asUser ?? {});
  const adminUrl = `postgres://kefu@127.0.0.1:${port}/postgres`;
  await waitFor(`PostgreSQL on port ${port} (${server.output()})`, async () => {
    if (server.child.exitCode !== null) throw new Error(`postgres exited: ${server.output()}`);
    await adminQuery(adminUrl, 'SELECT 1');
    return true;
  });
  return serverOn(adminUrl, async () => {
    // SIGINT is PostgreSQL's "fast" shutdown: connections are ended, nothing waits for clients.
    server.child.kill('SIGINT');
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}
