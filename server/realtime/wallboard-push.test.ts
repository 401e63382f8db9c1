/**
 * 实时监控 pushed: a supervisor's monitor socket gets `wallboard` frames on connect and after a
 * change, without asking; a group leader only ever gets their own group's board; agents cannot
 * open one, nor read the boards or a timeline over REST; a leader reads only their group's agents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../shared/index.js';
import type { Wallboard } from '../../shared/protocol/rest-monitor.js';
import { call, loginAs, RealtimeClient } from '../testing/harness.js';
import { createScene, goLive, setStatus, type Scene, type Staff } from '../testing/scene.js';

type BoardFrame = Extract<ServerFrame, { type: 'wallboard' }>;
const PASSWORD = 'Jiankong-2026';
const NEW_PASSWORD = 'Jiankong-2027';

async function monitor(url: string, token: string): Promise<RealtimeClient> {
  const socket = await RealtimeClient.open(url);
  socket.send({ type: 'monitor.hello', token });
  return socket;
}

const boards = (socket: RealtimeClient): Wallboard[] => socket.frames.filter((f): f is BoardFrame => f.type === 'wallboard').map((f) => f.board);

describe('wallboard push and access', () => {
  let scene: Scene;
  let groupA: string;
  let groupB: string;
  let leader: Staff;
  let inA: Staff;
  let inB: Staff;
  const sockets: RealtimeClient[] = [];

  beforeAll(async () => {
    scene = await createScene();
    const { url } = scene.server;
    const admin = scene.admin.token;
    groupA = (await call<{ id: string }>(url, 'POST', '/api/admin/groups', { token: admin, body: { name: '监控甲组' } })).body.id;
    groupB = (await call<{ id: string }>(url, 'POST', '/api/admin/groups', { token: admin, body: { name: '监控乙组' } })).body.id;
    /** A console-made account, its first password changed so it may work. */
    const staff = async (account: string, groupId: string, role: string): Promise<Staff> => {
      expect(
        (await call(url, 'POST', '/api/admin/agents', { token: admin, body: { account, password: PASSWORD, nickname: account, groupId, role } })).status,
      ).toBe(200);
      const first = await loginAs(url, account, PASSWORD);
      await call(url, 'PUT', '/api/me/password', { token: first.token, body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
      return first;
    };
    leader = await staff('mon.leader.a', groupA, 'leader');
    inA = await staff('mon.agent.a', groupA, 'agent');
    inB = await staff('mon.agent.b', groupB, 'agent');
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close()));
    await scene.dispose();
  });

  it('on connect: an admin gets the total and every group, a leader their group only', async () => {
    const adminSocket = await monitor(scene.server.url, scene.admin.token);
    const leaderSocket = await monitor(scene.server.url, leader.token);
    sockets.push(adminSocket, leaderSocket);
    await adminSocket.waitFor((f) => f.type === 'wallboard' && f.board.groupId === groupB);
    await leaderSocket.waitFor((f) => f.type === 'wallboard' && f.board.groupId === groupA);
    expect(boards(adminSocket).map((b) => b.groupId)).toEqual(expect.arrayContaining([null, groupA, groupB]));
    expect(new Set(boards(leaderSocket).map((b) => b.groupId))).toEqual(new Set([groupA]));
  });

  it('a change is pushed to who may see it: group B’s agent going online reaches the admin, never group A’s leader', async () => {
    const [adminSocket, leaderSocket] = sockets as [RealtimeClient, RealtimeClient];
    const adminFrom = adminSocket.frames.length;
    await goLive(scene, inB, 'online');
    await adminSocket.waitFor(
      (f) => f.type === 'wallboard' && f.board.groupId === groupB && f.board.agents.some((a) => a.id === inB.agentId && a.status === 'online'),
      20_000,
      adminFrom,
    );
    // Then group A moves: the leader hears of it (so by now they would have had B's frame too, had it been sent).
    const leaderFrom = leaderSocket.frames.length;
    await goLive(scene, inA, 'busy');
    const frame = await leaderSocket.waitFor<BoardFrame>(
      (f) => f.type === 'wallboard' && f.board.agents.some((a) => a.id === inA.agentId && a.status === 'busy'),
      20_000,
      leaderFrom,
    );
    expect(frame.board).toMatchObject({ groupId: groupA, byStatus: { busy: 1 } });
    expect(frame.board.agents.find((a) => a.id === inA.agentId)?.statusSince).toBe(scene.server.clock.now);
    await setStatus(scene.server, inB, 'away');
    await adminSocket.waitFor((f) => f.type === 'wallboard' && f.board.groupId === groupB && f.board.byStatus.away === 1, 20_000, adminFrom);
    expect(boards(leaderSocket).every((b) => b.groupId === groupA)).toBe(true);
    expect(boards(leaderSocket).some((b) => b.agents.some((a) => a.id === inB.agentId))).toBe(false);
  });

  it('a monitor socket only listens: other frames are refused, pings answered', async () => {
    const socket = await monitor(scene.server.url, scene.admin.token);
    sockets.push(socket);
    await socket.waitFor((f) => f.type === 'wallboard');
    socket.send({ type: 'typing', conversationId: 'x', typing: true });
    await socket.waitFor((f) => f.type === 'error' && f.error.code === 'INVALID_STATE');
    socket.send({ type: 'ping' });
    await socket.waitFor((f) => f.type === 'pong');
  });

  it('an agent cannot open a monitor socket, nor read boards or timelines', async () => {
    const socket = await monitor(scene.server.url, scene.agent1.token);
    sockets.push(socket);
    await socket.waitFor((f) => f.type === 'error' && f.error.code === 'FORBIDDEN');
    await expect.poll(() => socket.closed?.code).toBe(4403);
    expect(boards(socket)).toEqual([]);
    const bad = await monitor(scene.server.url, 'not-a-token');
    sockets.push(bad);
    await expect.poll(() => bad.closed?.code).toBe(4401);
    expect((await call(scene.server.url, 'GET', '/api/admin/monitor/wallboard', { token: scene.agent1.token })).status).toBe(403);
    expect((await call(scene.server.url, 'GET', `/api/admin/agents/${scene.agent2.agentId}/activity`, { token: scene.agent1.token })).status).toBe(403);
  });

  it('a leader over REST: their group’s board only, their group’s agents’ timelines only', async () => {
    const res = await call<Wallboard[]>(scene.server.url, 'GET', '/api/admin/monitor/wallboard', { token: leader.token });
    expect(res.status).toBe(200);
    expect(res.body.map((b) => b.groupId)).toEqual([groupA]);
    expect((await call(scene.server.url, 'GET', `/api/admin/agents/${inA.agentId}/activity`, { token: leader.token })).status).toBe(200);
    const other = await call<{ error: { code: string } }>(scene.server.url, 'GET', `/api/admin/agents/${inB.agentId}/activity`, { token: leader.token });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
  });
});
