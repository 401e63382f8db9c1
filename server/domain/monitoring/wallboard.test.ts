/**
 * The wallboard's figures (实时监控): a small known scene, checked against literal numbers and
 * against an independent computation over the raw rows (plain SELECT * and arithmetic here, not the
 * repository's queries), and the same figures after the server restarts on the same data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Wallboard } from '../../../shared/protocol/rest-monitor.js';
import { AUTO_REPLY_CLIENT_PREFIX } from '../../../shared/phrases.js';
import { call, loginAs, RealtimeClient, startTestServer } from '../../testing/harness.js';
import { createScene, goLive, sendText, setStatus, visitorChat, type Scene } from '../../testing/scene.js';
import { withSeparateConnection } from '../../testing/separate-connection.js';
import { dropTestDatabase } from '../../testing/test-store.js';
import { dayBounds, dayOf } from './company-day.js';

interface RawConversation {
  id: string;
  group_id: string | null;
  agent_id: string | null;
  state: string;
  created_at: number;
  assigned_at: number | null;
  ended_at: number | null;
  queued_at: number | null;
  evaluation_rating: number | null;
  evaluation_at: number | null;
}

/** The day's figures from raw rows, computed here independently of the server's queries. */
function independentFigures(scene: Scene, now: number) {
  const { start, end } = dayBounds(dayOf(now, 'Asia/Shanghai'), 'Asia/Shanghai');
  const inDay = (t: number | null) => t !== null && t >= start && t < end;
  return withSeparateConnection(scene.server, (db) => {
    const conversations = db.prepare('SELECT * FROM conversations').all() as RawConversation[];
    const messages = db.prepare('SELECT conversation_id, sender, client_id, created_at FROM messages').all() as {
      conversation_id: string;
      sender: string;
      client_id: string;
      created_at: number;
    }[];
    const assigned = db.prepare("SELECT conversation_id, at FROM agent_activity WHERE kind = 'assigned'").all() as { conversation_id: string; at: number }[];
    const firstAssigned = (c: RawConversation) => Math.min(...assigned.filter((a) => a.conversation_id === c.id).map((a) => a.at));
    const firstReply = (c: RawConversation) => {
      const typed = messages.filter((m) => m.conversation_id === c.id && m.sender === 'agent' && !m.client_id.startsWith(AUTO_REPLY_CLIENT_PREFIX));
      return typed.length ? Math.min(...typed.map((m) => m.created_at)) : null;
    };
    const started = conversations.filter((c) => inDay(c.created_at));
    const answered = started.filter((c) => c.assigned_at !== null);
    const responses = answered
      .map((c) => [firstReply(c), firstAssigned(c)] as const)
      .filter(([r]) => r !== null)
      .map(([r, a]) => r! - a);
    const ended = conversations.filter((c) => c.state === 'ended' && inDay(c.ended_at));
    const handled = ended.filter((c) => c.agent_id !== null).map((c) => c.ended_at! - firstAssigned(c));
    const rated = conversations.filter((c) => inDay(c.evaluation_at) && c.evaluation_rating !== null).map((c) => c.evaluation_rating!);
    const queued = conversations.filter((c) => c.state === 'queued');
    const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
    return {
      queue: { length: queued.length, oldestQueuedAt: queued.length ? Math.min(...queued.map((c) => c.queued_at!)) : null },
      today: {
        offered: started.length,
        answered: answered.length,
        answerRate: started.length ? answered.length / started.length : null,
        abandoned: ended.filter((c) => c.agent_id === null).length,
        avgFirstResponseMs: avg(responses),
        avgHandlingMs: avg(handled),
        satisfaction: { count: rated.length, average: avg(rated), satisfied: rated.filter((r) => r >= 4).length },
      },
    };
  });
}

