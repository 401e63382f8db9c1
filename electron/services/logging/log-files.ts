/**
 * The rotating log files in one folder of the app's data: kefu-desk.1.log, kefu-desk.2.log, …
 * (pino-roll). A file past `maxBytes` is closed and the next number opened; past `maxFiles` the
 * oldest go, also those an earlier run left, so the folder never holds more than about
 * maxFiles × maxBytes whatever happens. Lines are written synchronously: the last lines before a
 * crash are the ones support needs, and the app logs little enough for that to cost nothing.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pinoRoll, { type RollingStream } from 'pino-roll';

export const LOG_FILE_BASE = 'kefu-desk';
export const LOG_FILE_EXTENSION = '.log';
const LOG_FILE_NAME = /^kefu-desk\.(\d+)\.log$/;

export interface LogLimits {
  maxBytes: number;
  maxFiles: number;
}

/** At most ~25 MB on disk: weeks of an agent's day at the info level. */
export const DEFAULT_LOG_LIMITS: LogLimits = { maxBytes: 5 * 1024 * 1024, maxFiles: 5 };

export interface LogFile {
  name: string;
  path: string;
  bytes: number;
  modified: Date;
}

export interface RotatingLogFiles {
  dir: string;
  stream: RollingStream;
  /** The log files now in the folder, oldest first. */
  list(): Promise<LogFile[]>;
  /** Writes what is buffered and closes the current file (at quit). */
  close(): void;
}

export async function listLogFiles(dir: string): Promise<LogFile[]> {
  const numbered: { number: number; name: string }[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const match = LOG_FILE_NAME.exec(name);
    if (match) numbered.push({ number: Number(match[1]), name });
  }
  numbered.sort((a, b) => a.number - b.number);
  const files: LogFile[] = [];
  for (const { name } of numbered) {
    const path = join(dir, name);
    // Removed by rotation between readdir and stat: it is simply not there any more.
    const info = await stat(path).catch(() => null);
    if (info?.isFile()) files.push({ name, path, bytes: info.size, modified: info.mtime });
  }
  return files;
}

export async function openRotatingLogFiles(dir: string, limits: LogLimits = DEFAULT_LOG_LIMITS): Promise<RotatingLogFiles> {
  if (!Number.isInteger(limits.maxBytes) || limits.maxBytes < 1024) throw new Error(`maxBytes must be an integer ≥ 1024, got ${limits.maxBytes}`);
  if (!Number.isInteger(limits.maxFiles) || limits.maxFiles < 2) throw new Error(`maxFiles must be an integer ≥ 2, got ${limits.maxFiles}`);
  const stream = await pinoRoll({
    file: join(dir, LOG_FILE_BASE),
    extension: LOG_FILE_EXTENSION,
    size: `${limits.maxBytes}b`,
    // removeOtherLogFiles: count the files in the folder, not only those this run made.
    limit: { count: limits.maxFiles, removeOtherLogFiles: true },
    mkdir: true,
    sync: true,
    // Account names and conversation ids are in there: the agent's own, not the machine's.
    mode: 0o600,
  });
  // A failed write or clean-up (disk full, a file held open on Windows) must not end the app as
  // an unhandled 'error' event, and cannot be logged to these files: the terminal gets it.
  stream.on('error', (error) => process.stderr.write(`kefu-desk log files (${dir}): ${error.message}\n`));
  return {
    dir,
    stream,
    list: () => listLogFiles(dir),
    close() {
      if (stream.destroyed) return;
      stream.flushSync();
      stream.end();
    },
  };
}
