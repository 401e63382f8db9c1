/**
 * The browser shell (docs/ARCHITECTURE.md, two shells): the workstation services in a Node process that
 * serves the built renderer on 127.0.0.1 and carries the IPC contract over a local WebSocket.
 * Only the transport differs from Electron; the services and the dispatcher are the same.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../ipc/dispatcher.js';
import type { FileLogging } from '../logging/file-logging.js';
import { bindLogExport } from '../logging/log-export-handlers.js';
import { createNodeSecretStore } from '../session/node-secret-store.js';
import type { SecretStore } from '../session/secret-store.js';
import { createWorkstation, type Workstation, type WorkstationOptions } from '../workstation.js';
import { createIpcSocket } from './ipc-socket.js';
import { loadShellToken } from './shell-token.js';
import { browserShellIdentity, createLogDownloads } from './log-download.js';
import { createStaticHandler } from './static-files.js';

const DEFAULT_RENDERER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../dist/renderer');

export interface BrowserShellOptions {
  dataDir: string;
  serverUrl: string;
  port?: number;
  /** Built renderer; default dist/renderer of this checkout, wherever it is started from. */
  rendererDir?: string;
  secretStore?: SecretStore;
  timing?: WorkstationOptions['timing'];
  /** The process's log files (main.ts starts them): 导出日志 downloads them. Without it, export says there are none. */
  logging?: Pick<FileLogging, 'files'>;
}

export interface BrowserShell {
  /** Page URL including ?token=. */
  url: string;
  port: number;
  workstation: Workstation;
  close(): Promise<void>;
}

export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const workstation = createWorkstation({
    dataDir: options.dataDir,
    serverUrl: options.serverUrl,
    secretStore: options.secretStore ?? createNodeSecretStore(options.dataDir),
    timing: options.timing,
  });
  // Kept across restarts, so a page left open reconnects to the services when they come back.
  const token = loadShellToken(options.dataDir);
  let port = 0;
  const ipc = createIpcSocket({
    token,
    allowedOrigins: () => [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
    dispatch: createDispatcher(workstation),
    workstation,
  });
  const statics = createStaticHandler(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  const downloads = options.logging ? createLogDownloads({ logging: options.logging, app: browserShellIdentity(), log: workstation.log }) : null;
  if (downloads) bindLogExport(workstation.handlers, downloads.exporter);
  const server = createServer((req, res) => (downloads?.handles(req) ? void downloads.serve(req, res) : statics(req, res)));
  server.on('upgrade', (req, socket, head) => ipc.handleUpgrade(req, socket, head));
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    workstation,
    async close() {
      ipc.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await workstation.close();
    },
  };
}
