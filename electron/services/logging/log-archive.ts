/**
 * Writes one zip (yazl) of the log files and their manifest to any writable stream: a file the
 * agent chose, or the browser shell's HTTP response. Each file is opened first and read only up
 * to the size it had then, so a line written or a rotation during the export cannot break the
 * archive; a file rotated away before it was opened is left out of the archive and the manifest.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline as pipeStreams, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { LogFile } from './log-files.js';
import { buildLogManifest, type AppIdentity } from './log-manifest.js';

export interface ArchiveProgress {
  /** Bytes of log files packed so far, of `total`. */
  done: number;
  total: number;
}

export interface LogArchiveInput {
  files: readonly LogFile[];
  app: AppIdentity;
  now: Date;
  /** Called as the files are read: once per whole percent, and at the end. */
  onProgress?: (progress: ArchiveProgress) => void;
}

export const MANIFEST_NAME = 'manifest.json';
export const LOGS_FOLDER = 'logs';

interface OpenedFile {
  file: LogFile;
  handle: FileHandle;
}

async function openAll(files: readonly LogFile[]): Promise<OpenedFile[]> {
  const opened: OpenedFile[] = [];
  try {
    for (const file of files) {
      const handle = await open(file.path, 'r').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (!handle) continue;
      const { size, mtime } = await handle.stat();
      opened.push({ file: { ...file, bytes: size, modified: mtime }, handle });
    }
    return opened;
  } catch (error) {
    await Promise.all(opened.map(({ handle }) => handle.close()));
    throw error;
  }
}

/** Resolves with the archive's size in bytes once `output` has all of it. */
export async function writeLogArchive(input: LogArchiveInput, output: Writable): Promise<{ bytes: number }> {
  // The output may fail before the pipeline below listens (a file stream's open fails while the
  // logs are being opened): hold its error here; the pipeline still sees the stream as errored.
  const holdEarlyError = () => undefined;
  output.on('error', holdEarlyError);
  try {
    return await packInto(input, output);
  } finally {
    output.off('error', holdEarlyError);
  }
}

async function packInto(input: LogArchiveInput, output: Writable): Promise<{ bytes: number }> {
  const opened = await openAll(input.files);
  const total = opened.reduce((sum, { file }) => sum + file.bytes, 0);
  let packed = 0;
  let reportedPercent = -1;
  const report = () => {
    const percent = total === 0 ? 100 : Math.floor((packed * 100) / total);
    if (percent === reportedPercent) return;
    reportedPercent = percent;
    input.onProgress?.({ done: packed, total });
  };
  const counting = () =>
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        packed += chunk.length;
        report();
        done(null, chunk);
      },
    });
  let aborted: Error | null = null;
  const zip = new ZipFile();
  const archiveOut = zip.outputStream as NodeJS.ReadableStream & { destroy(error?: Error): void };
  // A failed read ends the output with that error, so the pipeline below rejects instead of
  // hanging. After an abort the pipeline is over: nobody would listen to the output's error.
  zip.on('error', (error: Error) => {
    if (!aborted) archiveOut.destroy(error);
  });
  const manifest = buildLogManifest(
    input.app,
    opened.map(({ file }) => file),
    input.now,
  );
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), MANIFEST_NAME, { mtime: input.now });
  for (const { file, handle } of opened) {
    const name = `${LOGS_FOLDER}/${file.name}`;
    if (file.bytes === 0) {
      zip.addBuffer(Buffer.alloc(0), name, { mtime: file.modified });
      continue;
    }
    // Lazily: yazl asks for one file at a time, in order.
    zip.addReadStreamLazy(name, { mtime: file.modified, size: file.bytes }, (ready) => {
      // The output failed and the handles are closed: yazl stops at this error instead of reading.
      if (aborted) return ready(aborted, undefined as never);
      const source = handle.createReadStream({ start: 0, end: file.bytes - 1, autoClose: true });
      // pipe() would not pass a read error on; this destroys the counter with it, and yazl fails.
      ready(
        null,
        pipeStreams(source, counting(), () => undefined),
      );
    });
  }
  zip.end();
  let bytes = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(archiveOut, counted, output);
  } catch (error) {
    aborted = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // Handles yazl never asked for (an error came first) are closed here; closing twice is harmless.
    await Promise.all(opened.map(({ handle }) => handle.close().catch(() => undefined)));
  }
  report();
  return { bytes };
}
