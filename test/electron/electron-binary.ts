/**
 * The Electron binary of the installed electron package, found the way the package records it
 * (path.txt) — never by `require('electron')`, which starts a download when the binary is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const NO_BINARY = 'no Electron binary on this machine (it cannot be downloaded here); the Electron window suite runs where one exists';

const electronPackage = dirname(createRequire(import.meta.url).resolve('electron/package.json'));

export function electronBinary(): string | null {
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronPackage, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const electronVersion = (): string => (JSON.parse(readFileSync(join(electronPackage, 'package.json'), 'utf8')) as { version: string }).version;

/** electron-builder's --dir output for this machine's platform, built by app.setup.ts. */
export const PACKAGED_OUTPUT = join(ROOT, 'dist/electron-app');

/** The packaged executable inside PACKAGED_OUTPUT (names from electron-builder.yml). */
export function packagedExecutable(): string {
  switch (process.platform) {
    case 'win32':
      return join(PACKAGED_OUTPUT, 'win-unpacked', 'kefu-desk.exe');
    case 'darwin':
      return join(PACKAGED_OUTPUT, process.arch === 'arm64' ? 'mac-arm64' : 'mac', '客服工作台.app', 'Contents', 'MacOS', '客服工作台');
    default:
      return join(PACKAGED_OUTPUT, 'linux-unpacked', 'kefu-desk');
  }
}
