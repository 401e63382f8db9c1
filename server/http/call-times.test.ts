/**
 * Call records carry bounded times (issue 9, text hardening): no call before 2000 or after 2100,
 * no negative or 2³¹-second talk time, no talk time longer than the call itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, uuidv7, type CallRecord } from '../../shared/index.js';
import { sampleCallRecord } from '../testing/call-record.js';
import { call } from '../testing/harness.js';
import { createScene, dbFingerprint, type Scene } from '../testing/scene.js';

type ErrorBody = { error: { code: string; details?: Record<string, string> } };

const record = (over: Partial<CallRecord> = {}): CallRecord => sampleCallRecord(Date.UTC(2026, 10, 25, 9, 0, 0), over);

describe('call record times and durations', () => {
  let scene: Scene;
  const sync = (body: unknown) => call<ErrorBody>(scene.server.url, 'POST', '/api/calls', { token: scene.agent1.token, body });

  beforeAll(async () => {
    scene = await createScene();
  });
  afterAll(() => scene.dispose());

  it('refuses out-of-range times and durations, naming the field, and stores nothing', async () => {
    const before = dbFingerprint(scene.server);
    const day = 86_400_000;
    const cases: [Partial<CallRecord>, string][] = [
      [{ startedAt: -5_000, answeredAt: null, endedAt: -1_000, durationSeconds: 0 }, 'body.startedAt'],
      [{ startedAt: 0, answeredAt: null, endedAt: 0, durationSeconds: 0 }, 'body.startedAt'],
      [{ startedAt: LIMITS.timestampMaxMs + 1, answeredAt: null, endedAt: LIMITS.timestampMaxMs + 2, durationSeconds: 0 }, 'body.startedAt'],
      // A 2³¹-second call, each time inside the bounds.
      [{ endedAt: Date.UTC(2026, 10, 25) + 2 ** 31 * 1000 }, 'body.endedAt'],
      [{ answeredAt: null, result: 'missed', durationSeconds: 0, endedAt: Date.UTC(2026, 10, 25, 9) + LIMITS.callSecondsMax * 1000 + 1 }, 'body.endedAt'],
      [{ durationSeconds: -1 }, 'body.durationSeconds'],
      [{ durationSeconds: 2 ** 31 }, 'body.durationSeconds'],
      [
        {
          answeredAt: Date.UTC(2026, 10, 25),
          endedAt: Date.UTC(2026, 10, 25) + 2 * day,
          startedAt: Date.UTC(2026, 10, 25),
          durationSeconds: LIMITS.callSecondsMax + 1,
        },
        'body.durationSeconds',
      ],
      // Longer talk than the call lasted: 100 s talk on a 30 s answered call.
      [{ durationSeconds: 100 }, 'body.durationSeconds'],
      // Talk time on a call nobody answered.
      [{ answeredAt: null, result: 'missed', durationSeconds: 5 }, 'body.durationSeconds'],
    ];
    for (const [over, field] of cases) {
      const res = await sync(record(over));
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details, JSON.stringify(over)).toHaveProperty([field]);
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('stores calls inside the bounds, up to a day of talk', async () => {
    const startedAt = Date.UTC(2026, 10, 25, 0, 0, 0);
    expect(
      (
        await sync(
          record({ id: uuidv7(), startedAt, answeredAt: startedAt, endedAt: startedAt + LIMITS.callSecondsMax * 1000, durationSeconds: LIMITS.callSecondsMax }),
        )
      ).status,
    ).toBe(200);
    // The workstation rounds to whole seconds: 30.4 s of talk is 30, 30.5 s is 31.
    expect((await sync(record({ id: uuidv7(), answeredAt: startedAt + 2_000, startedAt, endedAt: startedAt + 32_500, durationSeconds: 31 }))).status).toBe(200);
    expect((await sync(record({ id: uuidv7(), answeredAt: null, startedAt, endedAt: startedAt, durationSeconds: 0, result: 'missed' }))).status).toBe(200);
  });

  it('refuses record filters outside the timestamp bounds', async () => {
    for (const query of ['from=-1', 'to=0', `to=${LIMITS.timestampMaxMs + 1}`, 'from=1e12', 'from=0x10']) {
      const res = await call<ErrorBody>(scene.server.url, 'GET', `/api/records?${query}`, { token: scene.agent1.token });
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});
