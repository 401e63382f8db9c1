/**
 * The real parts of the catch-up bench, each in its own process as users run them: the backend
 * (server/main.ts), a cuttable TCP proxy in front of it (the workstation's network), and the
 * workstation services in the browser shell, which can be stopped and started again on the same
 * data folder and port. The server can be frozen with SIGSTOP: it then accepts connections (the
 * kernel does) and answers nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, runTs, startServerProcess, type ServerProcess } from '../../../electron/services/test-support/server-process.js';
import { startTcpProxy, type TcpProxy } from '../../../electron/services/test-support/tcp-proxy.js';

export interface Shell {
  url: string;
  /** From spawn to the shell printing its page address. */
  startMs: number;
}

export interface CatchUpStack {
  /** The server itself (the bench's visitors and admin talk to it directly). */
  serverUrl: string;
  proxy: TcpProxy;
  shellDir: string;
  shell: Shell | null;
  startShell(): Promise<Shell>;
  stopShell(): Promise<void>;
  /** CPU time (user + system) the running shell process has used so far, in ms; 0 without one. */
  shellCpuMs(): number;
  freezeServer(): void;
  thawServer(): void;
  close(): Promise<void>;
}

const SHELL_START_TIMEOUT_MS = 60_000;
/** KEFU_BENCH_PROFILE=1: each run of the shell writes a V8 CPU profile here when it stops (open in Chrome DevTools). */
export const PROFILE_DIR = fileURLToPath(new URL('../results/', import.meta.url));
export const profiling = process.env.KEFU_BENCH_PROFILE === '1';
const SHELL_MAIN = fileURLToPath(new URL('../../../electron/services/browser-shell/main.ts', import.meta.url));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startCatchUpStack(): Promise<CatchUpStack> {
  const serverDir = mkdtempSync(join(tmpdir(), 'kefu-bench-server-'));
  const shellDir = mkdtempSync(join(tmpdir(), 'kefu-bench-shell-'));
  // The bench floods from one address on purpose; the widget's limits would refuse it.
  const server: ServerProcess = await startServerProcess(serverDir, 0, { KEFU_WIDGET_RATE_LIMITS: 'off' });
  const proxy = await startTcpProxy(server.port);
  let child: ChildProcess | null = null;
  let port = 0;

  const stack: CatchUpStack = {
    serverUrl: server.url,
    proxy,
    shellDir,
    shell: null,
    async startShell() {
      const started = performance.now();
      const renderer = process.env.KEFU_BENCH_RENDERER_DIR ? ['--renderer', process.env.KEFU_BENCH_RENDERER_DIR] : [];
      const args = ['--server', proxy.url, '--data', shellDir, '--port', String(port), ...renderer];
      // Node refuses --cpu-prof in NODE_OPTIONS: the profiled shell is started with it on its own command line.
      const spawned = profiling
        ? spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR, '--import', 'tsx', SHELL_MAIN, ...args], {
            cwd: REPO_ROOT,
            stdio: ['ignore', 'pipe', 'pipe'],
          })
        : runTs('electron/services/browser-shell/main.ts', args);
      child = spawned;
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`browser shell not up in ${SHELL_START_TIMEOUT_MS} ms:\n${output}`)), SHELL_START_TIMEOUT_MS);
        const onData = (chunk: Buffer) => {
          output = (output + chunk.toString()).slice(-20_000);
          const match = /KEFU_SHELL_URL=(\S+)/.exec(output);
          if (!match) return;
          clearTimeout(timer);
          resolve(match[1]!);
        };
        spawned.stdout?.on('data', onData);
        spawned.stderr?.on('data', onData);
        spawned.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`browser shell exited (${code}):\n${output}`));
        });
      });
      port = Number(new URL(url).port);
      stack.shell = { url, startMs: performance.now() - started };
      return stack.shell;
    },
    async stopShell() {
      const running = child;
      child = null;
      stack.shell = null;
      if (!running) return;
      running.kill('SIGTERM');
      await exited(running);
    },
    shellCpuMs() {
      if (!child?.pid) return 0;
      // /proc/PID/stat: utime and stime are fields 14 and 15, in clock ticks (100 a second here).
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    },
    freezeServer: () => void server.child.kill('SIGSTOP'),
    thawServer: () => void server.child.kill('SIGCONT'),
    async close() {
      await stack.stopShell();
      server.child.kill('SIGCONT');
      await proxy.close();
      await server.kill('SIGKILL');
      rmSync(serverDir, { recursive: true, force: true });
      rmSync(shellDir, { recursive: true, force: true });
    },
  };
  return stack;
}
