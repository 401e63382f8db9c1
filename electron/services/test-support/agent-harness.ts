/**
 * A real server process, a cuttable proxy in front of it, and a workstation (real SQLite in a temp
 * dir) logged in as a seeded agent through the one dispatcher — what the nothing-lost tests share.
 */
import type { Result } from '../../../shared/errors.js';
import type { ConnectionState, InvokeChannel, InvokeRequest, InvokeResponse } from '../../../shared/ipc/contract.js';
import { createDispatcher } from '../ipc/dispatcher.js';
import { createWorkstation, type Workstation, type WorkstationOptions } from '../workstation.js';
import { createMemorySecretStore } from './memory-secret-store.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
import { tempDir } from './temp-dir.js';
import { waitFor } from './wait-for.js';

// Fast reconnects and pings keep tests short; the ack and REST limits stay generous because on a
// busy machine a real answer can take seconds, and a test must not fail for the machine's load.
export const FAST_TIMING = { reconnect: { initialMs: 50, maxMs: 400 }, pingIntervalMs: 1000, ackTimeoutMs: 15_000, restTimeoutMs: 15_000 };

export interface Desk {
  workstation: Workstation;
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<Result<InvokeResponse<C>>>;
  connection(): Promise<ConnectionState>;
}

export function openDesk(dataDir: string, serverUrl: string, timing: WorkstationOptions['timing'] = FAST_TIMING): Desk {
  const workstation = createWorkstation({ dataDir, serverUrl, secretStore: createMemorySecretStore(), timing });
  const dispatch = createDispatcher(workstation);
  const invoke = (async (channel: string, request: unknown) => dispatch(channel, request)) as Desk['invoke'];
  return {
    workstation,
    invoke,
    async connection() {
      const state = await invoke('connection:get-state', undefined);
      if (!state.ok) throw new Error(state.error.message);
      return state.value;
    },
  };
}

export async function loginOnline(desk: Desk, account = 'agent1', password = 'agent123'): Promise<void> {
  const login = await desk.invoke('session:login', { account, password, rememberPassword: false, autoLogin: false, autoStart: false });
  if (!login.ok) throw new Error(`login failed: ${login.error.message}`);
  await waitFor('realtime online', async () => (await desk.connection()).state === 'online');
  const status = await desk.invoke('agent:set-status', { status: 'online' });
  if (!status.ok) throw new Error(`status failed: ${status.error.message}`);
}

export interface Stack {
  serverDir: string;
  deskDir: string;
  server: ServerProcess;
  proxy: TcpProxy;
  /** Kill the server (SIGKILL) and start it again on the same data dir behind the same proxy. */
  restartServer(): Promise<void>;
  killServer(): Promise<void>;
  startServer(): Promise<void>;
  close(): Promise<void>;
}

/** `serverEnv`: added to the server process's environment (e.g. KEFU_WIDGET_RATE_LIMITS=off). */
export async function startStack(options: { serverEnv?: Record<string, string> } = {}): Promise<Stack> {
  const serverDir = tempDir('kefu-server-');
  const deskDir = tempDir('kefu-desk-');
  let server = await startServerProcess(serverDir, 0, options.serverEnv);
  const proxy = await startTcpProxy(server.port);
  const stack: Stack = {
    serverDir,
    deskDir,
    get server() {
      return server;
    },
    proxy,
    async killServer() {
      proxy.cut();
      await server.kill('SIGKILL');
    },
    async startServer() {
      server = await startServerProcess(serverDir, 0, options.serverEnv);
      proxy.restore(server.port);
    },
    async restartServer() {
      await stack.killServer();
      await stack.startServer();
    },
    async close() {
      await proxy.close();
      await server.kill('SIGKILL');
    },
  };
  return stack;
}
