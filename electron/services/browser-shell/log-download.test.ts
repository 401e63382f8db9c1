import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLog } from '../logger.js';
import { startFileLogging, type FileLogging } from '../logging/file-logging.js';
import type { LogManifest } from '../logging/log-manifest.js';
import { connectShell, type ShellClient } from '../test-support/shell-client.js';
import { createMemorySecretStore } from '../test-support/memory-secret-store.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { readZip } from '../test-support/zip-reader.js';
import { createLogDownloads, TICKET_LIFETIME_MS } from './log-download.js';
import { startBrowserShell, type BrowserShell } from './server.js';

const shells: BrowserShell[] = [];
const pages: ShellClient[] = [];
const loggings: FileLogging[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) page.close();
  for (const shell of shells.splice(0)) await shell.close();
  for (const logging of loggings.splice(0)) logging.stop();
  removeTempDirs();
});

async function start(withLogs: boolean): Promise<{ shell: BrowserShell; page: ShellClient; origin: string }> {
  const rendererDir = tempDir('kefu-renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>客服工作台</title>');
  const dataDir = tempDir();
  const logging = withLogs ? await startFileLogging(join(dataDir, 'logs')) : undefined;
  if (logging) loggings.push(logging);
  const shell = await startBrowserShell({ dataDir, serverUrl: 'http://127.0.0.1:9', rendererDir, secretStore: createMemorySecretStore(), logging });
  shells.push(shell);
  const page = await connectShell(shell.url);
  pages.push(page);
  return { shell, page, origin: new URL(shell.url).origin };
}

const ownVersion = (JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as { version: string }).version;

describe('导出日志 in the browser shell', () => {
  it('logs:export hands the page a one-time address; GET streams the zip with the logs and a manifest', async () => {
    const { page, origin } = await start(true);
    createLog('browser-shell-test')('a line support needs', { conversationId: 'c-1' }, 'warn');

    const result = await page.invoke('logs:export', undefined);
    expect(result).toMatchObject({ ok: true, value: { outcome: 'download', name: expect.stringMatching(/^kefu-desk-logs-\d{8}-\d{6}\.zip$/) } });
    const { url, name } = (result as { value: { url: string; name: string } }).value;
    expect(url).toMatch(/^\/logs\/export\?ticket=[0-9a-f]{48}$/);

    const response = await fetch(origin + url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const entries = await readZip(Buffer.from(await response.arrayBuffer()));
    expect(entries.map((entry) => entry.name)).toEqual(['manifest.json', 'logs/kefu-desk.1.log']);
    expect(entries[1]!.text).toContain('a line support needs');
    const manifest = JSON.parse(entries[0]!.text) as LogManifest;
    expect(manifest).toMatchObject({ app: 'Kefu Desk', version: ownVersion, shell: 'browser' });

    // Once only: the address is worth nothing afterwards, nor is one made up.
    expect((await fetch(origin + url)).status).toBe(404);
    expect((await fetch(`${origin}/logs/export?ticket=${'0'.repeat(48)}`)).status).toBe(404);
    expect((await fetch(`${origin}/logs/export`)).status).toBe(404);
  });

  it('a shell that writes no log files says so instead of offering an empty download', async () => {
    const { page } = await start(false);
    expect(await page.invoke('logs:export', undefined)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('没有写日志文件') },
    });
  });
});

describe('download tickets', () => {
  it('expire a minute after they were issued', async () => {
    let now = 1_000_000;
    const downloads = createLogDownloads({
      logging: { files: async () => [] },
      app: { name: 'Kefu Desk', version: '1.0.0', shell: 'browser' },
      clock: () => now,
      log: () => undefined,
    });
    const urls: string[] = [];
    for (const issued of [await downloads.exporter(), await downloads.exporter()]) {
      if (!issued.ok || issued.value.outcome !== 'download') throw new Error('expected a download');
      urls.push(issued.value.url);
    }
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => void downloads.serve(req, res));
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
    try {
      const { port } = server.address() as { port: number };
      now += TICKET_LIFETIME_MS;
      expect((await fetch(`http://127.0.0.1:${port}${urls[0]}`)).status).toBe(200);
      now += 1;
      expect((await fetch(`http://127.0.0.1:${port}${urls[1]}`)).status).toBe(404);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
    }
  });
});
