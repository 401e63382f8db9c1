/**
 * Starts the real parts as separate processes, the way they run for users: the backend
 * (server/main.ts) and the workstation services in their browser shell. Each gets its own data
 * folder, listens on 127.0.0.1 and can be killed with any signal and started again on the same
 * data and port — which is how the "nothing lost" tests kill things mid-conversation.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `kefu-${prefix}-`));

interface Spawned {
  child: ChildProcess;
  match: string;
  output: () => string;
}

function spawnTs(entry: string, args: string[], ready: RegExp, timeoutMs = 30_000, env: NodeJS.ProcessEnv = {}): Promise<Spawned> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test', ...env },
  });
  live.add(child);
  child.on('exit', () => live.delete(child));
  let log = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} not ready in ${timeoutMs} ms:\n${log}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      log += chunk.toString();
      if (log.length > 200_000) log = log.slice(-100_000);
      const m = log.match(ready);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ child, match: m[1] ?? m[0], output: () => log });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before it was ready:\n${log}`));
    });
  });
}

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

export interface ManagedProcess {
  readonly url: string;
  readonly dataDir: string;
  /** Kill it (default SIGKILL: no chance to flush anything). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Start it again on the same data folder and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  output(): string;
}

function managed(start: (port: number) => Promise<Spawned>, urlOf: (match: string) => string, dataDir: string): Promise<ManagedProcess> {
  let current: Spawned;
  let url = '';
  const boot = async (port: number): Promise<void> => {
    current = await start(port);
    url = urlOf(current.match);
  };
  return boot(0).then(() => ({
    get url() {
      return url;
    },
    dataDir,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      current.child.kill(signal);
      await waitExit(current.child);
    },
    async restart() {
      await boot(Number(new URL(url).port));
    },
    async stop() {
      current.child.kill('SIGTERM');
      await waitExit(current.child);
    },
    output: () => current.output(),
  }));
}

/**
 * The backend on a fresh (or given) data folder; seeds the demo accounts on first start. `env`
 * makes it a node of several (KEFU_DATABASE_URL, KEFU_REDIS_URL, KEFU_NODE_ID).
 */
export function startServer(dataDir = tempDir('server'), env: NodeJS.ProcessEnv = {}): Promise<ManagedProcess> {
  return managed(
    (port) => spawnTs('server/main.ts', ['--data', dataDir, '--port', String(port), '--quiet'], /listening on (http:\/\/127\.0\.0\.1:\d+)/, 60_000, env),
    (m) => m,
    dataDir,
  );
}

/** One agent's workstation services in the browser shell; its URL carries the shell token. */
export function startWorkstation(serverUrl: string, dataDir = tempDir('workstation')): Promise<ManagedProcess> {
  return managed(
    (port) => spawnTs('electron/services/browser-shell/main.ts', ['--server', serverUrl, '--data', dataDir, '--port', String(port)], /KEFU_SHELL_URL=(\S+)/),
    (m) => m,
    dataDir,
  );
}
