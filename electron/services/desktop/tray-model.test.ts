import { describe, expect, it } from 'vitest';
import { allTrayIconNames, trayIconFile, trayView, type TrayState } from './tray-model.js';

const base: TrayState = { status: 'online', phone: null, unread: 0, queued: 0, disconnected: false, attention: false, windowFocused: true };

describe('tray model', () => {
  it('icon per status, with phone registration and an unread/queued overlay', () => {
    expect(trayView(base).icon).toBe('online');
    expect(trayView({ ...base, status: 'busy', phone: 'registered' }).icon).toBe('busy-phone');
    expect(trayView({ ...base, status: 'away', phone: 'failed', unread: 2 }).icon).toBe('away-unread');
    expect(trayView({ ...base, status: 'online', phone: 'registered', queued: 1 }).icon).toBe('online-phone-unread');
    expect(trayView({ ...base, status: 'offline' }).icon).toBe('offline');
    expect(trayIconFile('busy-phone', 'dark', 24)).toBe('busy-phone-dark-24.png');
    expect(new Set(allTrayIconNames()).size).toBe(16);
    expect(allTrayIconNames()).toContain(trayView({ ...base, status: 'away', phone: 'registered', unread: 3 }).icon);
  });

  it('tooltip says the status in Chinese with the counts and the phone state', () => {
    const view = trayView({ ...base, status: 'busy', unread: 3, queued: 2, phone: 'unregistered' });
    expect(view.tooltip).toBe('客服工作台 · 忙碌\n未读 3 · 排队 2\n电话未注册');
    expect(trayView({ ...base, status: 'offline', unread: 5 }).tooltip).toBe('客服工作台 · 离线');
    expect(trayView({ ...base, disconnected: true }).tooltip).toContain('网络已断开');
    // 未响应 only qualifies 离开: a stale mark on another status says nothing.
    expect(trayView({ ...base, status: 'away', notResponding: true }).tooltip.split('\n')[0]).toBe('客服工作台 · 未响应（已设为离开）');
    expect(trayView({ ...base, status: 'online', notResponding: true }).tooltip.split('\n')[0]).toBe('客服工作台 · 在线');
  });

  it('flashes on a new conversation only while the window is not focused', () => {
    expect(trayView({ ...base, attention: true, windowFocused: false }).flashing).toBe(true);
    expect(trayView({ ...base, attention: true, windowFocused: true }).flashing).toBe(false);
    expect(trayView({ ...base, attention: false, windowFocused: false }).flashing).toBe(false);
  });

  it('menu: status switch (current one checked), 打开, 设置, 退出系统; switch disabled when logged out', () => {
    const menu = trayView({ ...base, status: 'away' }).menu;
    expect(menu.map((item) => (item.kind === 'separator' ? '-' : item.label))).toEqual(['在线', '忙碌', '离开', '-', '打开', '设置', '-', '退出系统']);
    expect(menu.filter((item) => item.kind === 'status' && item.checked).map((item) => item.kind !== 'separator' && item.id)).toEqual(['status:away']);
    const loggedOut = trayView({ ...base, status: 'offline' }).menu;
    expect(loggedOut.filter((item) => item.kind === 'status').every((item) => item.kind === 'status' && !item.enabled && !item.checked)).toBe(true);
    expect(loggedOut.some((item) => item.kind === 'action' && item.id === 'quit')).toBe(true);
  });
});
