/**
 * Starts the built main bundle in its own Node process under the stand-in `electron` and drives
 * it: each method is one operation of stand-in/driver-ops.ts, run in that process. The process
 * gets a private home, config and data folder, so nothing of the machine's own is touched.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../../electron/services/test-support/temp-dir.js';
import type { DriverOps } from '../stand-in/driver-ops.js';
import type { OsFacts } from '../stand-in/os-facts.js';
import type { StandInLaunch } from '../stand-in/run-main.js';

const STAND_IN = resolve(dirname(fileURLToPath(import.meta.url)), '../stand-in');
// Absolute, so the child may run from any folder (a packaged app is not started from the repo).
const TSX_LOADER = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs');

type Plain<T> = T extends Promise<infer U> ? U : T;

export interface MainLaunch {
  main: string;
  facts: Partial<OsFacts> & Pick<OsFacts, 'platform' | 'isPackaged' | 'resourcesPath' | 'appName'>;
  env?: Record<string, string>;
  fakeIntervals?: boolean;
  /** Files to put in the private folder before the start, by path inside it (e.g. appdata/kefu-desk/kefu-desk.json). */
  files?: Record<string, string>;
}

export class MainProcess {
  private nextId = 1;
  private pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  output = '';

  constructor(
    private readonly child: ChildProcess,
    /** The private folder: home/, config/, data/. */
    readonly folder: string,
  ) {
    child.stdout?.on('data', (chunk) => (this.output += chunk));
    child.stderr?.on('data', (chunk) => (this.output += chunk));
    child.on('message', (message: { id?: number; ok?: boolean; value?: unknown; error?: string }) => {
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id!);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new Error(`${message.error}\n--- main process output ---\n${this.output.slice(-4000)}`));
    });
    child.on('exit', (code) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(`main process exited (${code})\n${this.output.slice(-4000)}`));
      this.pending.clear();
    });
  }

  call<K extends keyof DriverOps>(op: K, ...args: Parameters<DriverOps[K]>): Promise<Plain<ReturnType<DriverOps[K]>>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, op, args });
    });
  }

  stop(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** Resolves once the bundle is loaded (its top level ran); rejects with the load error. */
export async function launchMain(launch: MainLaunch): Promise<MainProcess> {
  const folder = tempDir('kefu-standin-');
  const paths = {
    userData: join(folder, 'data'),
    home: join(folder, 'home'),
    temp: join(folder, 'tmp'),
    logs: join(folder, 'logs'),
    downloads: join(folder, 'downloads'),
    appData: join(folder, 'appdata'),
  };
  for (const path of Object.values(paths)) mkdirSync(path, { recursive: true });
  for (const [path, text] of Object.entries(launch.files ?? {})) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  const options: StandInLaunch = { main: launch.main, facts: { paths, ...launch.facts }, fakeIntervals: launch.fakeIntervals ?? false };
  const child = fork(join(STAND_IN, 'run-main.ts'), [], {
    cwd: folder,
    execArgv: ['--import', TSX_LOADER, '--import', join(STAND_IN, 'register.mjs'), '--no-warnings=ExperimentalWarning'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: paths.home,
      XDG_CONFIG_HOME: join(folder, 'config'),
      XDG_DATA_HOME: join(folder, 'share'),
      KEFU_STAND_IN: JSON.stringify(options),
      ...launch.env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Structured clone, as Electron's IPC: an `undefined` request stays undefined (JSON makes it null).
    serialization: 'advanced',
  });
  const main = new MainProcess(child, folder);
  await new Promise<void>((resolve, reject) => {
    child.once('message', (message: { loaded?: boolean; error?: string }) =>
      message.loaded ? resolve() : reject(new Error(`the main bundle did not load: ${message.error}\n${main.output.slice(-4000)}`)),
    );
    child.once('exit', (code) => reject(new Error(`main process exited (${code}) before loading:\n${main.output.slice(-4000)}`)));
  });
  return main;
}
