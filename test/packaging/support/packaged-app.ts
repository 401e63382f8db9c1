/**
 * The packaged layout of the workstation without an Electron binary: electron-builder's own
 * `--linux dir` build with a stand-in executable as electronDist (docs/PLATFORM-NOTES.md), so
 * resources/app.asar holds exactly what an installer would ship. The asar is then unpacked in
 * place (resources/app.asar becomes a folder, its unpacked part merged in), so the main bundle
 * loads under Node from the same paths Electron would give it and resolves every import from the
 * package's own node_modules. npmRebuild stays off: better-sqlite3 keeps Node's ABI, so it loads.
 *
 * The build takes ~50 s of a shared machine (collecting node_modules), so it is cached in the temp
 * folder under a hash of what decides the package (package.json, the lock file, the builder
 * config, resources, build/); the bundles in dist/electron and dist/renderer — what changes with
 * every edit of the code — are then copied into the cached package fresh on every run, as
 * electron-builder copies them (files: dist/electron/**, dist/renderer/**, no source maps).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './electron-builder-config.js';

const CACHE = join(tmpdir(), 'kefu-packaged-app');
const INPUTS = ['package.json', 'package-lock.json', 'electron-builder.yml', 'resources', 'build'];
const BUNDLES = ['dist/electron', 'dist/renderer'];

const fromElectronBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const asar = fromElectronBuilder('@electron/asar') as { extractAll(archive: string, dest: string): void };

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}

function inputsHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => filesUnder(join(ROOT, input)))) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export interface PackagedApp {
  /** linux-unpacked: the executable and resources/. */
  dir: string;
  resources: string;
  /** resources/app.asar/dist/electron/main/index.js (app.asar unpacked to a folder). */
  main: string;
  /** The packaged package.json (productName becomes the app's name). */
  packageJson: { name: string; productName?: string; version: string; main: string; dependencies?: Record<string, string> };
}

function describeLayout(dir: string): PackagedApp {
  const resources = join(dir, 'resources');
  const packageJson = JSON.parse(readFileSync(join(resources, 'app.asar/package.json'), 'utf8')) as PackagedApp['packageJson'];
  return { dir, resources, main: join(resources, 'app.asar', packageJson.main), packageJson };
}

function build(target: string): void {
  const electronDist = join(target, 'electron-dist');
  mkdirSync(electronDist, { recursive: true });
  // electron-builder only copies and renames it; nothing here ever runs it.
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in: not a real Electron" >&2\nexit 1\n', { mode: 0o755 });
  const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  execFileSync(
    join(ROOT, 'node_modules/.bin/electron-builder'),
    [
      '--linux',
      'dir',
      '--publish',
      'never',
      '--config',
      'electron-builder.yml',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${electronVersion}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${join(target, 'out')}`,
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
  const resources = join(target, 'out/linux-unpacked/resources');
  asar.extractAll(join(resources, 'app.asar'), join(resources, 'app.asar.extracted'));
  rmSync(join(resources, 'app.asar'));
  renameSync(join(resources, 'app.asar.extracted'), join(resources, 'app.asar'));
}

/** Builds (or reuses) the packaged layout for the current dist/ and configuration. */
export function preparePackagedApp(): PackagedApp {
  const target = join(CACHE, inputsHash());
  const ready = join(target, 'READY');
  if (!existsSync(ready)) {
    // One cached layout at a time: an older one is of no further use.
    rmSync(CACHE, { recursive: true, force: true });
    build(target);
    writeFileSync(ready, new Date().toISOString());
  }
  const layout = describeLayout(join(target, 'out/linux-unpacked'));
  for (const bundle of BUNDLES) {
    const packed = join(layout.resources, 'app.asar', bundle);
    rmSync(packed, { recursive: true, force: true });
    cpSync(join(ROOT, bundle), packed, { recursive: true, filter: (source) => !source.endsWith('.map') });
  }
  return layout;
}
