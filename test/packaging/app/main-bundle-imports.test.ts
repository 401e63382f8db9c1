/**
 * The main bundle keeps npm packages external (esbuild --packages=external), so each one must be
 * in the installed app: a production dependency (electron-builder packs only those) that resolves,
 * the way Node's ESM loader will resolve it, from inside the package. A devDependency the bundle
 * imports (sip.js was one) starts in development and crashes installed. Static and dynamic imports
 * are read by esbuild from the built file itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, inject, it } from 'vitest';

/** Electron provides it; it must never be packed. */
const RUNTIME_PROVIDED = new Set(['electron']);

const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

async function bareImports(bundle: string): Promise<string[]> {
  const result = await build({
    entryPoints: [basename(bundle)],
    absWorkingDir: dirname(bundle),
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports);
  return [...new Set(imports.filter((entry) => entry.external && !isBuiltin(entry.path)).map((entry) => entry.path))].sort();
}

/** Node's own ESM resolution, run from the main bundle's folder: what `import 'x'` there finds. */
function resolveFrom(folder: string, specifiers: string[]): Record<string, string> {
  const script =
    'const out = {}; for (const s of JSON.parse(process.argv[1])) { try { out[s] = import.meta.resolve(s); } catch (e) { out[s] = "unresolved: " + e.message; } } console.log(JSON.stringify(out));';
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(specifiers)], { cwd: folder, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, string>;
}

describe('every bare import of the built main bundle, in the packaged app', () => {
  const app = inject('packagedApp');
  const appRoot = join(app.resources, 'app.asar');
  let specifiers: string[];
  beforeAll(async () => {
    specifiers = await bareImports(app.main);
  });

  it('finds the imports (the bundle is ESM with its packages external)', () => {
    expect(specifiers).toEqual(expect.arrayContaining(['electron', 'better-sqlite3', 'sip.js', 'zod']));
  });

  it('is a production dependency of the packaged package.json, or electron itself', () => {
    const dependencies = app.packageJson.dependencies ?? {};
    const missing = specifiers.map(packageName).filter((name) => !RUNTIME_PROVIDED.has(name) && !Object.hasOwn(dependencies, name));
    expect(missing, 'imported by the main bundle but not in "dependencies"').toEqual([]);
  });

  it('resolves from inside the package, with Node’s ESM rules', () => {
    const resolved = resolveFrom(
      dirname(app.main),
      specifiers.filter((specifier) => !RUNTIME_PROVIDED.has(packageName(specifier))),
    );
    const outside = Object.entries(resolved).filter(([, url]) => !url.startsWith('file:') || !fileURLToPath(url).startsWith(join(appRoot, 'node_modules')));
    expect(outside, 'not found in the package’s own node_modules').toEqual([]);
  });

  it('does not pack electron into the app', () => {
    expect(existsSync(join(appRoot, 'node_modules/electron'))).toBe(false);
  });
});
