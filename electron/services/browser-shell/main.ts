/**
 * CLI of the browser shell:
 *   npx tsx electron/services/browser-shell/main.ts --server URL --data DIR [--port N] [--renderer DIR]
 * Prints the page URL (with its token) on stdout as `KEFU_SHELL_URL=<url>`; SIGINT/SIGTERM stop it.
 */
import { parseArgs } from 'node:util';
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

const shell = await startBrowserShell({ serverUrl: values.server, dataDir: values.data, port, rendererDir: values.renderer });
process.stdout.write(`KEFU_SHELL_URL=${shell.url}\n`);
const stop = () => void shell.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
