/**
 * Before the packaged-app checks: build the main and preload bundles from the current sources
 * (a stale bundle would be checked otherwise), the renderer if it was never built, and the
 * packaged layout (cached by its inputs). KEFU_PACKAGING_PREBUILT=1 checks dist/electron as it
 * is instead, e.g. bundles built from another commit (docs/PACKAGING.md).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT } from '../support/electron-builder-config.js';
import { preparePackagedApp, type PackagedApp } from '../support/packaged-app.js';

declare module 'vitest' {
  export interface ProvidedContext {
    packagedApp: PackagedApp;
  }
}

export function setup(project: TestProject): void {
  const npm = (script: string) => execFileSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit' });
  if (process.env.KEFU_PACKAGING_PREBUILT !== '1') npm('build:electron');
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) npm('build');
  project.provide('packagedApp', preparePackagedApp());
}
