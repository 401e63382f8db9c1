import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLog } from '../logger.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { startFileLogging, type FileLogging } from './file-logging.js';

const started: FileLogging[] = [];
afterEach(() => {
  for (const logging of started.splice(0)) logging.stop();
  removeTempDirs();
});

interface Line {
  level: number;
  name: string;
  msg: string;
  time: number;
  detail?: unknown;
}

async function linesIn(logging: FileLogging): Promise<Line[]> {
  const files = await logging.files();
  return files.flatMap((file) =>
    readFileSync(file.path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((text) => JSON.parse(text) as Line),
  );
}

describe('file logging', () => {
  it('every logger of the process writes its lines to the files, info and up, redacted, until stopped', async () => {
    // Made before the files exist, as the services' loggers are (module load, workstation start).
    const early = createLog('workstation');
    const logging = await startFileLogging(join(tempDir('kefu-data-'), 'logs'));
    started.push(logging);
    const late = createLog('main');

    early('realtime socket silent, reconnecting', undefined, 'info');
    late('login answer', { account: 'agent1', token: 'tok-secret-1' }, 'warn');
    early('GET /api/me?token=tok-secret-2 failed', new Error('refused'), 'error');

    // Lines are written synchronously: they are in the file when log() returns.
    const lines = await linesIn(logging);
    expect(lines.map((line) => [line.name, line.msg])).toEqual([
      ['workstation', 'realtime socket silent, reconnecting'],
      ['main', 'login answer'],
      ['workstation', 'GET /api/me?token=[redacted] failed'],
    ]);
    expect(lines.map((line) => line.level)).toEqual([30, 40, 50]);
    expect(lines[1]!.detail).toEqual({ account: 'agent1', token: '[redacted]' });
    expect(lines[2]!.detail).toMatchObject({ type: 'Error', message: 'refused' });
    const text = (await logging.files()).map((file) => readFileSync(file.path, 'utf8')).join('');
    expect(text).not.toContain('tok-secret');

    logging.stop();
    early('after stop', undefined, 'error');
    expect((await linesIn(logging)).map((line) => line.msg)).not.toContain('after stop');
  });

  it('two folders (two shells in one test process) each get every line', async () => {
    const first = await startFileLogging(tempDir('kefu-logs-'));
    const second = await startFileLogging(tempDir('kefu-logs-'));
    started.push(first, second);
    createLog('both')('hello', { n: 1 }, 'info');
    expect((await linesIn(first)).map((line) => line.msg)).toEqual(['hello']);
    expect((await linesIn(second)).map((line) => line.msg)).toEqual(['hello']);
  });
});
