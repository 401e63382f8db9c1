/**
 * Starts the project's own Kamailio (test/sip/kamailio.cfg) in the foreground on 127.0.0.1 with
 * free ports, waits until its WebSocket listener accepts TCP, and stops it by its PID only.
 * Used by the softphone's vitest suites, the Playwright phone spec and the SIP bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KAMAILIO_CONFIG = join(dirname(fileURLToPath(import.meta.url)), 'kamailio.cfg');
/** The password every account has when Kamailio runs with auth. */
export const KAMAILIO_TEST_PASSWORD = 'kefu-sip-secret';

export interface KamailioOptions {
  wsPort?: number;
  sipPort?: number;
  /** Digest auth with KAMAILIO_TEST_PASSWORD for REGISTER and INVITE. */
  auth?: boolean;
  /** Milliseconds to wait for the listener. */
  startTimeoutMs?: number;
}

export interface Kamailio {
  wsUrl: string;
  wsPort: number;
  sipPort: number;
  /** Stop and start again on the same ports (registrations are lost: usrloc is in memory). */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** The process's recent stderr, for failure messages. */
  output(): string;
}

/** A free TCP port on 127.0.0.1 (closed again before Kamailio takes it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startKamailio(options: KamailioOptions = {}): Promise<Kamailio> {
  const wsPort = options.wsPort ?? (await freePort());
  const sipPort = options.sipPort ?? (await freePort());
  const runDir = mkdtempSync(join(tmpdir(), 'kefu-kamailio-'));
  const timeoutMs = options.startTimeoutMs ?? 10_000;
  let child: ChildProcess | null = null;
  let stderr = '';

  async function start(): Promise<void> {
    const args = [
      '-f',
      KAMAILIO_CONFIG,
      '-DD',
      '-E',
      '-m',
      '64',
      '-M',
      '8',
      '-Y',
      runDir,
      '-w',
      runDir,
      '-A',
      `WS_PORT=${wsPort}`,
      '-A',
      `SIP_PORT=${sipPort}`,
    ];
    if (options.auth) args.push('-A', 'WITH_AUTH', '-A', `AUTH_PW="${KAMAILIO_TEST_PASSWORD}"`);
    // Own process group: if it ever has to be SIGKILLed, its forked workers go with it.
    const proc = spawn('kamailio', args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    child = proc;
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-8000);
    });
    const exited = new Promise<never>((_, reject) => proc.once('exit', (code) => reject(new Error(`kamailio exited with ${code}: ${stderr}`))));
    exited.catch(() => undefined);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null) await exited;
      if (await tcpOpen(wsPort)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    proc.kill('SIGKILL');
    throw new Error(`kamailio did not listen on ${wsPort} within ${timeoutMs} ms: ${stderr}`);
  }

  async function stopProcess(): Promise<void> {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    // Kamailio ignores SIGTERM while its workers are still starting: repeat it, then kill the group.
    proc.kill('SIGTERM');
    const repeat = setInterval(() => proc.kill('SIGTERM'), 300);
    const timer = setTimeout(() => {
      if (proc.pid) process.kill(-proc.pid, 'SIGKILL');
    }, 5000);
    await gone;
    clearInterval(repeat);
    clearTimeout(timer);
  }

  await start();
  return {
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    wsPort,
    sipPort,
    async restart() {
      await stopProcess();
      await start();
    },
    async stop() {
      await stopProcess();
      rmSync(runDir, { recursive: true, force: true });
    },
    output: () => stderr,
  };
}
