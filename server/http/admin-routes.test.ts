/**
 * The management console's routes (shared/protocol/rest-admin.ts) against the real server: agents
 * disabled mid-chat (sessions end, chats move on with their history), enable, delete only without
 * history, groups, the audit log — and bad input refused with a code, nothing changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminAgent, AdminGroup, AuditPage, Message } from '../../shared/index.js';
import { call, loginAs, newVisitor } from '../testing/harness.js';
import { createScene, dbFingerprint, goLive, sendText, visitorChat, type Scene } from '../testing/scene.js';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string> } };

describe('management console routes', () => {
  let scene: Scene;
  const api = <T>(method: string, path: string, body?: unknown, token = scene.admin.token) => call<T>(scene.server.url, method, path, { token, body });

  beforeEach(async () => {
    scene = await createScene();
  });
  afterEach(() => scene.dispose());

  async function createAgent(account: string, groupId: string | null = null): Promise<AdminAgent> {
    const res = await api<AdminAgent>('POST', '/api/admin/agents', { account, password: 'Secret-pass-9', nickname: account, groupId });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  it('disabling an agent mid-chat: sockets close, the chat goes to another agent with its history, login is refused', async () => {
    await goLive(scene, scene.agent1, 'online');
    const chat = await visitorChat(scene);
    expect((await sendText(scene, chat.token, chat.conversationId, '我的订单还没到')).status).toBe(200);
    await goLive(scene, scene.agent2, 'online');
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      scene.agent1.ws!.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );

    const res = await api<AdminAgent>('POST', `/api/admin/agents/${scene.agent1.agentId}/disable`);
    expect(res.status).toBe(200);
    expect(res.body.disabledAt).toEqual(expect.any(Number));
    expect(res.body.status).toBe('away');

    expect(await closed).toEqual({ code: 4401, reason: 'disabled' });
    const me = await api<ErrorBody>('GET', '/api/me', undefined, scene.agent1.token);
    expect(me.status).toBe(401);
    expect(me.body.error.details).toEqual({ reason: 'disabled' });
    // The chat is agent2's now, with everything said before and a system message saying why.
    const conversation = await api<{ agentId: string; state: string }>('GET', `/api/conversations/${chat.conversationId}`, undefined, scene.agent2.token);
    expect(conversation.body).toMatchObject({ state: 'active', agentId: scene.agent2.agentId });
    const messages = await api<Message[]>('GET', `/api/conversations/${chat.conversationId}/messages`, undefined, scene.agent2.token);
    expect(messages.body.map((m) => m.text)).toEqual(expect.arrayContaining(['我的订单还没到', expect.stringContaining('已停用')]));

    const login = await call<ErrorBody>(scene.server.url, 'POST', '/api/auth/login', { body: { account: 'agent1', password: 'agent123' } });
    expect(login.status).toBe(401);
    expect(login.body.error.details).toEqual({ reason: 'disabled' });
    // A wrong password learns nothing about the account's state.
    const wrong = await call<ErrorBody>(scene.server.url, 'POST', '/api/auth/login', { body: { account: 'agent1', password: 'nope-nope' } });
    expect(wrong.body.error.details).toBeUndefined();

    // New chats are never routed to the disabled account.
    const next = await visitorChat(scene);
    const routed = await api<{ agentId: string | null }>('GET', `/api/conversations/${next.conversationId}`);
    expect(routed.body.agentId).toBe(scene.agent2.agentId);

    // Enabled again, it logs in (离开 until it switches).
    const enabled = await api<AdminAgent>('POST', `/api/admin/agents/${scene.agent1.agentId}/enable`);
    expect(enabled.body.disabledAt).toBeNull();
    expect((await loginAs(scene.server.url, 'agent1', 'agent123')).agentId).toBe(scene.agent1.agentId);
  });

  it('a visitor waiting for a disabled agent by name (指定客服) is handed to anyone', async () => {
    await goLive(scene, scene.agent2, 'online');
    await goLive(scene, scene.agent1, 'busy');
    const chat = await visitorChat(scene, { agentId: scene.agent1.agentId });
    expect(chat.state).toBe('queued');
    await api('POST', `/api/admin/agents/${scene.agent1.agentId}/disable`);
    const after = await api<{ agentId: string | null; state: string }>('GET', `/api/conversations/${chat.conversationId}`);
    expect(after.body).toMatchObject({ state: 'active', agentId: scene.agent2.agentId });
  });

  it('lists agents with search and filters; disabled ones only when asked', async () => {
    const groups = await api<AdminGroup>('POST', '/api/admin/groups', { name: '售后组' });
    const zhang = await createAgent('zhang.san', groups.body.id);
    await createAgent('li.si');
    await api('POST', `/api/admin/agents/${zhang.id}/disable`);
    const accounts = async (query: string) => (await api<AdminAgent[]>('GET', `/api/admin/agents${query}`)).body.map((a) => a.account).sort();
    expect(await accounts('')).toEqual(['admin', 'agent1', 'agent2', 'li.si']);
    expect(await accounts('?state=disabled')).toEqual(['zhang.san']);
    expect(await accounts('?state=all&q=ZHANG')).toEqual(['zhang.san']);
    expect(await accounts(`?state=all&groupId=${groups.body.id}`)).toEqual(['zhang.san']);
    expect(await accounts('?role=admin')).toEqual(['admin']);
    expect(await accounts('?q=%E5%B0%8F%E7%8E%8B')).toEqual(['agent1']); // 小王, agent1's nickname
  });

  it('deletes only an account without history; refuses to disable or delete oneself or the last admin', async () => {
    const fresh = await createAgent('typo.account');
    expect((await api('DELETE', `/api/admin/agents/${fresh.id}`)).status).toBe(200);
    expect((await api<AdminAgent[]>('GET', '/api/admin/agents?state=all')).body.map((a) => a.id)).not.toContain(fresh.id);

    await goLive(scene, scene.agent1, 'online');
    await visitorChat(scene);
    const before = dbFingerprint(scene.server);
    const worked = await api<ErrorBody>('DELETE', `/api/admin/agents/${scene.agent1.agentId}`);
    expect(worked.status).toBe(409);
    expect(worked.body.error.code).toBe('CONFLICT');
    const self = await api<ErrorBody>('POST', `/api/admin/agents/${scene.admin.agentId}/disable`);
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('INVALID_STATE');
    expect((await api<ErrorBody>('DELETE', `/api/admin/agents/${scene.admin.agentId}`)).body.error.code).toBe('INVALID_STATE');
    expect((await api<ErrorBody>('POST', '/api/admin/agents/no-such-agent/disable')).status).toBe(404);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('groups: create, rename, refuse duplicates, delete only while unused', async () => {
    const created = await api<AdminGroup>('POST', '/api/admin/groups', { name: '售前组' });
    expect(created.body).toMatchObject({ name: '售前组', members: 0, openConversations: 0 });
    const renamed = await api<AdminGroup>('PATCH', `/api/admin/groups/${created.body.id}`, { name: '售前咨询' });
    expect(renamed.body.name).toBe('售前咨询');
    expect((await api<ErrorBody>('POST', '/api/admin/groups', { name: '售前咨询' })).body.error.code).toBe('CONFLICT');

    const member = await createAgent('wang.wu', created.body.id);
    const listed = (await api<AdminGroup[]>('GET', '/api/admin/groups')).body.find((g) => g.id === created.body.id);
    expect(listed).toMatchObject({ members: 1 });
    const before = dbFingerprint(scene.server);
    const inUse = await api<ErrorBody>('DELETE', `/api/admin/groups/${created.body.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.details).toHaveProperty('members');
    expect(dbFingerprint(scene.server)).toBe(before);

    expect((await api('PATCH', `/api/admin/agents/${member.id}`, { groupId: null })).status).toBe(200);
    expect((await api('DELETE', `/api/admin/groups/${created.body.id}`)).status).toBe(200);
    expect((await api<AdminGroup[]>('GET', '/api/admin/groups')).body.map((g) => g.id)).not.toContain(created.body.id);
  });

  it('a group a visitor came through (widget link) cannot be deleted', async () => {
    const group = await api<AdminGroup>('POST', '/api/admin/groups', { name: '大客户组' });
    await newVisitor(scene.server.url, { groupId: group.body.id });
    const res = await api<ErrorBody>('DELETE', `/api/admin/groups/${group.body.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.details).toHaveProperty('visitorLinks');
  });

  it('the audit log records every console change with before and after, never a password, newest first and paged', async () => {
    const agent = await createAgent('zhao.liu');
    await api('PATCH', `/api/admin/agents/${agent.id}`, { nickname: '赵六', password: 'Another-pass-7' });
    await api('PATCH', `/api/admin/agents/${agent.id}`, { nickname: '赵六' }); // no change: no entry
    await api('POST', `/api/admin/agents/${agent.id}/disable`);
    const group = await api<AdminGroup>('POST', '/api/admin/groups', { name: '投诉组' });
    await api('PATCH', '/api/admin/settings', { autoCloseMinutes: 45 });

    const page = (await api<AuditPage>('GET', '/api/admin/audit')).body;
    expect(page.entries.map((e) => e.action)).toEqual(['settings.update', 'group.create', 'agent.disable', 'agent.update', 'agent.create']);
    expect(page.entries.every((e) => e.actorId === scene.admin.agentId && e.actorAccount === 'admin')).toBe(true);
    const update = page.entries.find((e) => e.action === 'agent.update')!;
    expect(update.before).toEqual({ nickname: 'zhao.liu', passwordReset: false });
    expect(update.after).toEqual({ nickname: '赵六', passwordReset: true });
    expect(page.entries.find((e) => e.action === 'settings.update')).toMatchObject({
      before: { autoCloseMinutes: expect.any(Number) },
      after: { autoCloseMinutes: 45 },
    });
    expect(page.entries.find((e) => e.action === 'group.create')).toMatchObject({ targetId: group.body.id, before: null, after: { name: '投诉组' } });
    expect(JSON.stringify(page.entries)).not.toMatch(/Secret-pass|Another-pass|scrypt|passwordHash/);

    const first = (await api<AuditPage>('GET', '/api/admin/audit?limit=2')).body;
    expect(first.hasMore).toBe(true);
    const second = (await api<AuditPage>('GET', `/api/admin/audit?limit=2&before=${first.entries[1]!.id}`)).body;
    expect([...first.entries, ...second.entries].map((e) => e.id)).toEqual(page.entries.slice(0, 4).map((e) => e.id));
    const byTarget = (await api<AuditPage>('GET', `/api/admin/audit?targetId=${agent.id}&action=agent.disable`)).body;
    expect(byTarget.entries).toHaveLength(1);
  });

  it('refuses bad input on every console route with a code, and changes nothing', async () => {
    const group = await api<AdminGroup>('POST', '/api/admin/groups', { name: '测试组' });
    const before = dbFingerprint(scene.server);
    const bad: [string, string, unknown, string][] = [
      ['POST', '/api/admin/groups', { name: '' }, 'VALIDATION_FAILED'],
      ['POST', '/api/admin/groups', { name: 'x'.repeat(65) }, 'VALIDATION_FAILED'],
      ['POST', '/api/admin/groups', { name: '组', extra: 1 }, 'VALIDATION_FAILED'],
      ['POST', '/api/admin/groups', { name: '\u0000组' }, 'VALIDATION_FAILED'],
      ['POST', '/api/admin/groups', { name: 42 }, 'VALIDATION_FAILED'],
      ['PATCH', `/api/admin/groups/${group.body.id}`, {}, 'VALIDATION_FAILED'],
      ['PATCH', '/api/admin/groups/no-such-group', { name: '新名字' }, 'NOT_FOUND'],
      ['DELETE', '/api/admin/groups/no-such-group', undefined, 'NOT_FOUND'],
      ['GET', '/api/admin/agents?state=gone', undefined, 'VALIDATION_FAILED'],
      ['GET', '/api/admin/agents?role=king', undefined, 'VALIDATION_FAILED'],
      ['GET', `/api/admin/agents?q=${'x'.repeat(65)}`, undefined, 'VALIDATION_FAILED'],
      ['GET', '/api/admin/agents?unknown=1', undefined, 'VALIDATION_FAILED'],
      ['GET', '/api/admin/audit?limit=0', undefined, 'VALIDATION_FAILED'],
      ['GET', '/api/admin/audit?limit=501', undefined, 'VALIDATION_FAILED'],
      ['GET', '/api/admin/audit?action=agent.explode', undefined, 'VALIDATION_FAILED'],
      ['GET', '/api/admin/audit?from=yesterday', undefined, 'VALIDATION_FAILED'],
      ['GET', '/api/admin/audit?before=no-such-entry', undefined, 'VALIDATION_FAILED'],
      ['POST', `/api/admin/agents/${'x'.repeat(65)}/disable`, undefined, 'VALIDATION_FAILED'],
      ['POST', `/api/admin/agents/${scene.agent1.agentId}/disable`, { reason: 'unasked body' }, 'VALIDATION_FAILED'],
    ];
    for (const [method, path, body, code] of bad) {
      const res = await api<ErrorBody>(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.code, `${method} ${path}`).toBe(code);
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });
});
