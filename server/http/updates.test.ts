/**
 * GET /updates/:file against the real server: the files an admin put in the updates folder, the
 * envelope for anything else, Range for electron-updater's differential download — checked with
 * electron-updater's own downloader, which asks for many ranges at once and parses the multipart
 * answer — and nothing that writes.
 */
import { createHash } from 'node:crypto';
import { request, type RequestOptions } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancellationToken, HttpExecutor } from 'builder-util-runtime';
import { GenericDifferentialDownloader } from 'electron-updater/out/differentialDownloader/GenericDifferentialDownloader.js';
import { call, startTestServer, type TestServer } from '../testing/harness.js';

const FEED = 'version: 0.2.0\nfiles:\n  - url: kefu-desk-0.2.0.AppImage\npath: kefu-desk-0.2.0.AppImage\n';
const BLOCK = 4096;

/** A file of `count` blocks, each filled with its own byte pattern from `seed`. */
function blocks(seed: number[]): Buffer {
  return Buffer.concat(seed.map((value, index) => Buffer.alloc(BLOCK, `${value}:${index};`)));
}

const blockMap = (file: Buffer) => ({
  version: '2' as const,
  files: [
    {
      name: 'file',
      offset: 0,
      sizes: Array.from({ length: file.length / BLOCK }, () => BLOCK),
      checksums: Array.from({ length: file.length / BLOCK }, (_, i) =>
        createHash('sha256')
          .update(file.subarray(i * BLOCK, (i + 1) * BLOCK))
          .digest('base64'),
      ),
    },
  ],
});

/** What electron-updater's Electron executor does with electron.net, with node:http. */
class NodeExecutor extends HttpExecutor<ReturnType<typeof request>> {
  createRequest(options: RequestOptions, callback: (response: unknown) => void) {
    return request(options, callback);
  }
}

/** A request with the path exactly as given (fetch would resolve ../ before sending). */
function rawGet(port: number, path: string, method = 'GET', body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: body ? { 'content-type': 'application/octet-stream' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let server: TestServer;
let updatesDir: string;
const oldInstaller = blocks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
// Blocks 1, 4-5 and 9 changed: three separate ranges to download, the rest copied from the old file.
const newInstaller = blocks([1, 20, 3, 4, 50, 60, 7, 8, 9, 100, 11, 12]);

beforeAll(async () => {
  updatesDir = mkdtempSync(join(tmpdir(), 'kefu-updates-'));
  writeFileSync(join(updatesDir, 'latest-linux.yml'), FEED);
  writeFileSync(join(updatesDir, 'kefu-desk-0.2.0.AppImage'), newInstaller);
  writeFileSync(join(updatesDir, 'builder-effective-config.yaml'), 'secret: build settings\n');
  mkdirSync(join(updatesDir, 'old.exe'));
  server = await startTestServer({ updatesDir });
});
afterAll(async () => {
  await server.dispose();
  rmSync(updatesDir, { recursive: true, force: true });
});

describe('GET /updates/:file', () => {
  it('serves the feed without a login, as YAML that is never cached stale', async () => {
    const res = await fetch(`${server.url}/updates/latest-linux.yml`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(FEED);
    expect(res.headers.get('content-type')).toBe('text/yaml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves an installer whole, and one range of it as 206', async () => {
    const whole = await fetch(`${server.url}/updates/kefu-desk-0.2.0.AppImage`);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(newInstaller)).toBe(true);
    expect(whole.headers.get('content-length')).toBe(String(newInstaller.length));
    const part = await fetch(`${server.url}/updates/kefu-desk-0.2.0.AppImage`, { headers: { range: 'bytes=4096-4105' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4096-4105/${newInstaller.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(newInstaller.subarray(4096, 4106))).toBe(true);
    // Past the end: the whole file (416 is not a status of our contract; the RFC lets a server ignore Range).
    const beyond = await fetch(`${server.url}/updates/kefu-desk-0.2.0.AppImage`, { headers: { range: `bytes=${newInstaller.length}-` } });
    expect(beyond.status).toBe(200);
    expect((await beyond.arrayBuffer()).byteLength).toBe(newInstaller.length);
  });

  it("electron-updater's differential download rebuilds the new installer from the old one and our multipart answers", async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'kefu-differential-'));
    try {
      writeFileSync(join(workDir, 'old.AppImage'), oldInstaller);
      const ranges: string[] = [];
      const executor = new NodeExecutor();
      const original = executor.createRequest.bind(executor);
      executor.createRequest = (options, callback) => {
        ranges.push(String((options.headers as Record<string, string>).Range));
        return original(options, callback);
      };
      const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
      const downloader = new GenericDifferentialDownloader(
        { size: newInstaller.length, sha512: createHash('sha512').update(newInstaller).digest('base64') },
        executor,
        {
          oldFile: join(workDir, 'old.AppImage'),
          newFile: join(workDir, 'new.AppImage'),
          newUrl: new URL(`${server.url}/updates/kefu-desk-0.2.0.AppImage`),
          logger: quiet,
          requestHeaders: null,
          isUseMultipleRangeRequest: true,
          cancellationToken: new CancellationToken(),
        },
      );
      await downloader.download(blockMap(oldInstaller), blockMap(newInstaller));
      expect(readFileSync(join(workDir, 'new.AppImage')).equals(newInstaller)).toBe(true);
      // One request for the three changed stretches: the multipart path, not one range at a time.
      expect(ranges).toEqual([`bytes=${BLOCK}-${2 * BLOCK - 1}, ${4 * BLOCK}-${6 * BLOCK - 1}, ${9 * BLOCK}-${10 * BLOCK - 1}`]);
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });

  it('refuses ../ and other unsafe names with the envelope, before looking at the disk', async () => {
    for (const path of ['/updates/..%2Fupdates%2Flatest-linux.yml', '/updates/.hidden.yml', '/updates/%2E%2E', '/updates/a%5Cb.exe']) {
      const res = await rawGet(server.port, path);
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body), path).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { file: 'unsafe name' } } });
    }
    // More than one segment is no update file name at all: the router's NOT_FOUND, nothing read.
    const climbed = await rawGet(server.port, '/updates/../builder-effective-config.yaml');
    expect(climbed.status).toBe(404);
    expect(JSON.parse(climbed.body)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('unknown names, missing files, folders and electron-builder leftovers: NOT_FOUND in the envelope', async () => {
    for (const name of ['latest.yml', 'kefu-desk-9.9.9-setup.exe', 'builder-effective-config.yaml', 'old.exe', 'readme.txt']) {
      const res = await call(server.url, 'GET', `/updates/${name}`);
      expect(res.status, name).toBe(404);
      expect(res.body, name).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });

  it('is read-only: no method writes, and the file stays as the admin left it', async () => {
    for (const method of ['PUT', 'POST', 'DELETE', 'PATCH']) {
      const res = await rawGet(server.port, '/updates/latest-linux.yml', method, 'version: 9.9.9\n');
      expect(res.status, method).toBe(404);
      expect(JSON.parse(res.body), method).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect(readFileSync(join(updatesDir, 'latest-linux.yml'), 'utf8')).toBe(FEED);
  });
});
