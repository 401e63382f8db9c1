/**
 * The hours change by themselves (no admin, no request): each node's timer at the next change
 * time tells its visitor sockets. Fake timers and a clock that moves with them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerSettings } from '../../shared/index.js';
import { DEFAULT_SETTINGS, type DomainContext } from '../domain/context.js';
import type { Client } from './client.js';
import { Fanout } from './fanout.js';
import { VisitorStatePush, businessHoursState } from './business-hours-push.js';

// Wednesday 2026-11-25 11:59 in Shanghai (03:59 UTC); open Wednesdays 09:00–12:00.
const START = Date.UTC(2026, 10, 25, 3, 59);

function visitorSocket(): { client: Client; sent: string[] } {
  const sent: string[] = [];
  const socket = { OPEN: 1, readyState: 1, send: (data: string) => sent.push(data) };
  const client = { socket, principal: { kind: 'visitor', visitor: { id: 'v1' } }, ready: true, deliveredSeq: 0, drafts: new Map() } as unknown as Client;
  return { client, sent };
}

describe('VisitorStatePush: business hours', () => {
  afterEach(() => vi.useRealTimers());

  it('tells open visitor sockets when the hours close at the end of a range, without any request', () => {
    vi.useFakeTimers({ now: START });
    const settings: ServerSettings = { ...DEFAULT_SETTINGS, businessHoursEnabled: true, businessHours: [{ weekday: 3, start: '09:00', end: '12:00' }] };
    const ctx = { clock: () => Date.now(), settings: () => settings } as unknown as DomainContext;
    const fanout = new Fanout();
    const push = new VisitorStatePush(fanout, [businessHoursState]);
    push.attach(ctx);
    const { client, sent } = visitorSocket();
    fanout.ready.visitors.add(client);
    push.sendTo(client);
    expect(JSON.parse(sent[0]!)).toMatchObject({ type: 'business-hours', hours: { open: true, nextChangeAt: Date.UTC(2026, 10, 25, 4) } });

    vi.advanceTimersByTime(59_000);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1_500);
    expect(sent).toHaveLength(2);
    expect(JSON.parse(sent[1]!)).toMatchObject({ type: 'business-hours', hours: { open: false, nextChangeAt: Date.UTC(2026, 11, 2, 1) } });
    push.stop();
  });

  it('sends nothing when a refresh finds the same state (settings changes that do not touch the hours)', () => {
    vi.useFakeTimers({ now: START });
    const ctx = { clock: () => Date.now(), settings: () => DEFAULT_SETTINGS } as unknown as DomainContext;
    const fanout = new Fanout();
    const push = new VisitorStatePush(fanout, [businessHoursState]);
    push.attach(ctx);
    const { client, sent } = visitorSocket();
    fanout.ready.visitors.add(client);
    push.refresh();
    expect(sent).toHaveLength(0);
    push.stop();
  });
});

describe('VisitorStatePush: widget settings beside the hours', () => {
  it('on connect a visitor gets every state; a saved widget change sends only the widget-config frame', () => {
    let stored: unknown = undefined;
    const ctx = {
      clock: () => START,
      settings: () => DEFAULT_SETTINGS,
      store: { widgetSettings: { read: () => stored }, groups: { byId: () => undefined } },
    } as unknown as DomainContext;
    const fanout = new Fanout();
    const push = new VisitorStatePush(fanout);
    push.attach(ctx);
    const { client, sent } = visitorSocket();
    fanout.ready.visitors.add(client);
    push.sendTo(client);
    expect(sent.map((json) => JSON.parse(json).type)).toEqual(['business-hours', 'widget-config', 'visitor-rules']);
    expect(JSON.parse(sent[1]!).config).toMatchObject({ themeColor: '#1664e3', themeTextColor: '#ffffff', position: 'bottom-right' });

    stored = { themeColor: '#ffd666', title: '小蜜' };
    push.refresh();
    expect(sent).toHaveLength(4);
    // A light colour gets dark text on it, and a darker shade where it is text on white.
    expect(JSON.parse(sent[3]!)).toMatchObject({ type: 'widget-config', config: { title: '小蜜', themeColor: '#ffd666', themeTextColor: '#1f1f1f' } });
    push.refresh();
    expect(sent).toHaveLength(4);
    push.stop();
  });
});
