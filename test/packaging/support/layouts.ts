/**
 * The two places the main bundle runs from. Development: dist/electron/main/index.js in the repo,
 * Electron started on the project folder (so package.json's productName names the app), imports
 * resolved from the repo's node_modules. Packaged: the same file inside resources/app.asar of an
 * electron-builder build, app.isPackaged true, imports resolved only from the package.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MainLaunch } from './main-process.js';
import { ROOT } from './electron-builder-config.js';
import type { PackagedApp } from './packaged-app.js';

export type LayoutName = 'development' | 'packaged';
export type Platform = 'linux' | 'win32';

const ownPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; productName?: string; version: string; main: string };

export function launchFor(layout: LayoutName, platform: Platform, packaged: PackagedApp): Pick<MainLaunch, 'main' | 'facts'> {
  if (layout === 'development') {
    return {
      main: join(ROOT, ownPackage.main),
      facts: {
        platform,
        isPackaged: false,
        resourcesPath: join(ROOT, 'node_modules/electron/dist/resources'),
        appName: ownPackage.productName ?? ownPackage.name,
        appVersion: ownPackage.version,
      },
    };
  }
  return {
    main: packaged.main,
    facts: {
      platform,
      isPackaged: true,
      resourcesPath: packaged.resources,
      appName: packaged.packageJson.productName ?? packaged.packageJson.name,
      appVersion: packaged.packageJson.version,
    },
  };
}

export const EVERY_LAYOUT: [LayoutName, Platform][] = [
  ['development', 'linux'],
  ['development', 'win32'],
  ['packaged', 'linux'],
  ['packaged', 'win32'],
];
