/**
 * 工作时间 and 最大排队人数 against the real server: bad settings refused naming the field with
 * nothing changed; outside hours a new chat is refused (OUTSIDE_BUSINESS_HOURS) while an open one
 * goes on, and an open widget's socket hears of the change at once; a full queue refuses one more.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BusinessHoursState, ServerFrame, ServerSettings } from '../../shared/index.js';
import { call, newVisitor, RealtimeClient } from '../testing/harness.js';
import { createScene, dbFingerprint, goLive, sendText, visitorChat, type Scene } from '../testing/scene.js';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string> } };
type HoursFrame = Extract<ServerFrame, { type: 'business-hours' }>;

// The test clock starts at 2026-11-25 09:00 UTC: Wednesday 17:00 in Shanghai.
const THURSDAY_9_SHANGHAI = Date.UTC(2026, 10, 26, 1);
const NOTICE = '现在是非工作时间，请留言，我们上班后尽快回复。';

describe('business hours and the queue limit', () => {
  let scene: Scene;
  const api = <T>(method: string, path: string, body?: unknown, token = scene.admin.token) => call<T>(scene.server.url, method, path, { token, body });
  const start = (token: string) =>
    call<{ outcome: string; conversation?: { id: string } } & ErrorBody>(scene.server.url, 'POST', '/api/visitor/conversation', { token });
  const session = (token: string) =>
    call<{ businessHours: BusinessHoursState; settings: ServerSettings }>(scene.server.url, 'POST', '/api/visitor/session', { body: { token } });

  beforeEach(async () => {
    scene = await createScene();
  });
  afterEach(() => scene.dispose());

  it('refuses bad settings with VALIDATION_FAILED naming the field, and changes nothing', async () => {
    const holidays = Array.from({ length: 101 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10));
    const bad: [Record<string, unknown>, string][] = [
      [
        {
          businessHours: [
            { weekday: 1, start: '09:00', end: '12:00' },
            { weekday: 1, start: '11:30', end: '14:00' },
          ],
        },
        'body.businessHours.1.start',
      ],
      [{ businessHours: [{ weekday: 1, start: '09:00', end: '25:00' }] }, 'body.businessHours.0.end'],
      [{ businessHours: [{ weekday: 2, start: '18:00', end: '09:00' }] }, 'body.businessHours.0.end'],
      [{ businessHours: [{ weekday: 7, start: '09:00', end: '18:00' }] }, 'body.businessHours.0.weekday'],
      [{ businessHours: [{ weekday: 1, start: '9:00', end: '18:00' }] }, 'body.businessHours.0.start'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'body.timeZone'],
      [{ holidays }, 'body.holidays'],
      [{ holidays: ['2026-02-30'] }, 'body.holidays.0'],
      [{ offHoursNotice: 'x'.repeat(201) }, 'body.offHoursNotice'],
      [{ offHoursNotice: '   ' }, 'body.offHoursNotice'],
      [{ maxQueueLength: -1 }, 'body.maxQueueLength'],
      [{ maxQueueLength: 1001 }, 'body.maxQueueLength'],
      [{ businessHoursEnabled: 'yes' }, 'body.businessHoursEnabled'],
      // One bad field spoils the whole change: the good one is not applied either.
      [{ businessHoursEnabled: true, timeZone: 'Nowhere' }, 'body.timeZone'],
    ];
    for (const [body, field] of bad) {
      const before = dbFingerprint(scene.server);
      const res = await api<ErrorBody>('PATCH', '/api/admin/settings', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.error.details ?? {}), JSON.stringify(body)).toContain(field);
      expect(dbFingerprint(scene.server)).toBe(before);
    }
    // Defaults: hours off (always open) for an existing install.
    const settings = await api<ServerSettings>('GET', '/api/settings');
    expect(settings.body).toMatchObject({ businessHoursEnabled: false, timeZone: 'Asia/Shanghai', holidays: [], maxQueueLength: 0 });
  });

  it('closing the hours: a new chat is refused, an open one goes on, an open widget is told at once; reopening brings chats back', async () => {
    await goLive(scene, scene.agent1, 'online');
    const chatting = await visitorChat(scene);
    const waiting = await newVisitor(scene.server.url);
    expect((await session(waiting.token)).body.businessHours).toEqual({ open: true, notice: NOTICE, nextChangeAt: null, timeZone: 'Asia/Shanghai' });
    const widget = await RealtimeClient.connect(scene.server.url, waiting.token);
    scene.clients.push(widget);
    await widget.waitFor((f) => f.type === 'business-hours' && f.hours.open);
    const from = widget.frames.length;

    // Only Wednesday morning: at Wednesday 17:00 Shanghai the company is closed until Thursday 09:00.
    const closed = await api<ServerSettings>('PATCH', '/api/admin/settings', {
      businessHoursEnabled: true,
      businessHours: [
        { weekday: 3, start: '09:00', end: '12:00' },
        { weekday: 4, start: '09:00', end: '12:00' },
        { weekday: 4, start: '13:30', end: '18:00' },
      ],
    });
    expect(closed.status).toBe(200);
    const pushed = await widget.waitFor<HoursFrame>((f) => f.type === 'business-hours', 5_000, from);
    expect(pushed.hours).toEqual({ open: false, notice: NOTICE, nextChangeAt: THURSDAY_9_SHANGHAI, timeZone: 'Asia/Shanghai' });
    expect((await session(waiting.token)).body.businessHours).toMatchObject({ open: false, nextChangeAt: THURSDAY_9_SHANGHAI });

    const before = dbFingerprint(scene.server);
    const refused = await start(waiting.token);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'OUTSIDE_BUSINESS_HOURS', message: NOTICE, details: { nextChangeAt: String(THURSDAY_9_SHANGHAI) } });
    expect(dbFingerprint(scene.server)).toBe(before);
    // The chat that was open goes on: its visitor writes, and "start" answers with it.
    expect((await sendText(scene, chatting.token, chatting.conversationId, '还在吗？')).status).toBe(200);
    expect((await start(chatting.token)).body.conversation?.id).toBe(chatting.conversationId);
    // 留言 works outside hours.
    const left = await call(scene.server.url, 'POST', '/api/visitor/offline-messages', {
      token: waiting.token,
      body: { name: '李四', contact: '13800138000', text: '明天请回电' },
    });
    expect(left.status).toBe(200);

    // A holiday closes an otherwise open day; the notice is the admin's.
    await api('PATCH', '/api/admin/settings', {
      businessHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
      holidays: ['2026-11-25'],
      offHoursNotice: '今天放假',
    });
    expect((await session(waiting.token)).body.businessHours).toMatchObject({ open: false, notice: '今天放假', nextChangeAt: Date.UTC(2026, 10, 25, 16) });

    // Hours off again: the widget hears it and may start.
    const reopenFrom = widget.frames.length;
    expect((await api('PATCH', '/api/admin/settings', { businessHoursEnabled: false })).status).toBe(200);
    await widget.waitFor<HoursFrame>((f) => f.type === 'business-hours' && f.hours.open, 5_000, reopenFrom);
    expect((await start(waiting.token)).body.outcome).toBe('started');
  });

  it('a time zone makes the difference: the same hours are open in UTC at 09:00 UTC', async () => {
    await api('PATCH', '/api/admin/settings', { businessHoursEnabled: true, businessHours: [{ weekday: 3, start: '09:00', end: '10:00' }], timeZone: 'UTC' });
    const visitor = await newVisitor(scene.server.url);
    expect((await session(visitor.token)).body.businessHours).toMatchObject({ open: true, nextChangeAt: Date.UTC(2026, 10, 25, 10), timeZone: 'UTC' });
  });

  it('最大排队人数: one visitor beyond the limit is refused with QUEUE_FULL (nothing stored); 0 lifts it', async () => {
    // Busy: connected, so visitors may queue, but nobody takes them.
    await goLive(scene, scene.agent1, 'busy');
    expect((await api('PATCH', '/api/admin/settings', { maxQueueLength: 1 })).status).toBe(200);
    const first = await visitorChat(scene);
    expect(first.state).toBe('queued');

    const second = await newVisitor(scene.server.url);
    const before = dbFingerprint(scene.server);
    const refused = await start(second.token);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('QUEUE_FULL');
    expect(dbFingerprint(scene.server)).toBe(before);

    expect((await api('PATCH', '/api/admin/settings', { maxQueueLength: 0 })).status).toBe(200);
    expect((await start(second.token)).body.outcome).toBe('started');
  });
});
