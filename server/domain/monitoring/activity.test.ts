/**
 * The agent activity log (实时监控, issue 14): each kind of fact written once, in the transaction of
 * the change it records; refused changes write none; the day's timeline and its status totals in
 * the company's zone (Asia/Shanghai), a status begun the day before counting from midnight.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentTimeline } from '../../../shared/protocol/rest-monitor.js';
import type { ActivityRow } from '../../store/activity-types.js';
import { call, loginAs } from '../../testing/harness.js';
import { createScene, dbFingerprint, goLive, setStatus, visitorChat, type Scene } from '../../testing/scene.js';
import { withSeparateConnection } from '../../testing/separate-connection.js';
import { sweepNotResponding } from '../phrases/not-responding.js';
import { dayBounds, dayOf } from './company-day.js';
import { statusSegments, statusTotals } from './timeline.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Every activity row of the agent, oldest first, as committed (a separate connection). */
function facts(scene: Scene, agentId: string): Pick<ActivityRow, 'kind' | 'status' | 'reason'>[] {
  return withSeparateConnection(scene.server, (db) =>
    (db.prepare('SELECT kind, status, reason FROM agent_activity WHERE agent_id = ? ORDER BY at, rowid').all(agentId) as ActivityRow[]).map((r) => ({
      kind: r.kind,
      status: r.status,
      reason: r.reason,
    })),
  );
}

