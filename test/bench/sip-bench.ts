/**
 * npm run bench:sip — REGISTER round trip and warm INVITE-to-established time of the workstation's
 * services UA beside a plain sip.js UA, same run, real Kamailio (test/sip/). The measuring code lives
 * with the softphone (electron/services/softphone/testing/sip-bench.ts: it needs the services'
 * Node types); this entry runs it as a child and passes its output and exit code through.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/services/softphone/testing/sip-bench.ts')], { cwd: root, stdio: 'inherit' });
const timer = setTimeout(() => child.kill('SIGTERM'), 180_000);
child.once('exit', (code) => {
  clearTimeout(timer);
  process.exitCode = code ?? 1;
});
