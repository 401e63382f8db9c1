/**
 * 服务器地址 in the built main: kefu-desk.json where the Windows installer writes it names the
 * server of an installed app; a broken one is reported and the built-in address is used; the
 * page's CSP (connect-src) follows the server the agent switches to; a development build does not
 * try to update itself.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../../../electron/services/test-support/tcp-proxy.js';
import { removeTempDirs } from '../../../electron/services/test-support/temp-dir.js';
import { BUILT_IN_SERVER_URL } from '../../../shared/server-address.js';
import { startBackend, type Backend } from '../support/backend.js';
import { launchFor } from '../support/layouts.js';
import { launchMain, type MainProcess } from '../support/main-process.js';

const INSTALLER_CONFIG = 'appdata/kefu-desk/kefu-desk.json';
let backend: Backend | null = null;
let proxy: TcpProxy | null = null;
let main: MainProcess | null = null;

afterEach(async () => {
  main?.stop();
  await proxy?.close();
  await backend?.dispose();
  [main, proxy, backend] = [null, null, null];
  removeTempDirs();
});

const connectSrc = async (app: MainProcess) => {
  const headers = await app.call('responseHeaders', 'file:///app/renderer/index.html');
  return /connect-src ([^;]*)/.exec(headers['Content-Security-Policy']?.[0] ?? '')?.[1]?.split(' ') ?? [];
};

describe('服务器地址 (packaged, Windows)', () => {
  it('the installer’s kefu-desk.json names the server; the CSP follows the agent’s switch to another address', async () => {
    backend = await startBackend();
    const port = Number(new URL(backend.url).port);
    main = await launchMain({
      ...launchFor('packaged', 'win32', inject('packagedApp')),
      files: { [INSTALLER_CONFIG]: `\uFEFF${JSON.stringify({ serverUrl: `${backend.url}/` })}` },
    });
    await main.call('ready');
    await main.call('until', { api: 'Tray.setContextMenu' });
    expect(await main.call('invoke', 'server:get-address', undefined)).toMatchObject({
      ok: true,
      value: { url: backend.url, source: 'deployment', deploymentProblem: null },
    });
    expect(await connectSrc(main)).toEqual(expect.arrayContaining([backend.url, `ws://127.0.0.1:${port}`]));

    proxy = await startTcpProxy(port);
    expect(await main.call('invoke', 'server:set-address', { url: proxy.url, discardUnsent: false })).toMatchObject({
      ok: true,
      value: { url: proxy.url, source: 'chosen' },
    });
    const after = await connectSrc(main);
    expect(after).toEqual(expect.arrayContaining([proxy.url, `ws://127.0.0.1:${proxy.port}`]));
    expect(after).not.toContain(backend.url);
    await main.call('until', { api: 'autoUpdater.setFeedURL', args: [{ url: `${backend.url}/updates/` }] });
  });
});

describe('服务器地址 (packaged, Linux)', () => {
  it('a broken kefu-desk.json is reported with its path, and the built-in address is used', async () => {
    main = await launchMain({
      ...launchFor('packaged', 'linux', inject('packagedApp')),
      files: { [INSTALLER_CONFIG]: '{"serverURL": "https://kefu.example.com"}' },
    });
    await main.call('ready');
    await main.call('until', { api: 'Tray.setContextMenu' });
    const state = await main.call('invoke', 'server:get-address', undefined);
    expect(state).toMatchObject({ ok: true, value: { url: BUILT_IN_SERVER_URL, source: 'built-in' } });
    expect((state as { value: { deploymentProblem: string } }).value.deploymentProblem).toMatch(/kefu-desk\.json must be \{"serverUrl"/);
  });
});

describe('a development build (not packaged)', () => {
  it('does not ask for updates and says so', async () => {
    main = await launchMain({ ...launchFor('development', 'linux', inject('packagedApp')), env: { KEFU_SERVER_URL: 'http://127.0.0.1:9' } });
    await main.call('ready');
    await main.call('until', { api: 'Tray.setContextMenu' });
    expect(await main.call('invoke', 'update:get-state', undefined)).toMatchObject({ ok: true, value: { available: false } });
    expect(await main.call('records', 'autoUpdater.checkForUpdates')).toEqual([]);
  });
});
