/**
 * 技能组成员 through the routes (shared/protocol/rest-admin.ts) on the real server: the member list,
 * who may be added, add and remove (audit-logged), routing following a change at once, the warning
 * before a group visitors can reach is left without anyone — and bad input refused with a code,
 * nothing changed. A leader's limits: here and in console-authorization.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminAgent, AdminGroup, AuditPage, Conversation } from '../../shared/index.js';
import { call, loginAs, newVisitor } from '../testing/harness.js';
import { createScene, dbFingerprint, goLive, setStatus, visitorChat, type Scene } from '../testing/scene.js';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string> } };
const PASSWORD = 'Chengyuan-2026';

describe('group members', () => {
  let scene: Scene;
  let group: AdminGroup;
  const api = <T>(method: string, path: string, body?: unknown, token = scene.admin.token) => call<T>(scene.server.url, method, path, { token, body });
  const members = async (groupId = group.id, token?: string) =>
    (await api<AdminAgent[]>('GET', `/api/admin/groups/${groupId}/members`, undefined, token)).body.map((a) => a.id).sort();
  const add = (agentId: string, query = '', token?: string) =>
    api<AdminAgent & ErrorBody>('PUT', `/api/admin/groups/${group.id}/members/${agentId}${query}`, undefined, token);
  const remove = (agentId: string, query = '', token?: string) =>
    api<AdminAgent & ErrorBody>('DELETE', `/api/admin/groups/${group.id}/members/${agentId}${query}`, undefined, token);
  const conversation = async (id: string) => (await api<Conversation>('GET', `/api/conversations/${id}`)).body;

  beforeEach(async () => {
    scene = await createScene();
    group = (await api<AdminGroup>('POST', '/api/admin/groups', { name: '大客户组' })).body;
  });
  afterEach(() => scene.dispose());

  it('lists members with their status now, adds one out of its former group and removes it, each audit-logged', async () => {
    expect(await members()).toEqual([]);
    const seeded = (await api<AdminAgent>('GET', `/api/me`, undefined, scene.agent1.token)).body.groupId;
    // Anyone outside the group may be added by an admin (agent1 moves out of 售前).
    const candidates = (await api<AdminAgent[]>('GET', `/api/admin/groups/${group.id}/candidates`)).body.map((a) => a.id);
    expect(candidates).toEqual(expect.arrayContaining([scene.agent1.agentId, scene.agent2.agentId, scene.admin.agentId]));

    await goLive(scene, scene.agent1, 'busy');
    const added = await add(scene.agent1.agentId);
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body).toMatchObject({ id: scene.agent1.agentId, groupId: group.id });
    const [listed] = (await api<AdminAgent[]>('GET', `/api/admin/groups/${group.id}/members`)).body;
    expect(listed).toMatchObject({ account: 'agent1', role: 'agent', status: 'busy', connected: true, maxConcurrent: expect.any(Number), disabledAt: null });
    expect((await api<AdminAgent[]>('GET', `/api/admin/groups/${group.id}/candidates`)).body.map((a) => a.id)).not.toContain(scene.agent1.agentId);
    // Adding again changes nothing and logs nothing.
    expect((await add(scene.agent1.agentId)).status).toBe(200);

    const removed = await remove(scene.agent1.agentId);
    expect(removed.status).toBe(200);
    expect(removed.body.groupId).toBeNull();
    expect(await members()).toEqual([]);

    const audit = (await api<AuditPage>('GET', `/api/admin/audit?targetId=${scene.agent1.agentId}`)).body.entries;
    expect(audit.map((e) => [e.action, e.before, e.after])).toEqual([
      ['group.removeMember', { groupId: group.id }, { groupId: null }],
      ['group.addMember', { groupId: seeded }, { groupId: group.id }],
    ]);
  });

  it("routing follows at once: a removed member gets none of the group's chats; an added one takes its queue", async () => {
    await add(scene.agent1.agentId);
    await add(scene.agent2.agentId);
    await goLive(scene, scene.agent1, 'online');
    await goLive(scene, scene.agent2, 'online');
    expect((await remove(scene.agent1.agentId)).status).toBe(200);

    // agent1 is online with free slots, but no longer in the group: every chat of the group goes to agent2.
    for (let i = 0; i < 3; i++) {
      const chat = await visitorChat(scene, { groupId: group.id });
      expect((await conversation(chat.conversationId)).agentId).toBe(scene.agent2.agentId);
    }
    // agent2 busy: the group's next chat waits in the queue rather than go to agent1.
    await setStatus(scene.server, scene.agent2, 'busy');
    const waiting = await visitorChat(scene, { groupId: group.id });
    expect(await conversation(waiting.conversationId)).toMatchObject({ state: 'queued', agentId: null, groupId: group.id });
    const queue = await api<{ conversationId: string }[]>('GET', '/api/queue', undefined, scene.agent1.token);
    expect(queue.body.map((q) => q.conversationId)).toContain(waiting.conversationId);

    // Back in the group: the waiting visitor is handed to agent1 at once.
    expect((await add(scene.agent1.agentId)).status).toBe(200);
    expect(await conversation(waiting.conversationId)).toMatchObject({ state: 'active', agentId: scene.agent1.agentId });
  });

  it('taking the last member out of a group visitors can reach asks for confirmation; then the chats stay with the group', async () => {
    await add(scene.agent1.agentId);
    await goLive(scene, scene.agent1, 'online');
    const serving = await visitorChat(scene, { groupId: group.id });
    expect((await conversation(serving.conversationId)).agentId).toBe(scene.agent1.agentId);
    const menu = await api('PATCH', '/api/admin/widget-settings', { groupMenu: { enabled: true, items: [{ groupId: group.id, label: '' }] } });
    expect(menu.status).toBe(200);

    const before = dbFingerprint(scene.server);
    const refused = await remove(scene.agent1.agentId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    expect(refused.body.error.details).toMatchObject({
      openConversations: expect.any(String),
      widgetMenu: expect.any(String),
      visitorLinks: expect.any(String),
      lastMember: scene.agent1.agentId,
    });
    expect(dbFingerprint(scene.server)).toBe(before);
    // Moving the last member into another group is the same leaving.
    const other = (await api<AdminGroup>('POST', '/api/admin/groups', { name: '其他组' })).body;
    const afterCreate = dbFingerprint(scene.server);
    const moved = await api<ErrorBody>('PUT', `/api/admin/groups/${other.id}/members/${scene.agent1.agentId}`);
    expect([moved.status, moved.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(dbFingerprint(scene.server)).toBe(afterCreate);

    const confirmed = await remove(scene.agent1.agentId, '?confirm=true');
    expect(confirmed.status).toBe(200);
    // The chat being served stays with its agent and its group; a new visitor of the group, with nobody
    // in it, is offered 留言 instead of waiting for ever.
    expect(await conversation(serving.conversationId)).toMatchObject({ state: 'active', agentId: scene.agent1.agentId, groupId: group.id });
    const visitor = await newVisitor(scene.server.url, { groupId: group.id });
    const next = await call<{ outcome: string }>(scene.server.url, 'POST', '/api/visitor/conversation', { token: visitor.token });
    expect(next.body.outcome).toBe('offline');
  });

  it('no warning while another enabled member stays, or for a group nobody can reach', async () => {
    await add(scene.agent1.agentId);
    await add(scene.agent2.agentId);
    await goLive(scene, scene.agent1, 'online');
    await visitorChat(scene, { groupId: group.id });
    expect((await remove(scene.agent2.agentId)).status).toBe(200);
    const quiet = (await api<AdminGroup>('POST', '/api/admin/groups', { name: '空闲组' })).body;
    expect((await api('PUT', `/api/admin/groups/${quiet.id}/members/${scene.agent2.agentId}`)).status).toBe(200);
    expect((await api('DELETE', `/api/admin/groups/${quiet.id}/members/${scene.agent2.agentId}`)).status).toBe(200);
  });

  it('refuses bad input with a code and changes nothing', async () => {
    await add(scene.agent2.agentId);
    const before = dbFingerprint(scene.server);
    const missing = '01900000-0000-7000-8000-000000000000';
    const attempts: [string, string, number, string][] = [
      ['GET', `/api/admin/groups/${missing}/members`, 404, 'NOT_FOUND'],
      ['GET', `/api/admin/groups/${missing}/candidates`, 404, 'NOT_FOUND'],
      ['PUT', `/api/admin/groups/${missing}/members/${scene.agent1.agentId}`, 404, 'NOT_FOUND'],
      ['PUT', `/api/admin/groups/${group.id}/members/${missing}`, 404, 'NOT_FOUND'],
      ['DELETE', `/api/admin/groups/${group.id}/members/${missing}`, 404, 'NOT_FOUND'],
      // Not a member of this group (agent1 is in 售前).
      ['DELETE', `/api/admin/groups/${group.id}/members/${scene.agent1.agentId}`, 404, 'NOT_FOUND'],
      ['PUT', `/api/admin/groups/${group.id}/members/${scene.agent1.agentId}?confirm=yes`, 400, 'VALIDATION_FAILED'],
      ['DELETE', `/api/admin/groups/${group.id}/members/${scene.agent2.agentId}?force=true`, 400, 'VALIDATION_FAILED'],
      ['PUT', `/api/admin/groups/${group.id}/members/${'x'.repeat(65)}`, 400, 'VALIDATION_FAILED'],
      ['GET', `/api/admin/groups/${'x'.repeat(65)}/members`, 400, 'VALIDATION_FAILED'],
    ];
    for (const [method, path, status, code] of attempts) {
      const res = await api<ErrorBody>(method, path);
      expect([res.status, res.body.error.code], `${method} ${path}`).toEqual([status, code]);
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('a group leader: members of their own group; adds agents of no group, never a leader or another group’s agent', async () => {
    const create = async (account: string, groupId: string | null, role = 'agent') =>
      (await api<AdminAgent>('POST', '/api/admin/agents', { account, password: PASSWORD, nickname: account, groupId, role })).body;
    await create('leader.k', group.id, 'leader');
    const free = await create('agent.free', null);
    const otherLeader = await create('leader.free', null, 'leader');
    const leader = await loginAs(scene.server.url, 'leader.k', PASSWORD);

    expect(await members(group.id, leader.token)).toEqual([leader.agentId]);
    const candidates = (await api<AdminAgent[]>('GET', `/api/admin/groups/${group.id}/candidates`, undefined, leader.token)).body.map((a) => a.id);
    expect(candidates).toEqual([free.id]);

    const before = dbFingerprint(scene.server);
    for (const res of [
      await add(scene.agent1.agentId, '', leader.token), // in 售前
      await add(otherLeader.id, '', leader.token),
      await remove(leader.agentId, '', leader.token), // a leader manages agents, not leaders
    ]) {
      expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect(dbFingerprint(scene.server)).toBe(before);

    expect((await add(free.id, '', leader.token)).body.groupId).toBe(group.id);
    expect((await remove(free.id, '', leader.token)).body.groupId).toBeNull();
  });
});
