import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { deploymentConfigPaths, readDeploymentConfig } from './deployment-config.js';

afterEach(removeTempDirs);

function places() {
  const root = tempDir('kefu-deploy-');
  const dirs = { appDataDir: join(root, 'appdata'), install: join(root, 'install'), resourcesDir: join(root, 'install', 'resources') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.appDataDir, 'kefu-desk'));
  const paths = deploymentConfigPaths({
    platform: 'win32',
    appDataDir: dirs.appDataDir,
    executablePath: join(dirs.install, 'kefu-desk.exe'),
    resourcesDir: dirs.resourcesDir,
  });
  return {
    ...dirs,
    paths,
    installer: join(dirs.appDataDir, 'kefu-desk', 'kefu-desk.json'),
    beside: join(dirs.install, 'kefu-desk.json'),
    resources: join(dirs.resourcesDir, 'kefu-desk.json'),
  };
}

describe('kefu-desk.json (the deployment names the server)', () => {
  it('looks where the installer writes, beside the executable, in resources — and on Linux in /etc', () => {
    const p = places();
    expect(p.paths).toEqual([p.installer, p.beside, p.resources]);
    const linux = deploymentConfigPaths({
      platform: 'linux',
      appDataDir: '/home/a/.config',
      executablePath: '/tmp/.mount_x/kefu-desk',
      resourcesDir: '/tmp/.mount_x/resources',
      appImagePath: '/home/a/Apps/kefu-desk.AppImage',
    });
    expect(linux).toEqual([
      '/home/a/.config/kefu-desk/kefu-desk.json',
      '/home/a/Apps/kefu-desk.json',
      '/tmp/.mount_x/resources/kefu-desk.json',
      '/etc/kefu-desk/kefu-desk.json',
    ]);
  });

  it('none anywhere: no deployment address', () => {
    expect(readDeploymentConfig(places().paths)).toBeNull();
  });

  it('the first file found wins, its address in normal form; a Notepad byte order mark is fine', () => {
    const p = places();
    writeFileSync(p.resources, JSON.stringify({ serverUrl: 'https://resources.example.com' }));
    expect(readDeploymentConfig(p.paths)).toEqual({ path: p.resources, url: 'https://resources.example.com' });
    writeFileSync(p.beside, `\uFEFF${JSON.stringify({ serverUrl: 'HTTPS://Beside.Example.com:443/' })}`);
    expect(readDeploymentConfig(p.paths)).toEqual({ path: p.beside, url: 'https://beside.example.com' });
    writeFileSync(p.installer, JSON.stringify({ serverUrl: 'http://10.1.2.3:3710' }));
    expect(readDeploymentConfig(p.paths)).toEqual({ path: p.installer, url: 'http://10.1.2.3:3710' });
  });

  it('a wrong file is reported with its path and what is wrong, not passed over for the next one', () => {
    const p = places();
    writeFileSync(p.resources, JSON.stringify({ serverUrl: 'https://resources.example.com' }));
    const problems: string[] = [];
    for (const text of [
      '{"serverUrl": "https://kefu.example.com",}',
      '{"serverURL": "https://kefu.example.com"}',
      '{"serverUrl": "https://kefu.example.com", "port": 1}',
      '{"serverUrl": 3710}',
      '{"serverUrl": "kefu.example.com"}',
      '{"serverUrl": "https://kefu.example.com/kefu"}',
      '[]',
      'x'.repeat(70 * 1024),
    ]) {
      writeFileSync(p.beside, text);
      const read = readDeploymentConfig(p.paths);
      expect(read, text.slice(0, 60)).toMatchObject({ path: p.beside });
      expect(read && 'problem' in read ? read.problem : '', text.slice(0, 60)).toContain(p.beside);
      problems.push(read && 'problem' in read ? read.problem : '');
    }
    expect(problems[0]).toMatch(/not valid JSON/);
    expect(problems[1]).toMatch(/serverUrl/);
    expect(problems[4]).toMatch(/must start with http:\/\/ or https:\/\//);
    expect(problems[5]).toMatch(/no path/);
    expect(problems[7]).toMatch(/larger than 64 KB/);
  });

  it('a folder with the name is not a config file', () => {
    const p = places();
    mkdirSync(p.installer);
    writeFileSync(p.beside, JSON.stringify({ serverUrl: 'https://beside.example.com' }));
    expect(readDeploymentConfig(p.paths)).toEqual({ path: p.beside, url: 'https://beside.example.com' });
  });
});
