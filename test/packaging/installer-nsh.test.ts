import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../../electron/services/test-support/temp-dir.js';
import { ROOT } from './support/electron-builder-config.js';
import { compilePass, type NsisPass } from './support/nsis-wrapper.js';

// Debian's makensis (package nsis, installed by .ci/run). Missing is a failure, not a skip: the
// Windows installer would otherwise be first compiled on the build machine.
const makensis = spawnSync('sh', ['-c', 'command -v makensis'], { encoding: 'utf8' }).stdout.trim();

afterAll(() => removeTempDirs());

describe('build/installer.nsh (the 开机自动启动 page of the Windows installer)', () => {
  it('makensis is installed (apt-get install nsis)', () => {
    expect(makensis, 'makensis not found: apt-get install nsis (.ci/run installs it)').not.toBe('');
  });

  for (const pass of ['installer', 'uninstaller'] as NsisPass[]) {
    it(`compiles with -WX in electron-builder's ${pass} pass`, () => {
      const out = tempDir('kefu-nsis-');
      const run = compilePass(makensis, join(ROOT, 'build'), out, pass);
      expect(run.output).not.toMatch(/warning/i);
      expect(run.status, run.output).toBe(0);
      expect(existsSync(join(out, pass === 'installer' ? 'installer.exe' : 'uninstaller.exe'))).toBe(true);
    });
  }
});
