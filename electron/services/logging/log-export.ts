/**
 * 导出日志 in the desktop app: ask where (the save dialog, through a port the Electron main
 * supplies), then write the archive beside it under a temporary name and rename it into place,
 * so a failed or half-written export never sits under the name the agent chose.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { LogExportResult } from '../../../shared/ipc/logs.js';
import { writeLogArchive, type ArchiveProgress } from './log-archive.js';
import type { FileLogging } from './file-logging.js';
import type { AppIdentity } from './log-manifest.js';

const pad = (value: number) => String(value).padStart(2, '0');

/** kefu-desk-logs-20261105-143012.zip, in local time: what the agent sees in the dialog. */
export function logArchiveName(now: Date): string {
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `kefu-desk-logs-${date}-${time}.zip`;
}

export interface SaveLogArchiveDeps {
  logging: Pick<FileLogging, 'files'>;
  app: AppIdentity;
  /** The save dialog: the path the agent chose, or null when they cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  onProgress?: (progress: ArchiveProgress) => void;
  clock?: () => Date;
}

export async function saveLogArchive(deps: SaveLogArchiveDeps): Promise<Result<LogExportResult>> {
  const now = deps.clock?.() ?? new Date();
  const path = await deps.chooseSavePath(logArchiveName(now));
  if (!path) return ok({ outcome: 'cancelled' });
  const partial = `${path}.part`;
  try {
    const files = await deps.logging.files();
    const { bytes } = await writeLogArchive({ files, app: deps.app, now, onProgress: deps.onProgress }, createWriteStream(partial, { mode: 0o600 }));
    await rename(partial, path);
    return ok({ outcome: 'saved', path, bytes });
  } catch (error) {
    await rm(partial, { force: true });
    return fail('INTERNAL', `无法写入 ${path}：${error instanceof Error ? error.message : String(error)}`);
  }
}
