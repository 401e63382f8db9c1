import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectShell } from '../test-support/shell-client.js';
import { createMemorySecretStore } from '../test-support/memory-secret-store.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { startBrowserShell, type BrowserShell } from './server.js';
import { SHELL_TOKEN_FILE } from './shell-token.js';

const shells: BrowserShell[] = [];
afterEach(async () => {
  for (const shell of shells.splice(0)) await shell.close();
  removeTempDirs();
});

async function start(dataDir = tempDir(), port?: number): Promise<BrowserShell> {
  const rendererDir = tempDir('kefu-renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>客服工作台</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const shell = await startBrowserShell({ dataDir, port, serverUrl: 'http://127.0.0.1:9', rendererDir, secretStore: createMemorySecretStore() });
  shells.push(shell);
  return shell;
}

describe('browser shell', () => {
  it('listens on 127.0.0.1 only and serves the renderer with an SPA fallback', async () => {
    const shell = await start();
    expect(new URL(shell.url).hostname).toBe('127.0.0.1');
    expect(new URL(shell.url).searchParams.get('token')).toMatch(/^[0-9a-f]{64}$/);
    const origin = new URL(shell.url).origin;
    expect(await (await fetch(`${origin}/dialog/anything`)).text()).toContain('客服工作台');
    const asset = await fetch(`${origin}/assets/app.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/..%2f..%2fetc%2fpasswd`)).status).not.toBe(500);
    expect(await (await fetch(`${origin}/..%2f..%2fetc%2fpasswd`)).text()).not.toContain('root:');
  });

  it('refuses a socket with the wrong token or a foreign origin', async () => {
    const shell = await start();
    await expect(connectShell(shell.url, { token: 'wrong' })).rejects.toThrow('refused: 401');
    await expect(connectShell(shell.url, { token: '' })).rejects.toThrow('refused: 401');
    await expect(connectShell(shell.url, { origin: 'http://evil.example' })).rejects.toThrow('refused: 403');
    await expect(connectShell(shell.url, { origin: 'http://127.0.0.1:1' })).rejects.toThrow('refused: 403');
  });

  it('with the right token and origin the contract works, and bad frames get an error result', async () => {
    const shell = await start();
    const page = await connectShell(shell.url);
    const snapshot = await page.invoke('session:get-snapshot', undefined);
    expect(snapshot.ok && (snapshot.value as { agent: unknown; settings: { language: string } }).settings.language).toBe('zh-CN');
    for (const raw of ['not json', '{"kind":"invoke"}', '{"kind":"invoke","id":5,"channel":"x","request":1,"more":2}', '[]', 'null']) {
      const frame = await page.sendRaw(raw);
      expect(frame.result.ok, raw).toBe(false);
    }
    const unknown = await page.sendRaw('{"kind":"invoke","id":7,"channel":"fs:read-file","request":null}');
    expect(unknown.id).toBe(7);
    expect(unknown.result.ok ? null : unknown.result.error.code).toBe('VALIDATION_FAILED');
    // Still alive after all that.
    const settings = await page.invoke('settings:update', { language: 'en' });
    expect(settings.ok).toBe(true);
    expect(page.events.some((e) => e.channel === 'session:changed')).toBe(true);
    page.close();
  });

  it('keeps its token across a restart on the same data folder, so a page left open gets back in', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const pageUrl = first.url;
    const page = await connectShell(pageUrl);
    const closed = new Promise<void>((resolve) => page.onClose(resolve));
    await first.close();
    await closed;
    expect(statSync(join(dataDir, SHELL_TOKEN_FILE)).mode & 0o077).toBe(0);

    const second = await start(dataDir, first.port);
    expect(second.url).toBe(pageUrl);
    const again = await connectShell(pageUrl);
    const snapshot = await again.invoke('session:get-snapshot', undefined);
    expect(snapshot.ok).toBe(true);
    again.close();
    // Another data folder is another shell: its token is its own.
    const other = await start();
    expect(new URL(other.url).searchParams.get('token')).not.toBe(new URL(pageUrl).searchParams.get('token'));
  });

  it('a client may ask for some events or none; it still gets its answers', async () => {
    const shell = await start();
    const all = await connectShell(shell.url);
    const some = await connectShell(shell.url, { events: ['session:changed'] });
    const none = await connectShell(shell.url, { events: [] });
    expect((await none.invoke('settings:update', { language: 'en' })).ok).toBe(true);
    await some.invoke('connection:get-state', undefined);
    await all.invoke('connection:get-state', undefined);
    expect(all.events.some((e) => e.channel === 'session:changed')).toBe(true);
    expect(some.events.map((e) => e.channel)).toEqual(['session:changed']);
    expect(none.events).toEqual([]);
    for (const client of [all, some, none]) client.close();
  });
});
