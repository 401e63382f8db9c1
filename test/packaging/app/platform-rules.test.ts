/**
 * What each platform does differently, through the built main in the packaged layout: Windows
 * toasts need the installer's AppUserModelId; Linux without a keyring only pretends to encrypt;
 * Linux never emits 'lock-screen'; Windows logoff skips 'before-quit'; the hidden window that
 * plays call audio and the ringtone must not be throttled; the page may raise notifications; the
 * 截屏 selection reaches the conversation.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { removeTempDirs } from '../../../electron/services/test-support/temp-dir.js';
import { AGENT1, AGENT2, startBackend, type Backend } from '../support/backend.js';
import { loadBuilderConfig } from '../support/electron-builder-config.js';
import { launchFor, type Platform } from '../support/layouts.js';
import { launchMain, type MainProcess } from '../support/main-process.js';
import type { OsFacts } from '../stand-in/os-facts.js';

let backend: Backend;
beforeAll(async () => {
  backend = await startBackend();
});
afterAll(async () => {
  await backend.dispose();
  removeTempDirs();
});

/**
 * A started workstation (tray up), optionally logged in as agent1 and 在线. It ends with its test:
 * two workstations of the same agent would set each other's status on the shared backend.
 */
async function startWorkstation(
  platform: Platform,
  options: { login?: boolean; facts?: Partial<OsFacts>; fakeIntervals?: boolean; env?: Record<string, string> } = {},
) {
  const base = launchFor('packaged', platform, inject('packagedApp'));
  const main = await launchMain({
    ...base,
    facts: { ...base.facts, ...options.facts },
    env: { KEFU_SERVER_URL: backend.url, ...options.env },
    fakeIntervals: options.fakeIntervals,
  });
  onTestFinished(() => main.stop());
  await main.call('ready');
  await main.call('until', { api: 'Tray.setContextMenu' });
  if (options.login) {
    const login = await main.call('invoke', 'session:login', {
      account: AGENT1.account,
      password: AGENT1.password,
      rememberPassword: false,
      autoLogin: false,
      autoStart: false,
    });
    expect(login).toMatchObject({ ok: true });
    await main.call('clickTrayMenu', '在线');
    await main.call('until', { api: 'webContents.send', args: ['agent:updated', { status: 'online' }] });
  }
  return main;
}

const awayOnServer = async (main: MainProcess, after: number) => {
  await main.call('until', { api: 'webContents.send', args: ['agent:updated', { account: AGENT1.account, status: 'away' }], after });
  expect(await backend.agentStatus(AGENT1.account)).toBe('away');
};

describe('Windows', () => {
  it('names itself with the installer’s AppUserModelId before anything shows (else no toast appears)', async () => {
    const main = await startWorkstation('win32');
    const [named] = await main.call('records', 'app.setAppUserModelId');
    const { appId } = (await loadBuilderConfig()) as { appId: string };
    expect(named?.args).toEqual([appId]);
    const [ready] = await main.call('records', 'app.ready');
    expect(named!.seq).toBeLessThan(ready!.seq);
  });

  it('logoff (session-end, no before-quit on Windows): goes 离开 on the server and ends without asking', async () => {
    const main = await startWorkstation('win32', { login: true });
    const from = await main.call('nextSeq');
    await main.call('windowEvent', 'main', 'session-end');
    await awayOnServer(main, from);
    await main.call('until', { api: 'process.ended', after: from });
    expect(await main.call('records', 'dialog.showMessageBox')).toEqual([]);
  });

  it('screen lock (lock-screen) makes the agent 离开, whatever a colleague’s status is', async () => {
    const main = await startWorkstation('win32', { login: true });
    // A colleague's roster update in between (own-status.test.ts pins why it must not count).
    await backend.setStatusAs(AGENT2, 'away');
    await main.call('until', { api: 'webContents.send', args: ['agent:updated', { account: AGENT2.account, status: 'away' }] });
    const from = await main.call('nextSeq');
    await main.call('powerEvent', 'lock-screen');
    await awayOnServer(main, from);
    await main.call('powerEvent', 'unlock-screen');
    await main.call('until', { api: 'webContents.send', args: ['agent:updated', { status: 'online' }], after: from });
  });
});

