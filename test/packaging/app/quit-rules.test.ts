/**
 * 退出系统 with a visitor still talking: the app asks first (the OS dialog, parented to the
 * window); 取消 keeps everything running; 退出 goes 离开 on the server and quits. A quit from the
 * OS (before-quit) takes the same road.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeTempDirs } from '../../../electron/services/test-support/temp-dir.js';
import { AGENT1, startBackend, type Backend } from '../support/backend.js';
import { launchFor } from '../support/layouts.js';
import { launchMain, type MainProcess } from '../support/main-process.js';

let backend: Backend;
let main: MainProcess;

beforeAll(async () => {
  backend = await startBackend();
  main = await launchMain({ ...launchFor('packaged', 'win32', inject('packagedApp')), env: { KEFU_SERVER_URL: backend.url } });
  await main.call('ready');
  await main.call('until', { api: 'Tray.setContextMenu' });
  await main.call('invoke', 'session:login', {
    account: AGENT1.account,
    password: AGENT1.password,
    rememberPassword: false,
    autoLogin: false,
    autoStart: false,
  });
  await main.call('clickTrayMenu', '在线');
  await main.call('until', { api: 'webContents.send', args: ['agent:updated', { account: AGENT1.account, status: 'online' }] });
  const { conversationId } = await backend.visitorChat();
  await main.call('until', { api: 'webContents.send', args: ['conversation:updated', { id: conversationId }] });
});
afterAll(async () => {
  main?.stop();
  await backend?.dispose();
  removeTempDirs();
});

describe('退出系统 with an open conversation (packaged, Windows)', () => {
  it('asks first; 取消 keeps the app running and the agent 在线', async () => {
    await main.call('setFacts', { dialogAnswers: [1] });
    expect(await main.call('invoke', 'desktop:quit', undefined)).toEqual({ ok: true, value: { quitting: false } });
    const [asked] = await main.call('records', 'dialog.showMessageBox');
    expect(asked!.args[0]).toMatchObject({ title: '退出系统', buttons: ['退出', '取消'] });
    expect(asked!.args[1]).toMatchObject({ parent: true });
    expect((await main.call('state')).app.endedWith).toBeNull();
    expect(await backend.agentStatus(AGENT1.account)).toBe('online');
  });

  it('a quit from the OS (before-quit) is held back and asks the same question', async () => {
    await main.call('setFacts', { dialogAnswers: [1] });
    const from = await main.call('nextSeq');
    expect(await main.call('appEvent', 'before-quit')).toEqual({ defaultPrevented: true });
    await main.call('until', { api: 'dialog.showMessageBox', after: from });
    expect((await main.call('state')).app.endedWith).toBeNull();
  });

  it('退出 goes 离开 on the server, then quits', async () => {
    await main.call('setFacts', { dialogAnswers: [0] });
    expect(await main.call('invoke', 'desktop:quit', undefined)).toEqual({ ok: true, value: { quitting: true } });
    await main.call('until', { api: 'process.ended' });
    expect(await backend.agentStatus(AGENT1.account)).toBe('away');
    expect((await main.call('state')).app).toMatchObject({ endedWith: 0, lockHeld: false });
  });
});
