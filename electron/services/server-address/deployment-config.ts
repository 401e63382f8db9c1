/**
 * kefu-desk.json: how a mass deployment names the company's server without anyone typing it.
 * `{ "serverUrl": "https://kefu.example.com" }`, in the first of these places that has one:
 *
 *  1. <appData>/kefu-desk/kefu-desk.json — what the Windows installer writes for `/S /SERVER=…`
 *     (%APPDATA% survives updates; the install folder is replaced by each one);
 *  2. beside the executable (for an AppImage: beside the .AppImage file, not its read-only mount);
 *  3. in the app's resources folder;
 *  4. on Linux, /etc/kefu-desk/kefu-desk.json (a machine-wide file a package or an admin puts there).
 *
 * A file that is there but wrong is reported — with its path and what is wrong — and not passed
 * over for the next place: the admin must learn their file is ignored.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { parseServerUrl } from '../../../shared/server-address.js';

export const DEPLOYMENT_CONFIG_FILE = 'kefu-desk.json';
/** The folder under appData the Windows installer writes into (the package name, like the app's own data). */
export const DEPLOYMENT_CONFIG_FOLDER = 'kefu-desk';
const FILE_BYTES_MAX = 64 * 1024;

const DeploymentConfigSchema = z.strictObject({ serverUrl: z.string() });

export interface DeploymentPlaces {
  platform: NodeJS.Platform;
  appDataDir: string;
  executablePath: string;
  resourcesDir: string;
  /** $APPIMAGE when running as an AppImage. */
  appImagePath?: string | undefined;
}

export type DeploymentConfig = { path: string; url: string } | { path: string; problem: string };

export function deploymentConfigPaths(places: DeploymentPlaces): string[] {
  const paths = [
    join(places.appDataDir, DEPLOYMENT_CONFIG_FOLDER, DEPLOYMENT_CONFIG_FILE),
    join(dirname(places.appImagePath || places.executablePath), DEPLOYMENT_CONFIG_FILE),
    join(places.resourcesDir, DEPLOYMENT_CONFIG_FILE),
  ];
  if (places.platform === 'linux') paths.push(join('/etc', DEPLOYMENT_CONFIG_FOLDER, DEPLOYMENT_CONFIG_FILE));
  return [...new Set(paths)];
}

function fileSize(path: string): number | null {
  try {
    const info = statSync(path);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

/** The first config file found, read and checked; null when there is none anywhere. */
export function readDeploymentConfig(paths: string[]): DeploymentConfig | null {
  for (const path of paths) {
    const size = fileSize(path);
    if (size === null) continue;
    if (size > FILE_BYTES_MAX) return { path, problem: `${path} is larger than ${FILE_BYTES_MAX / 1024} KB; it holds one setting` };
    let json: unknown;
    try {
      // Windows Notepad saves UTF-8 with a byte order mark, which JSON.parse refuses.
      json = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      return { path, problem: `${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
    const config = DeploymentConfigSchema.safeParse(json);
    if (!config.success)
      return {
        path,
        problem: `${path} must be {"serverUrl": "https://…"} and nothing else (${config.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`).join('; ')})`,
      };
    const parsed = parseServerUrl(config.data.serverUrl);
    if (!parsed.ok) return { path, problem: `${path}: serverUrl ${parsed.message}` };
    return { path, url: parsed.url };
  }
  return null;
}
