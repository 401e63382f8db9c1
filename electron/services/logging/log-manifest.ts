/**
 * manifest.json of a log archive: which app, which machine, when, and which files — what support
 * asks first. Nothing personal beyond that: no host or user name, no server address, no account.
 */
import { arch, release, version } from 'node:os';
import type { LogFile } from './log-files.js';

export interface AppIdentity {
  name: string;
  version: string;
  /** Which shell wrote the logs: the desktop app or the browser shell (development). */
  shell: 'electron' | 'browser';
}

export interface LogManifest {
  app: string;
  version: string;
  shell: AppIdentity['shell'];
  createdAt: string;
  timeZone: string;
  os: { platform: string; release: string; version: string; arch: string };
  runtime: { node: string; electron: string | null };
  files: { name: string; bytes: number; modified: string }[];
}

export function buildLogManifest(app: AppIdentity, files: readonly LogFile[], now: Date): LogManifest {
  return {
    app: app.name,
    version: app.version,
    shell: app.shell,
    createdAt: now.toISOString(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    // process.platform, not os.platform(): the one every platform rule of the main went by.
    os: { platform: process.platform, release: release(), version: version(), arch: arch() },
    runtime: { node: process.versions.node, electron: process.versions.electron ?? null },
    files: files.map((file) => ({ name: file.name, bytes: file.bytes, modified: file.modified.toISOString() })),
  };
}
