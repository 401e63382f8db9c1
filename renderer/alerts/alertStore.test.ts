import { afterEach, describe, expect, it, beforeEach } from 'vitest';
import { flashedTitle, OWN_ACCEPT_GRACE_MS, useAlertStore } from './alertStore.js';
import { FakeKefu, type Handlers } from '../testing/fakeKefu.js';
import { provideKefu } from '../app/kefu.js';
import { ok, type Result } from '../../shared/errors.js';
import { ALERT_EVENTS, DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../shared/ipc/alerts.js';

describe('提醒设置 in the store', () => {
  beforeEach(() => useAlertStore.setState({ settings: DEFAULT_ALERT_SETTINGS, stored: DEFAULT_ALERT_SETTINGS, unansweredSaves: 0 }));
  afterEach(() => provideKefu(null));

  // The e2e suite on a loaded machine: the section's load went out as it opened, the agent switched
  // the sound off at once, the save was answered — and then the load's answer, read before the save,
  // put the sound back on.
  it('a load answered after a newer save does not bring the old value back', async () => {
    const event = ALERT_EVENTS[0];
    let answerLoad!: (result: Result<AlertSettings>) => void;
    const handlers = {
      'alert-settings:get': () => new Promise<Result<AlertSettings>>((resolve) => (answerLoad = resolve)),
      'alert-settings:set': (next: AlertSettings) => ok(next),
    } as unknown as Handlers;
    provideKefu(new FakeKefu(handlers));
    const loading = useAlertStore.getState().loadSettings();
    const soundOff: AlertSettings = { ...DEFAULT_ALERT_SETTINGS, [event]: { ...DEFAULT_ALERT_SETTINGS[event], sound: false } };
    expect(await useAlertStore.getState().saveSettings(soundOff)).toBeNull();
    expect(useAlertStore.getState().settings[event].sound).toBe(false);
    answerLoad(ok(DEFAULT_ALERT_SETTINGS));
    await loading;
    expect(useAlertStore.getState().settings[event].sound).toBe(false);
    expect(useAlertStore.getState().stored[event].sound).toBe(false);
  });

  it('a load with no save since shows what the services hold', async () => {
    const event = ALERT_EVENTS[0];
    const held: AlertSettings = { ...DEFAULT_ALERT_SETTINGS, [event]: { ...DEFAULT_ALERT_SETTINGS[event], repeatSeconds: 7 } };
    provideKefu(new FakeKefu({ 'alert-settings:get': () => ok(held) }));
    expect(await useAlertStore.getState().loadSettings()).toBeNull();
    expect(useAlertStore.getState().settings[event].repeatSeconds).toBe(7);
  });
});

describe('alert store', () => {
  beforeEach(() => useAlertStore.setState({ pending: {}, ownAccepts: {} }));

  it('keeps one alert per event and conversation until the agent acts on it', () => {
    const { raise, acknowledge } = useAlertStore.getState();
    raise({ kind: 'conversation-assigned', conversationId: 'c1', title: '新对话', body: '访客123456' });
    raise({ kind: 'message-received', conversationId: 'c1', title: '新消息', body: '你好' });
    raise({ kind: 'message-received', conversationId: 'c1', title: '新消息', body: '还在吗' });
    raise({ kind: 'message-received', conversationId: 'c2', title: '新消息', body: '在吗' });
    expect(Object.keys(useAlertStore.getState().pending).sort()).toEqual(['conversation-assigned:c1', 'message-received:c1', 'message-received:c2']);
    expect(useAlertStore.getState().pending['message-received:c1']?.body).toBe('还在吗');
    acknowledge('c1');
    expect(Object.keys(useAlertStore.getState().pending)).toEqual(['message-received:c2']);
  });

  it('drops queue alerts for visitors that left the queue', () => {
    const { raise, dropQueuedExcept } = useAlertStore.getState();
    raise({ kind: 'visitor-queued', conversationId: 'q1', title: '访客排队', body: '' });
    raise({ kind: 'visitor-queued', conversationId: 'q2', title: '访客排队', body: '' });
    raise({ kind: 'message-received', conversationId: 'c9', title: '新消息', body: '' });
    dropQueuedExcept(['q2']);
    expect(Object.keys(useAlertStore.getState().pending).sort()).toEqual(['message-received:c9', 'visitor-queued:q2']);
  });

  it('settles against what is in view', () => {
    const { raise, settle } = useAlertStore.getState();
    raise({ kind: 'conversation-assigned', conversationId: 'c1', title: '', body: '' });
    raise({ kind: 'message-received', conversationId: 'c2', title: '', body: '' });
    settle({ selectedId: 'c2', focused: false, queuedIds: [] });
    expect(Object.keys(useAlertStore.getState().pending).sort()).toEqual(['conversation-assigned:c1', 'message-received:c2']);
    settle({ selectedId: 'c2', focused: true, queuedIds: [] });
    expect(Object.keys(useAlertStore.getState().pending)).toEqual(['conversation-assigned:c1']);
  });
});

describe('own accepts (接收对话)', () => {
  beforeEach(() => useAlertStore.setState({ pending: {}, ownAccepts: {} }));

  it('remembers the accept for a grace period and drops the queued visitor’s alert at once', () => {
    const { raise, noteOwnAccept } = useAlertStore.getState();
    raise({ kind: 'visitor-queued', conversationId: 'q1', title: '访客排队', body: '' });
    noteOwnAccept('q1', 1_000);
    expect(useAlertStore.getState().pending).toEqual({});
    expect(useAlertStore.getState().ownAcceptIds(1_000 + OWN_ACCEPT_GRACE_MS - 1)).toEqual(['q1']);
    // Later, a transfer back to this agent must chime again.
    expect(useAlertStore.getState().ownAcceptIds(1_000 + OWN_ACCEPT_GRACE_MS)).toEqual([]);
    noteOwnAccept('q2', 1_000 + OWN_ACCEPT_GRACE_MS);
    expect(Object.keys(useAlertStore.getState().ownAccepts)).toEqual(['q2']);
  });
});

describe('flashedTitle', () => {
  it('shows the unread count on every other tick and never when all is read', () => {
    expect(flashedTitle('客服工作台', '【3 条新消息】', 3, true)).toBe('【3 条新消息】客服工作台');
    expect(flashedTitle('客服工作台', '【3 条新消息】', 3, false)).toBe('客服工作台');
    expect(flashedTitle('客服工作台', '【0 条新消息】', 0, true)).toBe('客服工作台');
  });
});
