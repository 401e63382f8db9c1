/**
 * The IPC contract (shared/ipc/contract.ts) as the built main serves it: a handler for every
 * invoke channel and for nothing else, each refusing other pages; every event the main sends is a
 * contract event (the preload drops anything else); the events the main raises itself and those it
 * forwards from the services reach the page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventChannels, invokeChannels } from '../../../shared/ipc/contract.js';
import { removeTempDirs } from '../../../electron/services/test-support/temp-dir.js';
import { AGENT1, startBackend, type Backend } from '../support/backend.js';
import { launchFor } from '../support/layouts.js';
import { launchMain, type MainProcess } from '../support/main-process.js';

let backend: Backend;
let main: MainProcess;
let mainWindow: string;

const sentChannels = async () =>
  new Set((await main.call('records', 'webContents.send')).filter((sent) => sent.target === mainWindow).map((sent) => sent.args[0] as string));

beforeAll(async () => {
  backend = await startBackend();
  main = await launchMain({ ...launchFor('packaged', 'linux', inject('packagedApp')), env: { KEFU_SERVER_URL: backend.url } });
  await main.call('ready');
  await main.call('until', { api: 'Tray.setContextMenu' });
  mainWindow = `window:${(await main.call('state')).windows.find((window) => window.role === 'main')!.id}`;
  await main.call('invoke', 'session:login', {
    account: AGENT1.account,
    password: AGENT1.password,
    rememberPassword: false,
    autoLogin: false,
    autoStart: false,
  });
  await main.call('clickTrayMenu', '在线');
  await main.call('until', { api: 'webContents.send', args: ['agent:updated', { account: AGENT1.account, status: 'online' }] });
});
afterAll(async () => {
  main?.stop();
  await backend?.dispose();
  removeTempDirs();
});

describe('the IPC contract in the built main (packaged, Linux)', () => {
  it('has a handler for every invoke channel of the contract, and for nothing else', async () => {
    const { invokeHandlers } = await main.call('state');
    expect([...invokeHandlers].sort()).toEqual(Object.keys(invokeChannels).sort());
  });

  it('every handler refuses a page that is not ours, before looking at the request', async () => {
    for (const channel of Object.keys(invokeChannels)) {
      expect(await main.call('invoke', channel, undefined, 'file:///tmp/not-our-page.html'), channel).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
  });

  it('the desktop events the main raises itself reach the page', async () => {
    await main.call('invoke', 'desktop:update-settings', { idleAwayMinutes: 20 });
    await main.call('until', { api: 'webContents.send', target: mainWindow, args: ['desktop:state-changed', { settings: { idleAwayMinutes: 20 } }] });
    await main.call('clickTrayMenu', '设置');
    await main.call('until', { api: 'webContents.send', target: mainWindow, args: ['desktop:open-settings'] });
    const [shortcut] = await main.call('records', 'globalShortcut.register');
    expect(await main.call('pressShortcut', shortcut!.args[0] as string)).toBe(true);
    await main.call('until', { api: 'webContents.send', target: mainWindow, args: ['desktop:screenshot-requested'] });
  });

  it('the services’ events reach the page: session, connection, roster, queue, a routed chat and its messages, alerts, phrases, phone', async () => {
    const { conversationId } = await backend.visitorChat();
    await main.call('until', { api: 'webContents.send', target: mainWindow, args: ['conversation:updated', { id: conversationId }] });
    const sent = await main.call('invoke', 'conversations:send-message', { conversationId, kind: 'text', text: '您好，请问有什么可以帮您？' });
    expect(sent).toMatchObject({ ok: true });
    await main.call('until', { api: 'webContents.send', target: mainWindow, args: ['message:upserted', { conversationId, delivery: 'sent' }] });
    const current = await main.call('invoke', 'alert-settings:get', undefined);
    expect(current).toMatchObject({ ok: true });
    await main.call('invoke', 'alert-settings:set', (current as { value: unknown }).value);
    await main.call('until', { api: 'webContents.send', target: mainWindow, args: ['alert-settings:changed'] });
    const channels = await sentChannels();
    for (const channel of [
      'session:changed',
      'connection:changed',
      'agent:updated',
      'queue:changed',
      'conversation:updated',
      'message:upserted',
      'alert:raised',
      'phrases:changed',
      'phone:state-changed',
      'alert-settings:changed',
    ]) {
      expect(channels, channel).toContain(channel);
    }
  });

  it('everything sent to the page is an event channel of the contract (the preload would drop anything else)', async () => {
    const unknown = [...(await sentChannels())].filter((channel) => !Object.hasOwn(eventChannels, channel));
    expect(unknown).toEqual([]);
  });
});