describe('wallboard figures', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-wallboard-'));
  let scene: Scene;
  let total: Wallboard;
  let queuedSince: number;
  beforeAll(async () => {
    scene = await createScene({ dataDir });
    const { url, clock } = scene.server;
    await goLive(scene, scene.agent1, 'online');
    // 1: answered after 10 s, rated 5, ended by the visitor 60 s after assignment.
    const chat = await visitorChat(scene);
    expect(chat.state).toBe('active');
    clock.advance(10_000);
    expect((await sendText(scene, scene.agent1.token, chat.conversationId, '您好')).status).toBe(200);
    expect((await call(url, 'POST', `/api/conversations/${chat.conversationId}/push-evaluation`, { token: scene.agent1.token })).status).toBe(200);
    expect((await call(url, 'POST', '/api/visitor/evaluation', { token: chat.token, body: { rating: 5 } })).status).toBe(200);
    clock.advance(50_000);
    expect((await call(url, 'POST', '/api/visitor/conversation/end', { token: chat.token })).status).toBe(200);
    // 2 and 3: nobody online; one gives up waiting, one still waits.
    await setStatus(scene.server, scene.agent1, 'busy');
    const gaveUp = await visitorChat(scene);
    expect(gaveUp.state).toBe('queued');
    clock.advance(5_000);
    queuedSince = clock.now;
    const waiting = await visitorChat(scene);
    expect(waiting.state).toBe('queued');
    expect((await call(url, 'POST', '/api/visitor/conversation/end', { token: gaveUp.token })).status).toBe(200);
    clock.advance(20_000);
    const boards = await call<Wallboard[]>(url, 'GET', '/api/admin/monitor/wallboard', { token: scene.admin.token });
    expect(boards.status).toBe(200);
    total = boards.body.find((b) => b.groupId === null)!;
  });
  afterAll(async () => {
    await scene.dispose();
    rmSync(dataDir, { recursive: true, force: true });
    await dropTestDatabase(dataDir);
  });

  it('match the scene, literally', () => {
    expect(total.today).toEqual({
      offered: 3,
      answered: 1,
      answerRate: 1 / 3,
      abandoned: 1,
      avgFirstResponseMs: 10_000,
      avgHandlingMs: 60_000,
      satisfaction: { count: 1, average: 5, satisfied: 1 },
    });
    expect(total.queue).toEqual({ length: 1, oldestQueuedAt: queuedSince });
    const agent1 = total.agents.find((a) => a.id === scene.agent1.agentId)!;
    expect(agent1).toMatchObject({ status: 'busy', load: 0, statusSince: expect.any(Number) });
    expect(total.agents.find((a) => a.id === scene.agent2.agentId)).toMatchObject({ status: 'offline' });
    expect(total.byStatus).toMatchObject({ busy: 1 });
  });

  it('match an independent computation over the raw rows', () => {
    const raw = independentFigures(scene, scene.server.clock.now);
    expect(total.today).toEqual(raw.today);
    expect(total.queue).toEqual(raw.queue);
  });

  it('each group board holds its own agents and conversations; they add up to the total', async () => {
    const boards = (await call<Wallboard[]>(scene.server.url, 'GET', '/api/admin/monitor/wallboard', { token: scene.admin.token })).body;
    const groups = boards.filter((b) => b.groupId !== null);
    const sum = (pick: (b: Wallboard) => number) => groups.reduce((n, b) => n + pick(b), 0);
    // Every conversation of the scene is in the seeded agents' group (售前) or in none.
    expect(sum((b) => b.today.offered)).toBeLessThanOrEqual(total.today.offered);
    for (const board of groups) expect(board.agents.every((a) => a.groupId === board.groupId)).toBe(true);
  });

  it('are the same after the server restarts on the same data', async () => {
    const before = total;
    await scene.dispose();
    const restarted = await startTestServer({ dataDir });
    restarted.clock.now = scene.server.clock.now;
    try {
      const admin = await loginAs(restarted.url, 'admin', 'admin123');
      const boards = await call<Wallboard[]>(restarted.url, 'GET', '/api/admin/monitor/wallboard', { token: admin.token });
      const after = boards.body.find((b) => b.groupId === null)!;
      expect(after.today).toEqual(before.today);
      expect(after.queue).toEqual(before.queue);
      // Nobody is connected to the new process yet: everyone shows 离线 until their workstation is back.
      expect(after.agents.every((a) => a.status === 'offline')).toBe(true);
      // The workstation reconnects: its stored status (忙碌) again, since it came back (the log has it offline in between).
      const agent = await loginAs(restarted.url, 'agent1', 'agent123');
      const socket = await RealtimeClient.connect(restarted.url, agent.token);
      const again = (await call<Wallboard[]>(restarted.url, 'GET', '/api/admin/monitor/wallboard', { token: admin.token })).body.find(
        (b) => b.groupId === null,
      )!;
      expect(again.agents.find((a) => a.id === agent.agentId)).toMatchObject({ status: 'busy', statusSince: restarted.clock.now });
      await socket.close();
    } finally {
      await restarted.close();
    }
  });
});
