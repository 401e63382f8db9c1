/**
 * CLI of the browser shell:
 *   npx tsx electron/services/browser-shell/main.ts --server URL --data DIR [--port N] [--renderer DIR]
 * Prints the page URL (with its token) on stdout as `KEFU_SHELL_URL=<url>`; SIGINT/SIGTERM stop it.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLog } from '../logger.js';
import { startFileLogging, type FileLogging } from '../logging/file-logging.js';
import { startBrowserShell } from './server.js';

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    data: { type: 'string' },
    port: { type: 'string' },
    renderer: { type: 'string' },
  },
  strict: true,
});

if (!values.server || !values.data) {
  process.stderr.write('usage: main.ts --server URL --data DIR [--port N] [--renderer DIR]\n');
  process.exit(2);
}
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be an integer 0..65535, got ${values.port}\n`);
  process.exit(2);
}

// Log files as in the desktop app (DATA/logs), for 导出日志; without them the shell still runs.
const logging: FileLogging | null = await startFileLogging(join(values.data, 'logs')).catch((error: unknown) => {
  createLog('browser-shell')('log files could not be opened; logging to the terminal only', error);
  return null;
});
const shell = await startBrowserShell({ serverUrl: values.server, dataDir: values.data, port, rendererDir: values.renderer, logging: logging ?? undefined });
process.stdout.write(`KEFU_SHELL_URL=${shell.url}\n`);
const stop = () =>
  void shell.close().then(() => {
    logging?.stop();
    process.exit(0);
  });
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
