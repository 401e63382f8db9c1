import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../shared/ipc/alerts.js';
import { actedKeys, alertKey, decideRaised, repeatIntervalMs, type Alert, type AlertView } from './alertDecision.js';

const queued: Alert = { kind: 'visitor-queued', conversationId: 'q1', title: '访客100001', body: '' };
const assigned: Alert = { kind: 'conversation-assigned', conversationId: 'c1', title: '访客100002', body: '' };
const message: Alert = { kind: 'message-received', conversationId: 'c2', title: '访客100003', body: '在吗' };
const view = (patch: Partial<AlertView> = {}): AlertView => ({ selectedId: null, focused: true, queuedIds: ['q1'], ...patch });
const pendingOf = (...alerts: Alert[]) => Object.fromEntries(alerts.map((a) => [alertKey(a), a]));
const withEvent = (event: keyof AlertSettings, patch: Partial<AlertSettings[keyof AlertSettings]>): AlertSettings => ({
  ...DEFAULT_ALERT_SETTINGS,
  [event]: { ...DEFAULT_ALERT_SETTINGS[event], ...patch },
});

describe('decideRaised', () => {
  it('plays and notifies per the event settings, under the master sound switch', () => {
    expect(decideRaised(queued, DEFAULT_ALERT_SETTINGS, view(), true)).toEqual({ keep: true, play: true, notify: true });
    expect(decideRaised(queued, withEvent('visitor-queued', { sound: false }), view(), true)).toEqual({ keep: true, play: false, notify: true });
    expect(decideRaised(message, withEvent('message-received', { notification: false }), view(), true)).toEqual({ keep: true, play: true, notify: false });
    expect(decideRaised(assigned, DEFAULT_ALERT_SETTINGS, view(), false).play).toBe(false);
  });

  it('does nothing for a message in the conversation open in a focused window, but alerts when unfocused', () => {
    expect(decideRaised(message, DEFAULT_ALERT_SETTINGS, view({ selectedId: 'c2' }), true)).toEqual({ keep: false, play: false, notify: false });
    expect(decideRaised(message, DEFAULT_ALERT_SETTINGS, view({ selectedId: 'c2', focused: false }), true).keep).toBe(true);
    expect(decideRaised(message, DEFAULT_ALERT_SETTINGS, view({ selectedId: 'other' }), true).keep).toBe(true);
  });

  it('an assignment from the agent’s own accept (接收对话) does not chime, even before it is selected', () => {
    expect(decideRaised(assigned, DEFAULT_ALERT_SETTINGS, view({ ownAcceptIds: ['c1'] }), true)).toEqual({ keep: false, play: false, notify: false });
    // Someone else's conversation pushed to the agent still alerts.
    expect(decideRaised(assigned, DEFAULT_ALERT_SETTINGS, view({ ownAcceptIds: ['c9'] }), true)).toEqual({ keep: true, play: true, notify: true });
    // An own accept silences only the assignment, not the visitor's messages in it.
    expect(decideRaised({ ...message, conversationId: 'c1' }, DEFAULT_ALERT_SETTINGS, view({ ownAcceptIds: ['c1'] }), true).keep).toBe(true);
  });
});

describe('actedKeys', () => {
  const all = pendingOf(queued, assigned, message);

  it('keeps everything while nothing was acted on', () => {
    expect(actedKeys(all, view())).toEqual([]);
  });

  it('a queued visitor is acted on once no longer queued (accepted, taken by someone else, left)', () => {
    expect(actedKeys(all, view({ queuedIds: [] }))).toEqual([alertKey(queued)]);
  });

  it('an assigned conversation is acted on when opened; a message only when its conversation is in view', () => {
    expect(actedKeys(all, view({ selectedId: 'c1', focused: false }))).toEqual([alertKey(assigned)]);
    expect(actedKeys(all, view({ selectedId: 'c2', focused: false }))).toEqual([]);
    expect(actedKeys(all, view({ selectedId: 'c2', focused: true }))).toEqual([alertKey(message)]);
  });

  it('keys by event kind, so a later message does not replace an unopened assignment', () => {
    const later: Alert = { ...message, conversationId: 'c1' };
    expect(Object.keys(pendingOf(assigned, later)).sort()).toEqual(['conversation-assigned:c1', 'message-received:c1']);
  });
});

describe('repeatIntervalMs', () => {
  it('repeats at the shortest interval among pending alerts set to repeat', () => {
    const settings = withEvent('conversation-assigned', { repeatSeconds: 3 });
    expect(repeatIntervalMs(pendingOf(queued, assigned), settings, true)).toBe(3000);
    expect(repeatIntervalMs(pendingOf(queued), settings, true)).toBe(DEFAULT_ALERT_SETTINGS['visitor-queued'].repeatSeconds * 1000);
  });

  it('stops when nothing pending repeats: repeat off, sound off, master off or nothing pending', () => {
    expect(repeatIntervalMs(pendingOf(message), DEFAULT_ALERT_SETTINGS, true)).toBeNull();
    expect(repeatIntervalMs(pendingOf(queued), withEvent('visitor-queued', { repeat: false }), true)).toBeNull();
    expect(repeatIntervalMs(pendingOf(queued), withEvent('visitor-queued', { sound: false }), true)).toBeNull();
    expect(repeatIntervalMs(pendingOf(queued), DEFAULT_ALERT_SETTINGS, false)).toBeNull();
    expect(repeatIntervalMs({}, DEFAULT_ALERT_SETTINGS, true)).toBeNull();
  });
});
