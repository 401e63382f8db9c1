/**
 * The REAL backend (server/main.ts) in its own process on 127.0.0.1, so a test can SIGKILL it and
 * start it again on the same data dir. Run as a process (not imported) because services must not
 * import server code (layering rule).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/**
 * node --import tsx, not the tsx binary: the binary runs the script in a child process, so a
 * SIGKILL to it would leave the real server running.
 */
export const runTs = (script: string, args: string[], env?: Record<string, string>) =>
  spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: env ? { ...process.env, ...env } : process.env,
  });

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** SIGKILL (no cleanup) by default; resolves when the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `env` adds to the inherited environment (e.g. KEFU_WIDGET_RATE_LIMITS=off for a test that floods). */
export function startServerProcess(dataDir: string, port = 0, env?: Record<string, string>): Promise<ServerProcess> {
  const child = runTs('server/main.ts', ['--data', dataDir, '--port', String(port), '--host', '127.0.0.1', '--quiet'], env);
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within 20 s:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolvePromise({
        url: match[1]!,
        port: Number(match[2]),
        child,
        kill: (signal = 'SIGKILL') =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${output}`));
    });
  });
}
