/**
 * Calls in progress (实时监控): the workstation's `phone.status` frames are validated and refused
 * with codes, counted on the boards while the agent is connected, coalesced when they come too
 * fast, written to the phone log (the timeline's calls as they happen), and gone — in the log too —
 * when the agent's connection is.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../../shared/index.js';
import type { AgentTimeline, Wallboard } from '../../../shared/protocol/rest-monitor.js';
import { call, newVisitor, RealtimeClient } from '../../testing/harness.js';
import { createScene, dbFingerprint, goLive, type Scene } from '../../testing/scene.js';
import { withSeparateConnection } from '../../testing/separate-connection.js';

type ErrorFrame = Extract<ServerFrame, { type: 'error' }>;

function phoneFacts(scene: Scene, agentId: string): { status: string; reason: string }[] {
  return withSeparateConnection(
    scene.server,
    (db) => db.prepare('SELECT status, reason FROM phone_activity WHERE agent_id = ? ORDER BY at, rowid').all(agentId) as { status: string; reason: string }[],
  );
}

async function total(scene: Scene): Promise<Wallboard> {
  const boards = await call<Wallboard[]>(scene.server.url, 'GET', '/api/admin/monitor/wallboard', { token: scene.admin.token });
  expect(boards.status).toBe(200);
  return boards.body.find((b) => b.groupId === null)!;
}

/** The next error frame after `from`. */
async function refusal(socket: RealtimeClient, from: number): Promise<ErrorFrame['error']> {
  return (await socket.waitFor<ErrorFrame>((f) => f.type === 'error', 10_000, from)).error;
}

describe('phone status and calls in progress', () => {
  let scene: Scene;
  beforeEach(async () => {
    scene = await createScene();
  });
  afterEach(() => scene.dispose());

  it('bad reports are refused with a code and change nothing', async () => {
    await goLive(scene, scene.agent1, 'online');
    const ws = scene.agent1.ws!;
    // A visitor has no phone to report; a 对话监控 socket is not the agent's workstation.
    const visitor = await RealtimeClient.connect(scene.server.url, (await newVisitor(scene.server.url)).token);
    const supervisor = await RealtimeClient.open(scene.server.url);
    scene.clients.push(visitor, supervisor);
    supervisor.send({ type: 'hello', token: scene.admin.token, lastSeq: 0, supervise: true });
    await supervisor.waitFor((f) => f.type === 'replay.done');
    const before = dbFingerprint(scene.server);
    for (const frame of [
      { type: 'phone.status', status: 'on-the-phone' },
      { type: 'phone.status', status: 'talking', callId: 'x' },
      { type: 'phone.status' },
      { type: 'phone.status', status: 3 },
    ]) {
      const from = ws.frames.length;
      ws.send(frame);
      expect((await refusal(ws, from)).code, JSON.stringify(frame)).toBe('VALIDATION_FAILED');
    }
    visitor.send({ type: 'phone.status', status: 'talking' });
    expect((await refusal(visitor, 0)).code).toBe('FORBIDDEN');
    supervisor.send({ type: 'phone.status', status: 'talking' });
    expect((await refusal(supervisor, 0)).code).toBe('INVALID_STATE');
    expect(dbFingerprint(scene.server)).toBe(before);
    expect((await total(scene)).callsInProgress).toBe(0);
  });

  it('a call in progress is counted while the agent is connected, shown per agent, logged, and gone with the connection', async () => {
    await goLive(scene, scene.agent1, 'online');
    const ws = scene.agent1.ws!;
    const agentId = scene.agent1.agentId;
    ws.send({ type: 'phone.status', status: 'idle' });
    await expect.poll(async () => (await total(scene)).agents.find((a) => a.id === agentId)?.phone).toBe('idle');
    ws.send({ type: 'phone.status', status: 'ringing' });
    ws.send({ type: 'phone.status', status: 'talking' });
    await expect.poll(async () => (await total(scene)).callsInProgress).toBe(1);
    const board = await total(scene);
    expect(board.agents.find((a) => a.id === agentId)).toMatchObject({ status: 'online', phone: 'talking', phoneSince: expect.any(Number) });
    // The agent's group board counts it too; the other agent has no phone status.
    const groupId = board.agents.find((a) => a.id === agentId)!.groupId;
    const boards = (await call<Wallboard[]>(scene.server.url, 'GET', '/api/admin/monitor/wallboard', { token: scene.admin.token })).body;
    expect(boards.find((b) => b.groupId === groupId)?.callsInProgress).toBe(1);
    expect(board.agents.find((a) => a.id === scene.agent2.agentId)).toMatchObject({ phone: null, phoneSince: null });
    // The same again (a reconnect repeats it) writes nothing.
    ws.send({ type: 'phone.status', status: 'talking' });
    ws.send({ type: 'ping' });
    await ws.waitFor((f) => f.type === 'pong');

    // ringing → talking within the coalescing interval: at most one row for the pair, ending on talking.
    const rows = phoneFacts(scene, agentId);
    expect(rows[0]).toEqual({ status: 'idle', reason: 'workstation' });
    expect(rows.at(-1)).toEqual({ status: 'talking', reason: 'workstation' });
    expect(rows.length).toBeLessThanOrEqual(3);

    // The workstation goes away: 离线, the call no longer counts, and the log closes the phone.
    await ws.close();
    await expect.poll(async () => (await total(scene)).callsInProgress).toBe(0);
    expect((await total(scene)).agents.find((a) => a.id === agentId)).toMatchObject({ status: 'offline', phone: null });
    expect(phoneFacts(scene, agentId).at(-1)).toEqual({ status: 'unregistered', reason: 'disconnected' });
    const timeline = await call<AgentTimeline>(scene.server.url, 'GET', `/api/admin/agents/${agentId}/activity`, { token: scene.admin.token });
    expect(timeline.status).toBe(200);
    const phones = timeline.body.entries.filter((e) => e.kind === 'phone').map((e) => e.phone);
    expect(phones[0]).toBe('idle');
    expect(phones).toContain('talking');
    expect(phones.at(-1)).toBe('unregistered');

    // Connected again: nothing is shown until the workstation reports.
    scene.agent1.ws = await RealtimeClient.connect(scene.server.url, scene.agent1.token);
    scene.clients.push(scene.agent1.ws);
    expect((await total(scene)).agents.find((a) => a.id === agentId)).toMatchObject({ phone: null });
    scene.agent1.ws.send({ type: 'phone.status', status: 'wrap-up' });
    await expect.poll(async () => (await total(scene)).agents.find((a) => a.id === agentId)?.phone).toBe('wrap-up');
    expect((await total(scene)).callsInProgress).toBe(0);
  });

  it('a burst of reports is coalesced: a few writes, the newest kept', async () => {
    await goLive(scene, scene.agent1, 'online');
    const ws = scene.agent1.ws!;
    const statuses = ['ringing', 'talking', 'wrap-up', 'idle'] as const;
    for (let i = 0; i < 200; i++) ws.send({ type: 'phone.status', status: statuses[i % statuses.length] });
    ws.send({ type: 'phone.status', status: 'busy' });
    await expect.poll(async () => (await total(scene)).agents.find((a) => a.id === scene.agent1.agentId)?.phone).toBe('busy');
    // One written at once, then at most one per interval while the burst lasts.
    expect(phoneFacts(scene, scene.agent1.agentId).length).toBeLessThan(20);
  });
});
