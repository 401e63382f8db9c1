/**
 * The real parts of the catch-up bench, each in its own process as users run them: the backend
 * (server/main.ts), a cuttable TCP proxy in front of it (the workstation's network), and the
 * workstation services in the browser shell, which can be stopped and started again on the same
 * data folder and port. The server can be frozen with SIGSTOP: it then accepts connections (the
 * kernel does) and answers nothing.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTs, startServerProcess, type ServerProcess } from '../../../electron/services/test-support/server-process.js';
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
  freezeServer(): void;
  thawServer(): void;
  close(): Promise<void>;
}

const SHELL_START_TIMEOUT_MS = 60_000;

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
      const spawned = runTs('electron/services/browser-shell/main.ts', ['--server', proxy.url, '--data', shellDir, '--port', String(port), ...renderer]);
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
