/**
 * Parent side of a bench target running in its own process (target-child.ts): start it, ask for
 * its CPU usage around each phase, stop it by its own PID.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { trackServerPid } from './cleanup.js';

export type TargetKind = 'kefu' | 'relay';

/** What a kefu target runs on besides its data dir: PostgreSQL and the cluster bus (server/app.ts options). */
export interface KefuNodeOptions {
  databaseUrl?: string;
  redisUrl?: string;
  nodeId?: string;
}

/** Who is connected to one node's realtime hub, once the hello is done. */
export interface NodeSockets {
  agentIds: string[];
  visitorIds: string[];
}

export type ParentToChild = { type: 'usage'; id: number } | { type: 'sockets'; id: number } | { type: 'stop' };
export type ChildToParent =
  | { type: 'ready'; url: string }
  | { type: 'failed'; error: string }
  | { type: 'usage'; id: number; cpu: NodeJS.CpuUsage; rssBytes: number; loop: LoopTimes }
  | { type: 'sockets'; id: number; sockets: NodeSockets };

/** Cumulative event-loop idle/active milliseconds (performance.eventLoopUtilization()). */
export interface LoopTimes {
  idle: number;
  active: number;
}

export interface TargetUsage {
  cpu: NodeJS.CpuUsage;
  rssBytes: number;
  loop: LoopTimes;
}

export interface TargetProcess {
  kind: TargetKind;
  url: string;
  pid: number;
  usage(): Promise<TargetUsage>;
  /** Kefu targets only: who is connected to this process's hub (the relay answers with empty lists). */
  sockets(): Promise<NodeSockets>;
  stop(): Promise<void>;
}

const CHILD_ENTRY = fileURLToPath(new URL('./target-child.ts', import.meta.url));
const PROFILE_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

export async function startTargetProcess(kind: TargetKind, dataDir?: string, node: KefuNodeOptions = {}): Promise<TargetProcess> {
  const args = dataDir ? [kind, dataDir, JSON.stringify(node)] : [kind];
  // KEFU_BENCH_PROFILE=1 writes a V8 CPU profile of each target to results/ (open in Chrome DevTools).
  const profile = process.env.KEFU_BENCH_PROFILE === '1' ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [];
  const child: ChildProcess = fork(CHILD_ENTRY, args, { execArgv: ['--import', 'tsx', ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid !== undefined) trackServerPid(child.pid, exited);
  let nextId = 1;
  const pending = new Map<number, (usage: TargetUsage) => void>();
  const pendingSockets = new Map<number, (sockets: NodeSockets) => void>();
  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} target did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    child.on('message', (message: ChildToParent) => {
      switch (message.type) {
        case 'ready':
          clearTimeout(timer);
          resolve(message.url);
          break;
        case 'failed':
          clearTimeout(timer);
          reject(new Error(`${kind} target failed to start:\n${message.error}`));
          break;
        case 'usage':
          pending.get(message.id)?.({ cpu: message.cpu, rssBytes: message.rssBytes, loop: message.loop });
          pending.delete(message.id);
          break;
        case 'sockets':
          pendingSockets.get(message.id)?.(message.sockets);
          pendingSockets.delete(message.id);
          break;
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${kind} target exited early (code ${String(code)}, signal ${String(signal)})`));
    });
  });
  // A target that did not come up is not left running.
  const url = await started.catch((error: unknown) => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    throw error;
  });

  return {
    kind,
    url,
    pid: child.pid ?? -1,
    usage: () =>
      new Promise<TargetUsage>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        child.send({ type: 'usage', id } satisfies ParentToChild);
      }),
    sockets: () =>
      new Promise<NodeSockets>((resolve) => {
        const id = nextId++;
        pendingSockets.set(id, resolve);
        child.send({ type: 'sockets', id } satisfies ParentToChild);
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ type: 'stop' } satisfies ParentToChild);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
