/**
 * Runs the Electron window suite where an Electron binary exists — under xvfb-run on Linux when
 * there is no display — and says so in one line where none exists (as on the machines here).
 */
import { spawnSync } from 'node:child_process';
import { electronBinary, NO_BINARY, ROOT } from './electron-binary.js';

if (!electronBinary()) {
  console.log(`electron window suite skipped: ${NO_BINARY}`);
  process.exit(0);
}
const suite = ['playwright', 'test', '-c', 'playwright.electron.config.ts', ...process.argv.slice(2)];
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const [command, ...args] = headless ? ['xvfb-run', '-a', 'npx', ...suite] : ['npx', ...suite];
const run = spawnSync(command!, args, { cwd: ROOT, stdio: 'inherit' });
if (run.error) {
  console.error(headless ? `cannot run ${command}: ${run.error.message} (apt-get install xvfb)` : run.error.message);
  process.exit(1);
}
process.exit(run.status ?? 1);