describe('Linux', () => {
  it('without a keyring (basic_text) nothing is remembered: 记住密码 is off and no password is written', async () => {
    const main = await startWorkstation('linux', { facts: { keyringBackend: 'basic_text', encryptionAvailable: true } });
    expect(await main.call('invoke', 'desktop:get-state', undefined)).toMatchObject({ ok: true, value: { canRememberPassword: false } });
    const login = await main.call('invoke', 'session:login', {
      account: AGENT1.account,
      password: AGENT1.password,
      rememberPassword: true,
      autoLogin: false,
      autoStart: false,
    });
    expect(login).toMatchObject({ ok: true });
    expect(await main.call('records', 'safeStorage.encryptString')).toEqual([]);
    const secrets = join(main.folder, 'data/secrets.safe.json');
    if (existsSync(secrets)) expect(readFileSync(secrets, 'utf8')).not.toContain(AGENT1.account);
  });

  it('with a keyring (libsecret) the password is remembered, sealed', async () => {
    const main = await startWorkstation('linux', { facts: { keyringBackend: 'gnome_libsecret', encryptionAvailable: true } });
    expect(await main.call('invoke', 'desktop:get-state', undefined)).toMatchObject({ ok: true, value: { canRememberPassword: true } });
    await main.call('invoke', 'session:login', {
      account: AGENT1.account,
      password: AGENT1.password,
      rememberPassword: true,
      autoLogin: false,
      autoStart: false,
    });
    expect((await main.call('records', 'safeStorage.encryptString')).length).toBeGreaterThan(0);
    const secrets = readFileSync(join(main.folder, 'data/secrets.safe.json'), 'utf8');
    expect(secrets).toContain(AGENT1.account);
    expect(secrets).not.toContain(AGENT1.password);
  });

  it('a locked screen (no lock-screen event on Linux) makes the agent 离开, and unlocking brings 在线 back', async () => {
    const main = await startWorkstation('linux', { login: true, fakeIntervals: true });
    const from = await main.call('nextSeq');
    await main.call('setFacts', { screenLocked: true });
    await main.call('advanceIntervals', 15_000);
    await awayOnServer(main, from);
    await main.call('setFacts', { screenLocked: false });
    await main.call('advanceIntervals', 15_000);
    await main.call('until', { api: 'webContents.send', args: ['agent:updated', { status: 'online' }], after: from });
  });

  it('system shutdown (powerMonitor shutdown): delays it, goes 离开 on the server and ends without asking', async () => {
    const main = await startWorkstation('linux', { login: true });
    const from = await main.call('nextSeq');
    expect(await main.call('powerEvent', 'shutdown')).toEqual({ defaultPrevented: true });
    await awayOnServer(main, from);
    await main.call('until', { api: 'process.ended', after: from });
    expect(await main.call('records', 'dialog.showMessageBox')).toEqual([]);
  });
});

describe.each<Platform>(['linux', 'win32'])('both platforms (%s)', (platform) => {
  it('the main window keeps running hidden: no background throttling (call audio, ringtone, alerts)', async () => {
    const main = await startWorkstation(platform);
    const window = (await main.call('state')).windows.find((candidate) => candidate.role === 'main');
    expect(window?.options.webPreferences).toMatchObject({ backgroundThrottling: false });
  });

  it('our page may raise system notifications and use the microphone; other pages may not', async () => {
    const main = await startWorkstation(platform);
    const page = (await main.call('state')).windows.find((candidate) => candidate.role === 'main')!.url;
    expect(await main.call('permission', 'notifications', page)).toBe(true);
    expect(await main.call('permission', 'media', page, ['audio'])).toBe(true);
    expect(await main.call('permission', 'notifications', 'https://evil.example/')).toBe(false);
    expect(await main.call('permission', 'geolocation', page)).toBe(false);
  });
});

describe('data folder', () => {
  it('KEFU_DATA_DIR moves the whole profile before ready (a second profile, a test run)', async () => {
    const dataDir = join(tmpdir(), `kefu-profile-${process.pid}-${Date.now()}`);
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const main = await startWorkstation('linux', { env: { KEFU_DATA_DIR: dataDir } });
    expect(await main.call('records', 'app.setPath')).toEqual([expect.objectContaining({ args: ['userData', dataDir, { beforeReady: true }] })]);
    expect(existsSync(join(dataDir, 'workstation.sqlite'))).toBe(true);
    expect(existsSync(join(main.folder, 'data/workstation.sqlite'))).toBe(false);
  });
});

describe('截屏', () => {
  it('the selected region is sent into the conversation (the overlay closing must not win over the selection)', async () => {
    const main = await startWorkstation('linux', { login: true });
    const { conversationId } = await backend.visitorChat();
    await main.call('until', { api: 'webContents.send', args: ['conversation:updated', { id: conversationId }] });
    const capture = main.call('invoke', 'desktop:capture-screenshot', { conversationId });
    await main.call('until', { api: 'webContents.send', args: ['overlay:image'] });
    await main.call('overlayDone', { x: 10, y: 10, width: 50, height: 40 });
    expect(await capture).toEqual({ ok: true, value: { sent: true } });
    await main.call('until', { api: 'webContents.send', args: ['message:upserted', { conversationId, kind: 'image', delivery: 'sent' }] });
    const overlays = (await main.call('state')).windows.filter((window) => window.role === 'overlay');
    expect(overlays.length).toBeGreaterThan(0);
    expect(overlays.every((window) => window.destroyed)).toBe(true);
  });
});
