/**
 * Builds what the Electron suite launches: the renderer and the main/preload bundles, then the
 * app packaged by electron-builder (--dir) around this machine's Electron binary. electron-builder
 * rebuilds better-sqlite3 against Electron's ABI inside the package; the repo's node_modules keep
 * Node's ABI for every other test (a module built for Node's ABI would crash Electron's main).
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { test as setup } from '@playwright/test';
import { electronBinary, electronVersion, NO_BINARY, PACKAGED_OUTPUT, ROOT } from './electron-binary.js';

setup('build the packaged app around the local Electron', () => {
  const binary = electronBinary();
  setup.skip(!binary, NO_BINARY);
  setup.setTimeout(15 * 60_000);
  const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  run('npm', ['run', 'build']);
  run('npm', ['run', 'build:electron']);
  run(join(ROOT, 'node_modules/.bin/electron-builder'), [
    '--dir',
    '--config',
    'electron-builder.yml',
    `-c.electronDist=${dirname(binary!)}`,
    `-c.electronVersion=${electronVersion()}`,
    `-c.directories.output=${PACKAGED_OUTPUT}`,
  ]);
});
