import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { openRotatingLogFiles, type RotatingLogFiles } from './log-files.js';

const opened: RotatingLogFiles[] = [];
afterEach(() => {
  for (const files of opened.splice(0)) files.close();
  removeTempDirs();
});

const LIMITS = { maxBytes: 4096, maxFiles: 3 };
const line = (index: number) => `${JSON.stringify({ index, msg: 'x'.repeat(80) })}\n`;
const numberOf = (name: string) => Number(/\.(\d+)\.log$/.exec(name)![1]);
const logNames = (dir: string) => readdirSync(dir).filter((name) => /^kefu-desk\.\d+\.log$/.test(name));

/**
 * Writes lines the way a running app does: one at a time, with the event loop turning between
 * them (pino-roll rolls on the turn after the write that crossed the size). Resolves once every
 * roll's clean-up of old files has finished.
 */
async function writeLines(files: RotatingLogFiles, from: number, count: number): Promise<void> {
  let cleanups = 0;
  let rolls = Infinity;
  let allCleaned = () => undefined as void;
  const cleaned = new Promise<void>((done) => (allCleaned = done));
  const onCleanup = () => {
    if (++cleanups >= rolls) allCleaned();
  };
  files.stream.on('cleanup-complete', onCleanup);
  const before = Math.max(1, ...logNames(files.dir).map(numberOf));
  for (let index = from; index < from + count; index++) {
    files.stream.write(line(index));
    await new Promise<void>((turn) => setImmediate(turn));
  }
  // Every roll opened the next number, and each runs exactly one clean-up.
  rolls = Math.max(...logNames(files.dir).map(numberOf)) - before;
  if (cleanups >= rolls) allCleaned();
  await cleaned;
  files.stream.off('cleanup-complete', onCleanup);
}

const indexesIn = (dir: string, names: string[]) =>
  names.flatMap((name) =>
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((text) => (JSON.parse(text) as { index: number }).index),
  );

describe('rotating log files', () => {
  it('roll past maxBytes and keep only the newest maxFiles, which hold an unbroken tail of the lines', async () => {
    const dir = join(tempDir('kefu-logs-'), 'logs');
    const files = await openRotatingLogFiles(dir, LIMITS);
    opened.push(files);
    const total = 200; // ~20 KB: five files' worth at 4 KB
    await writeLines(files, 0, total);

    const names = logNames(dir).sort((a, b) => numberOf(a) - numberOf(b));
    expect(names).toHaveLength(LIMITS.maxFiles);
    expect(Math.max(...names.map(numberOf))).toBeGreaterThanOrEqual(5);
    for (const name of names) {
      expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(LIMITS.maxBytes + line(0).length);
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    }
    const kept = indexesIn(dir, names);
    expect(kept.at(-1)).toBe(total - 1);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => total - kept.length + i));
    expect((await files.list()).map((file) => file.name)).toEqual(names);
  });

  it('counts the files an earlier run left: the oldest go at the first roll, numbering goes on', async () => {
    const dir = tempDir('kefu-logs-');
    for (let number = 1; number <= 6; number++) writeFileSync(join(dir, `kefu-desk.${number}.log`), line(-number));
    writeFileSync(join(dir, 'not-a-log.txt'), 'kept');
    const files = await openRotatingLogFiles(dir, LIMITS);
    opened.push(files);
    await writeLines(files, 0, 60);

    const logs = logNames(dir).sort((a, b) => numberOf(a) - numberOf(b));
    expect(logs).toHaveLength(LIMITS.maxFiles);
    expect(numberOf(logs[0]!)).toBeGreaterThan(4);
    // The run went on in the newest old file, after its old line.
    expect(readFileSync(join(dir, 'kefu-desk.6.log'), 'utf8').startsWith(line(-6))).toBe(true);
    expect(readdirSync(dir)).toContain('not-a-log.txt');
  });

  it('refuses limits that could not cap anything', async () => {
    const dir = tempDir('kefu-logs-');
    await expect(openRotatingLogFiles(dir, { maxBytes: 10, maxFiles: 3 })).rejects.toThrow('maxBytes');
    await expect(openRotatingLogFiles(dir, { maxBytes: 4096, maxFiles: 1 })).rejects.toThrow('maxFiles');
  });
});
