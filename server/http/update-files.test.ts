import { describe, expect, it } from 'vitest';
import { updateFile } from './update-files.js';

describe('updateFile: which names GET /updates/:file serves', () => {
  it('electron-builder channel files, installers and blockmaps, with their types', () => {
    expect(updateFile('latest.yml')).toEqual({ kind: 'known', contentType: 'text/yaml; charset=utf-8', feed: true });
    expect(updateFile('latest-linux.yml')).toMatchObject({ kind: 'known', feed: true });
    expect(updateFile('beta-linux-arm64.yml')).toMatchObject({ kind: 'known', feed: true });
    expect(updateFile('kefu-desk-0.2.0-setup.exe')).toEqual({ kind: 'known', contentType: 'application/vnd.microsoft.portable-executable', feed: false });
    expect(updateFile('kefu-desk-0.2.0-setup.exe.blockmap')).toEqual({ kind: 'known', contentType: 'application/octet-stream', feed: false });
    expect(updateFile('kefu-desk-0.2.0.AppImage')).toMatchObject({ kind: 'known', contentType: 'application/octet-stream' });
    expect(updateFile('kefu-desk_0.2.0_amd64.deb')).toMatchObject({ kind: 'known', contentType: 'application/vnd.debian.binary-package' });
  });

  it('path tricks and hidden files are unsafe, before any file is looked at', () => {
    for (const name of ['../latest.yml', '..', '.latest.yml', 'a/b.exe', 'a\\b.exe', 'latest.yml%00', '', 'x'.repeat(201), 'setup .exe', '安装.exe']) {
      expect(updateFile(name), name).toEqual({ kind: 'unsafe' });
    }
  });

  it("electron-builder's own leftovers and other files are unknown (the build's configuration is not published)", () => {
    for (const name of ['builder-debug.yml', 'builder-effective-config.yaml', 'notes.txt', 'index.html', 'Latest.YML', 'exe']) {
      expect(updateFile(name), name).toEqual({ kind: 'unknown' });
    }
  });
});
