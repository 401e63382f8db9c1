import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../shared/index.js';
import { filledPath } from '../testing/route-paths.js';
import { call, newVisitor } from '../testing/harness.js';
import { createScene, dbFingerprint, goLive, sendText, visitorChat, type Scene, type VisitorChat } from '../testing/scene.js';

describe('authorization on every route', () => {
  let scene: Scene;
  let chatA: VisitorChat;
  let chatB: VisitorChat;
  let ownerOfA: { token: string; agentId: string };
  let otherAgent: { token: string; agentId: string };

  beforeAll(async () => {
    scene = await createScene();
    await goLive(scene, scene.agent1, 'online');
    chatA = await visitorChat(scene);
    await goLive(scene, scene.agent2, 'online');
    chatB = await visitorChat(scene);
    ownerOfA = scene.agent1;
    otherAgent = scene.agent2;
    await sendText(scene, chatA.token, chatA.conversationId, '我是A');
  });
  afterAll(() => scene.dispose());
  /** Every path parameter (id, agentId, …) filled with conversation A's id: the gate refuses before anything is looked up. */
  const pathOf = (path: string) => filledPath(path, chatA.conversationId);

  it('refuses every non-public route without a token (401) and with a bogus one', async () => {
    const before = dbFingerprint(scene.server);
    for (const def of Object.values(routes)) {
      if (def.access === 'public') continue;
      const path = pathOf(def.path);
      const res = await call<{ error: { code: string } }>(scene.server.url, def.method, path);
      expect(res.status, `${def.method} ${def.path}`).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
      const bogus = await call<{ error: { code: string } }>(scene.server.url, def.method, path, { token: 'not-a-token' });
      expect(bogus.status, `${def.method} ${def.path} bogus`).toBe(401);
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('refuses staff, leader and admin routes to visitors, and leader and admin routes to agents', async () => {
    const before = dbFingerprint(scene.server);
    for (const def of Object.values(routes)) {
      const path = pathOf(def.path);
      if (def.access === 'staff' || def.access === 'leader' || def.access === 'admin') {
        const res = await call<{ error: { code: string } }>(scene.server.url, def.method, path, { token: chatA.token });
        expect(res.status, `visitor → ${def.method} ${def.path}`).toBe(403);
      }
      if (def.access === 'admin' || def.access === 'leader') {
        const res = await call<{ error: { code: string } }>(scene.server.url, def.method, path, {
          token: ownerOfA.token,
          body: def.method === 'GET' ? undefined : {},
        });
        expect(res.status, `agent → ${def.method} ${def.path}`).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it("a visitor cannot read or write another visitor's conversation (404, no existence leak)", async () => {
    const before = dbFingerprint(scene.server);
    const read = await call<{ error: { code: string } }>(scene.server.url, 'GET', `/api/conversations/${chatA.conversationId}/messages`, {
      token: chatB.token,
    });
    expect(read.status).toBe(404);
    const missing = await call<{ error: { code: string } }>(scene.server.url, 'GET', `/api/conversations/nope/messages`, { token: chatB.token });
    expect(missing.body).toEqual(read.body);
    const write = await sendText(scene, chatB.token, chatA.conversationId, 'sneaky');
    expect(write.status).toBe(404);
    const upload = await call(scene.server.url, 'POST', `/api/uploads?conversationId=${chatA.conversationId}&name=a.txt`, {
      token: chatB.token,
      raw: 'hello',
      contentType: 'application/octet-stream',
    });
    expect(upload.status).toBe(404);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it("an agent cannot read or act in another agent's conversation (403)", async () => {
    const before = dbFingerprint(scene.server);
    const id = chatA.conversationId;
    expect((await call(scene.server.url, 'GET', `/api/conversations/${id}`, { token: otherAgent.token })).status).toBe(403);
    expect((await call(scene.server.url, 'GET', `/api/conversations/${id}/messages`, { token: otherAgent.token })).status).toBe(403);
    expect((await sendText(scene, otherAgent.token, id, 'not mine')).status).toBe(403);
    expect(
      (await call(scene.server.url, 'POST', `/api/conversations/${id}/transfer`, { token: otherAgent.token, body: { toAgentId: otherAgent.agentId } })).status,
    ).toBe(403);
    expect((await call(scene.server.url, 'POST', `/api/conversations/${id}/push-evaluation`, { token: otherAgent.token })).status).toBe(403);
    const topics = (await call<{ id: string }[]>(scene.server.url, 'GET', '/api/topics', { token: otherAgent.token })).body;
    expect(
      (await call(scene.server.url, 'POST', `/api/conversations/${id}/close`, { token: otherAgent.token, body: { topicId: topics[0]!.id, note: '' } })).status,
    ).toBe(403);
    expect((await call(scene.server.url, 'GET', `/api/visitors/${chatA.visitorId}/conversations`, { token: otherAgent.token })).status).toBe(403);
    const list = (await call<{ id: string }[]>(scene.server.url, 'GET', '/api/conversations', { token: otherAgent.token })).body;
    expect(list.map((c) => c.id)).not.toContain(id);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('admins see every conversation; owners see theirs', async () => {
    const all = (await call<{ id: string }[]>(scene.server.url, 'GET', '/api/conversations', { token: scene.admin.token })).body.map((c) => c.id);
    expect(all).toEqual(expect.arrayContaining([chatA.conversationId, chatB.conversationId]));
    expect((await call(scene.server.url, 'GET', `/api/conversations/${chatA.conversationId}`, { token: ownerOfA.token })).status).toBe(200);
  });

  it('visitor-only routes refuse staff tokens; a logged-out token stops working', async () => {
    expect((await call(scene.server.url, 'POST', '/api/visitor/conversation', { token: ownerOfA.token })).status).toBe(403);
    const login = await call<{ token: string }>(scene.server.url, 'POST', '/api/auth/login', { body: { account: 'agent2', password: 'agent123' } });
    expect((await call(scene.server.url, 'POST', '/api/auth/logout', { token: login.body.token })).status).toBe(200);
    expect((await call(scene.server.url, 'GET', '/api/me', { token: login.body.token })).status).toBe(401);
    const wrong = await call<{ error: { code: string } }>(scene.server.url, 'POST', '/api/auth/login', {
      body: { account: 'agent2', password: 'wrong-password' },
    });
    expect(wrong.status).toBe(401);
  });

  it('refresh is public: the refresh token alone decides who it renews, whatever Bearer token comes with it', async () => {
    const url = scene.server.url;
    type Pair = { token: string; refreshToken: string; agent: { id: string; role: string }; error?: { code: string } };
    const loginPair = async (account: string, password: string) => (await call<Pair>(url, 'POST', '/api/auth/login', { body: { account, password } })).body;
    const agentPair = await loginPair('agent2', 'agent123');
    const adminPair = await loginPair('admin', 'admin123');
    const before = dbFingerprint(scene.server);
    // Neither an access token (of any role) nor a visitor token is a refresh token.
    for (const [who, refreshToken] of [
      ['visitor token', chatA.token],
      ['agent access token', agentPair.token],
      ['admin access token', adminPair.token],
    ] as const) {
      for (const bearer of [undefined, chatA.token, ownerOfA.token, scene.admin.token]) {
        const res = await call<Pair>(url, 'POST', '/api/auth/refresh', { token: bearer, body: { refreshToken } });
        expect(res.status, `${who} with bearer ${bearer ? 'set' : 'none'}`).toBe(401);
        expect(res.body.error?.code).toBe('UNAUTHENTICATED');
      }
    }
    expect((await call(url, 'POST', '/api/auth/refresh', { token: scene.admin.token, body: {} })).status).toBe(400);
    expect(dbFingerprint(scene.server)).toBe(before);
    // An agent's refresh token renews that agent, even sent with an admin's Bearer token; an admin's renews the admin.
    const agentRenewed = await call<Pair>(url, 'POST', '/api/auth/refresh', { token: scene.admin.token, body: { refreshToken: agentPair.refreshToken } });
    expect(agentRenewed.status).toBe(200);
    expect(agentRenewed.body.agent).toMatchObject({ id: otherAgent.agentId, role: 'agent' });
    const asAgent = await call(url, 'GET', '/api/admin/lockouts', { token: agentRenewed.body.token });
    expect(asAgent.status).toBe(403);
    const adminRenewed = await call<Pair>(url, 'POST', '/api/auth/refresh', { token: chatA.token, body: { refreshToken: adminPair.refreshToken } });
    expect(adminRenewed.body.agent.role).toBe('admin');
    expect((await call(url, 'GET', '/api/admin/lockouts', { token: adminRenewed.body.token })).status).toBe(200);
  });

  it('the same visitor token keeps the same identity', async () => {
    const first = await newVisitor(scene.server.url, { name: '老顾客' });
    const again = await call<{ visitor: { id: string; name: string } }>(scene.server.url, 'POST', '/api/visitor/session', { body: { token: first.token } });
    expect(again.body.visitor).toEqual({ id: first.visitorId, name: '老顾客' });
  });

  it('only admins list and lift login lockouts: public 401, visitor 403, agent 403, admin 200', async () => {
    const url = scene.server.url;
    const created = await call<{ id: string }>(url, 'POST', '/api/admin/agents', {
      token: scene.admin.token,
      body: { account: 'locked.out', password: 'Kefu-2026!', nickname: '被锁' },
    });
    const lift = `/api/admin/agents/${created.body.id}/lockout`;
    for (let i = 0; i < 5; i++) await call(url, 'POST', '/api/auth/login', { body: { account: 'locked.out', password: 'wrong-password' } });
    const before = dbFingerprint(scene.server);
    for (const [who, token, status] of [
      ['public', undefined, 401],
      ['visitor', chatA.token, 403],
      ['agent', ownerOfA.token, 403],
    ] as const) {
      expect((await call(url, 'GET', '/api/admin/lockouts', { token })).status, `${who} lists`).toBe(status);
      expect((await call(url, 'DELETE', lift, { token })).status, `${who} lifts`).toBe(status);
    }
    expect(dbFingerprint(scene.server)).toBe(before);
    const listed = await call<{ agentId: string }[]>(url, 'GET', '/api/admin/lockouts', { token: scene.admin.token });
    expect(listed.status).toBe(200);
    expect(listed.body.map((l) => l.agentId)).toEqual([created.body.id]);
    expect((await call(url, 'POST', '/api/auth/login', { body: { account: 'locked.out', password: 'Kefu-2026!' } })).status).toBe(429);
    expect((await call(url, 'DELETE', lift, { token: scene.admin.token })).status).toBe(200);
    expect((await call(url, 'POST', '/api/auth/login', { body: { account: 'locked.out', password: 'Kefu-2026!' } })).status).toBe(200);
  });
});
