/**
 * Self-update in the built main, with the electron-updater stand-in: the feed is the server in use
 * (/updates/ on it), checked at start and again when the 4-hour timer fires; a pre-release offered
 * to a stable install is not taken; the download's progress reaches the page; 立即重启 and the
 * install on quit wait while a message is unsent; 立即重启 goes through the quit rules (the
 * question, 离开 on the server) before the installer runs.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { removeTempDirs } from '../../../electron/services/test-support/temp-dir.js';
import { AGENT1, startBackend, type Backend } from '../support/backend.js';
import { launchFor } from '../support/layouts.js';
import { launchMain, type MainProcess } from '../support/main-process.js';

const FOUR_HOURS = 4 * 60 * 60 * 1000;
let backend: Backend | null = null;
let main: MainProcess | null = null;

afterEach(async () => {
  main?.stop();
  await backend?.dispose();
  removeTempDirs();
});

const sentUpdate = (state: Record<string, unknown>) => ({ api: 'webContents.send', args: ['update:changed', state] });

async function startLoggedInWithChat(app: MainProcess, server: Backend): Promise<string> {
  await app.call('invoke', 'session:login', {
    account: AGENT1.account,
    password: AGENT1.password,
    rememberPassword: false,
    autoLogin: false,
    autoStart: false,
  });
  await app.call('clickTrayMenu', '在线');
  await app.call('until', { api: 'webContents.send', args: ['agent:updated', { account: AGENT1.account, status: 'online' }] });
  const { conversationId } = await server.visitorChat();
  await app.call('until', { api: 'webContents.send', args: ['conversation:updated', { id: conversationId }] });
  return conversationId;
}

describe('self-update (packaged, Linux)', () => {
  it('checks the server in use at start and every 4 hours, takes only a newer release, shows progress, and waits for an unsent message', async () => {
    backend = await startBackend();
    const launch = launchFor('packaged', 'linux', inject('packagedApp'));
    main = await launchMain({
      ...launch,
      facts: { ...launch.facts, updateFeed: { version: '0.2.0-beta.1' } },
      env: { KEFU_SERVER_URL: backend.url },
      fakeIntervals: true,
    });
    await main.call('ready');
    await main.call('until', { api: 'autoUpdater.setFeedURL', args: [{ provider: 'generic', url: `${backend.url}/updates/` }] });
    await main.call('until', { api: 'autoUpdater.checkForUpdates' });
    await main.call('until', sentUpdate({ phase: 'idle', version: null }));
    // electron-updater calls 0.2.0-beta.1 newer; a stable install does not take a pre-release.
    expect(await main.call('records', 'autoUpdater.downloadUpdate')).toEqual([]);
    expect(await main.call('invoke', 'update:get-state', undefined)).toMatchObject({
      ok: true,
      value: { available: true, phase: 'idle', currentVersion: launch.facts.appVersion },
    });

    await main.call('setFacts', { updateFeed: { version: '0.2.0' } });
    await main.call('advanceIntervals', FOUR_HOURS);
    await main.call('until', { api: 'autoUpdater.downloadUpdate', args: ['0.2.0'] });
    await main.call('until', sentUpdate({ phase: 'downloading', version: '0.2.0', percent: 0 }));
    await main.call('updateDownloadProgress', 37.4);
    await main.call('until', sentUpdate({ phase: 'downloading', percent: 37 }));
    await main.call('finishUpdateDownload');
    await main.call('until', sentUpdate({ phase: 'downloaded', version: '0.2.0' }));

    const conversationId = await startLoggedInWithChat(main, backend);
    await backend.dispose();
    backend = null;
    const sent = await main.call('invoke', 'conversations:send-message', { conversationId, kind: 'text', text: '服务器断了' });
    expect(sent).toMatchObject({ ok: true, value: { delivery: 'sending' } });
    expect(await main.call('invoke', 'update:restart-now', undefined)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { reason: 'outbox' } },
    });
    await main.call('until', sentUpdate({ phase: 'downloaded', blockedBy: 'outbox' }));
    expect(await main.call('records', 'autoUpdater.quitAndInstall')).toEqual([]);

    // 退出系统 now: the app quits, the update waits for a start with nothing unsent.
    await main.call('setFacts', { dialogAnswers: [0] });
    await main.call('clickTrayMenu', '退出系统');
    await main.call('until', { api: 'autoUpdater.installOnQuitSkipped', args: ['0.2.0'] });
    await main.call('until', { api: 'process.ended' });
    expect(await main.call('records', 'autoUpdater.install')).toEqual([]);
  });
});

describe('立即重启 (packaged, Windows)', () => {
  it('asks the quit question first; 取消 installs nothing; 退出 goes 离开 and runs the installer silently, then the app', async () => {
    backend = await startBackend();
    const launch = launchFor('packaged', 'win32', inject('packagedApp'));
    main = await launchMain({ ...launch, facts: { ...launch.facts, updateFeed: { version: '0.2.0' } }, env: { KEFU_SERVER_URL: backend.url } });
    await main.call('ready');
    await main.call('until', { api: 'autoUpdater.downloadUpdate', args: ['0.2.0'] });
    await main.call('finishUpdateDownload');
    await main.call('until', sentUpdate({ phase: 'downloaded', version: '0.2.0' }));
    await startLoggedInWithChat(main, backend);

    await main.call('setFacts', { dialogAnswers: [1] });
    expect(await main.call('invoke', 'update:restart-now', undefined)).toMatchObject({ ok: true, value: { phase: 'downloaded' } });
    expect(await main.call('records', 'dialog.showMessageBox')).toHaveLength(1);
    expect(await main.call('records', 'autoUpdater.quitAndInstall')).toEqual([]);
    expect((await main.call('state')).app.endedWith).toBeNull();

    await main.call('setFacts', { dialogAnswers: [0] });
    expect(await main.call('invoke', 'update:restart-now', undefined)).toMatchObject({ ok: true });
    await main.call('until', { api: 'autoUpdater.install', args: [{ version: '0.2.0', silent: true, runAfter: true, onQuit: false }] });
    await main.call('until', { api: 'process.ended' });
    expect(await backend.agentStatus(AGENT1.account)).toBe('away');
  });
});