describe('agent activity log', () => {
  let scene: Scene;
  beforeEach(async () => {
    scene = await createScene();
  });
  afterEach(() => scene.dispose());

  it('login, connect, each status change once, logout and going offline: one row each, in order', async () => {
    const agent = scene.agent1;
    expect(facts(scene, agent.agentId)).toEqual([{ kind: 'login', status: null, reason: 'login' }]);
    await goLive(scene, agent, 'online');
    await setStatus(scene.server, agent, 'online'); // the same again: nothing new
    await setStatus(scene.server, agent, 'busy');
    const res = await call(scene.server.url, 'POST', '/api/auth/logout', { token: agent.token });
    expect(res.status).toBe(200);
    await expect.poll(() => facts(scene, agent.agentId).length).toBe(6);
    expect(facts(scene, agent.agentId)).toEqual([
      { kind: 'login', status: null, reason: 'login' },
      // The seeded agent starts 离开; connecting makes that their state.
      { kind: 'status', status: 'away', reason: 'connected' },
      { kind: 'status', status: 'online', reason: 'agent' },
      { kind: 'status', status: 'busy', reason: 'agent' },
      { kind: 'logout', status: null, reason: 'logged-out' },
      { kind: 'status', status: 'offline', reason: 'logout' },
    ]);
  });

  it('the status row commits with the status: both or neither; a refused change writes nothing', async () => {
    await goLive(scene, scene.agent1, 'busy');
    const stored = () =>
      withSeparateConnection(scene.server, (db) => ({
        agent: (db.prepare('SELECT status FROM agents WHERE id = ?').get(scene.agent1.agentId) as { status: string }).status,
        log: (
          db
            .prepare("SELECT status FROM agent_activity WHERE agent_id = ? AND kind = 'status' ORDER BY at DESC, rowid DESC LIMIT 1")
            .get(scene.agent1.agentId) as {
            status: string;
          }
        ).status,
      }));
    expect(stored()).toEqual({ agent: 'busy', log: 'busy' });
    const before = dbFingerprint(scene.server);
    for (const body of [{ status: 'sleeping' }, { status: 'online', extra: 1 }, {}]) {
      const res = await call<{ error: { code: string } }>(scene.server.url, 'PUT', '/api/me/status', { token: scene.agent1.token, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('未响应: the not-responding rule writes one status row with its reason; each assignment one assigned row', async () => {
    await goLive(scene, scene.agent1, 'online');
    scene.server.ctx.store.transaction(() =>
      scene.server.ctx.store.autoReplies.putCompany({ ...scene.server.ctx.store.autoReplies.company(), notRespondingSeconds: 30 }, 0),
    );
    const chat = await visitorChat(scene);
    scene.server.clock.advance(31_000);
    expect(sweepNotResponding(scene.server.ctx)).toEqual([chat.conversationId]);
    const rows = facts(scene, scene.agent1.agentId);
    expect(rows.filter((r) => r.kind === 'assigned')).toHaveLength(1);
    expect(rows.filter((r) => r.reason === 'not-responding')).toEqual([{ kind: 'status', status: 'away', reason: 'not-responding' }]);
    expect(rows.at(-1)).toEqual({ kind: 'status', status: 'away', reason: 'not-responding' });
  });

  it('disabling: logout with its reason and 离线 (disabled), once', async () => {
    await goLive(scene, scene.agent2, 'online');
    const res = await call(scene.server.url, 'POST', `/api/admin/agents/${scene.agent2.agentId}/disable`, { token: scene.admin.token });
    expect(res.status).toBe(200);
    await expect.poll(() => facts(scene, scene.agent2.agentId).some((r) => r.kind === 'logout')).toBe(true);
    const rows = facts(scene, scene.agent2.agentId);
    expect(rows.slice(3)).toEqual([
      { kind: 'status', status: 'offline', reason: 'disabled' },
      { kind: 'logout', status: null, reason: 'disabled' },
    ]);
  });
});

describe('a day in Asia/Shanghai', () => {
  let scene: Scene;
  beforeEach(async () => {
    scene = await createScene();
  });
  afterEach(() => scene.dispose());

  it('day bounds are the zone’s midnights', () => {
    expect(dayBounds('2026-11-26', 'Asia/Shanghai')).toEqual({ start: Date.UTC(2026, 10, 25, 16), end: Date.UTC(2026, 10, 26, 16) });
    expect(dayOf(Date.UTC(2026, 10, 25, 15, 59), 'Asia/Shanghai')).toBe('2026-11-25');
    expect(dayOf(Date.UTC(2026, 10, 25, 16, 0), 'Asia/Shanghai')).toBe('2026-11-26');
  });

  it('segments: a status begun the day before counts from midnight; unknown time counts nowhere', () => {
    const row = (at: number, status: 'online' | 'busy'): ActivityRow => ({
      id: String(at),
      agentId: 'a',
      at,
      kind: 'status',
      status,
      reason: 'agent',
      sessionId: null,
      conversationId: null,
    });
    const segments = statusSegments('online', [row(100, 'busy'), row(150, 'busy'), row(200, 'online')], 0, 300);
    expect(segments).toEqual([
      { status: 'online', from: 0, to: 100 },
      { status: 'busy', from: 100, to: 200 },
      { status: 'online', from: 200, to: 300 },
    ]);
    expect(statusTotals(segments)).toEqual({ online: 200, busy: 100, away: 0, offline: 0 });
    expect(statusTotals(statusSegments(null, [row(100, 'busy')], 0, 300))).toEqual({ online: 0, busy: 200, away: 0, offline: 0 });
  });

  it('the timeline across midnight: yesterday’s last hour and today’s first, from stored facts', async () => {
    const clock = scene.server.clock;
    // 2026-11-25 23:00 in Shanghai.
    clock.now = Date.UTC(2026, 10, 25, 15, 0);
    // A fresh login: the scene's is long idle by then.
    scene.agent1 = await loginAs(scene.server.url, 'agent1', 'agent123');
    await goLive(scene, scene.agent1, 'online');
    clock.advance(2 * HOUR); // 01:00 on the 26th
    // The workstation would have refreshed its idle token; a new login does the same here.
    await setStatus(scene.server, await loginAs(scene.server.url, 'agent1', 'agent123'), 'busy');
    clock.advance(30 * MINUTE);
    const admin = await loginAs(scene.server.url, 'admin', 'admin123');
    const timeline = async (date: string) =>
      call<AgentTimeline>(scene.server.url, 'GET', `/api/admin/agents/${scene.agent1.agentId}/activity?date=${date}`, { token: admin.token });
    const today = await timeline('2026-11-26');
    expect(today.status).toBe(200);
    expect(today.body.totals).toEqual({ online: HOUR, busy: 30 * MINUTE, away: 0, offline: 0 });
    expect(today.body.entries.map((e) => [e.kind, e.status])).toEqual([
      ['login', null],
      ['status', 'busy'],
    ]);
    const yesterday = await timeline('2026-11-25');
    // Connected at 23:00 (离开 for no time), 在线 until midnight.
    expect(yesterday.body.totals.online).toBe(HOUR);
    expect(yesterday.body.until).toBe(Date.UTC(2026, 10, 25, 16));
    // No date: today in the company's zone.
    const byDefault = await call<AgentTimeline>(scene.server.url, 'GET', `/api/admin/agents/${scene.agent1.agentId}/activity`, { token: admin.token });
    expect(byDefault.body.date).toBe('2026-11-26');
  });

  it('bad dates and unknown agents are refused with codes', async () => {
    for (const date of ['2026-13-01', '2026-02-30', 'today', '2026-1-1']) {
      const res = await call<{ error: { code: string } }>(scene.server.url, 'GET', `/api/admin/agents/${scene.agent1.agentId}/activity?date=${date}`, {
        token: scene.admin.token,
      });
      expect(res.status, date).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const extra = await call(scene.server.url, 'GET', `/api/admin/agents/${scene.agent1.agentId}/activity?date=2026-11-25&x=1`, { token: scene.admin.token });
    expect(extra.status).toBe(400);
    const missing = await call<{ error: { code: string } }>(scene.server.url, 'GET', '/api/admin/agents/no-such/activity', { token: scene.admin.token });
    expect(missing.status).toBe(404);
    expect((await call(scene.server.url, 'GET', `/api/admin/agents/${scene.agent1.agentId}/activity`, { token: scene.agent1.token })).status).toBe(403);
  });
});
