import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { readZip } from '../test-support/zip-reader.js';
import { writeLogArchive, type ArchiveProgress } from './log-archive.js';
import { logArchiveName, saveLogArchive } from './log-export.js';
import { listLogFiles } from './log-files.js';
import type { LogManifest } from './log-manifest.js';

afterEach(() => removeTempDirs());

const APP = { name: 'Kefu Desk', version: '9.8.7', shell: 'electron' as const };
const NOW = new Date(2026, 10, 5, 14, 30, 12);

/** A log folder as a run leaves it: two rotated files and the current one. */
function logFolder(): { dir: string; contents: Record<string, string> } {
  const dir = tempDir('kefu-logs-');
  const contents: Record<string, string> = {
    'kefu-desk.3.log': '{"msg":"oldest"}\n'.repeat(2000),
    'kefu-desk.4.log': '{"msg":"older"}\n'.repeat(1500),
    'kefu-desk.5.log': '{"msg":"current"}\n',
  };
  for (const [name, text] of Object.entries(contents)) writeFileSync(join(dir, name), text);
  return { dir, contents };
}

describe('the log archive', () => {
  it('holds every log file byte for byte and a manifest with app, OS, time and files; progress ends at the total', async () => {
    const { dir, contents } = logFolder();
    const out = join(tempDir('kefu-out-'), 'logs.zip');
    const progress: ArchiveProgress[] = [];
    const { createWriteStream } = await import('node:fs');
    const { bytes } = await writeLogArchive(
      { files: await listLogFiles(dir), app: APP, now: NOW, onProgress: (p) => progress.push(p) },
      createWriteStream(out),
    );

    const archive = readFileSync(out);
    expect(bytes).toBe(archive.length);
    const entries = await readZip(archive);
    expect(entries.map((entry) => entry.name)).toEqual(['manifest.json', 'logs/kefu-desk.3.log', 'logs/kefu-desk.4.log', 'logs/kefu-desk.5.log']);
    for (const [name, text] of Object.entries(contents)) expect(entries.find((entry) => entry.name === `logs/${name}`)!.text).toBe(text);

    const manifest = JSON.parse(entries[0]!.text) as LogManifest;
    expect(manifest).toMatchObject({ app: 'Kefu Desk', version: '9.8.7', shell: 'electron', createdAt: NOW.toISOString() });
    expect(manifest.os.platform).toBe(process.platform);
    expect(manifest.os.release).not.toBe('');
    expect(manifest.runtime.node).toBe(process.versions.node);
    expect(manifest.files.map((file) => [file.name, file.bytes])).toEqual(Object.entries(contents).map(([name, text]) => [name, Buffer.byteLength(text)]));
    // Compressed: JSON lines shrink a lot, which is why a zip and not a folder copy.
    expect(bytes).toBeLessThan(Object.values(contents).join('').length / 5);

    const total = Object.values(contents).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    expect(progress.at(-1)).toEqual({ done: total, total });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.length).toBeLessThanOrEqual(101);
  });

  it('a file rotated away after the listing is left out of the archive and the manifest', async () => {
    const { dir } = logFolder();
    const listed = await listLogFiles(dir);
    rmSync(join(dir, 'kefu-desk.3.log'));
    const chunks: Buffer[] = [];
    const { Writable } = await import('node:stream');
    await writeLogArchive({ files: listed, app: APP, now: NOW }, new Writable({ write: (chunk: Buffer, _e, done) => done(void chunks.push(chunk)) }));
    const entries = await readZip(Buffer.concat(chunks));
    expect(entries.map((entry) => entry.name)).toEqual(['manifest.json', 'logs/kefu-desk.4.log', 'logs/kefu-desk.5.log']);
    expect((JSON.parse(entries[0]!.text) as LogManifest).files.map((file) => file.name)).toEqual(['kefu-desk.4.log', 'kefu-desk.5.log']);
  });

  it('an empty folder still makes an archive with the manifest', async () => {
    const chunks: Buffer[] = [];
    const { Writable } = await import('node:stream');
    await writeLogArchive(
      { files: await listLogFiles(tempDir('kefu-logs-')), app: APP, now: NOW },
      new Writable({ write: (chunk: Buffer, _e, done) => done(void chunks.push(chunk)) }),
    );
    expect((await readZip(Buffer.concat(chunks))).map((entry) => entry.name)).toEqual(['manifest.json']);
  });
});

describe('saveLogArchive (desktop: the save dialog picks the place)', () => {
  it('suggests a dated name, writes the zip where the agent chose, and leaves no partial file', async () => {
    const { dir } = logFolder();
    const target = join(tempDir('kefu-save-'), 'for-support.zip');
    const suggested: string[] = [];
    const result = await saveLogArchive({
      logging: { files: () => listLogFiles(dir) },
      app: APP,
      clock: () => NOW,
      chooseSavePath: async (name) => {
        suggested.push(name);
        return target;
      },
    });
    expect(suggested).toEqual(['kefu-desk-logs-20261105-143012.zip']);
    expect(result).toEqual({ ok: true, value: { outcome: 'saved', path: target, bytes: readFileSync(target).length } });
    expect((await readZip(readFileSync(target))).map((entry) => entry.name)).toContain('logs/kefu-desk.5.log');
    expect(readdirSync(join(target, '..'))).toEqual(['for-support.zip']);
  });

  it('cancelled: nothing is written', async () => {
    const { dir } = logFolder();
    const listed: string[] = [];
    const result = await saveLogArchive({
      logging: { files: async () => (listed.push('asked'), listLogFiles(dir)) },
      app: APP,
      chooseSavePath: async () => null,
    });
    expect(result).toEqual({ ok: true, value: { outcome: 'cancelled' } });
    expect(listed).toEqual([]);
  });

  it('a place that cannot be written: an error a person can act on, and no partial file left behind', async () => {
    const { dir } = logFolder();
    const parent = tempDir('kefu-save-');
    const target = join(parent, 'gone', 'logs.zip');
    const result = await saveLogArchive({ logging: { files: () => listLogFiles(dir) }, app: APP, chooseSavePath: async () => target });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining(`无法写入 ${target}：ENOENT`) } });
    expect(existsSync(`${target}.part`)).toBe(false);
    mkdirSync(join(parent, 'gone'));
    expect(readdirSync(join(parent, 'gone'))).toEqual([]);
  });

  it('names the archive in local time, zero-padded', () => {
    expect(logArchiveName(new Date(2027, 0, 2, 3, 4, 5))).toBe('kefu-desk-logs-20270102-030405.zip');
  });
});
