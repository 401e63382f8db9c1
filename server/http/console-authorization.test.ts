/**
 * The console's authorization matrix: every /api/admin route with each role — admin, 组长 (group
 * leader), agent — and a leader reaching into another group. Refusals change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, uuidv7, type AdminAgent, type AdminGroup, type MyNotice, type SentNotice } from '../../shared/index.js';
import { filledPath } from '../testing/route-paths.js';
import { call, loginAs } from '../testing/harness.js';
import { createScene, dbFingerprint, goLive, visitorChat, type Scene } from '../testing/scene.js';
import { dayOf } from '../domain/monitoring/company-day.js';

type ErrorBody = { error: { code: string; message: string } };
const PASSWORD = 'Zuzhang-2026';

describe('console authorization matrix', () => {
  let scene: Scene;
  let groupA: AdminGroup;
  let groupB: AdminGroup;
  let inA: AdminAgent;
  let inB: AdminAgent;
  let leader: { token: string; agentId: string };
  const as = <T>(token: string, method: string, path: string, body?: unknown) => call<T>(scene.server.url, method, path, { token, body });

  beforeAll(async () => {
    scene = await createScene();
    const admin = scene.admin.token;
    groupA = (await as<AdminGroup>(admin, 'POST', '/api/admin/groups', { name: '售前组' })).body;
    groupB = (await as<AdminGroup>(admin, 'POST', '/api/admin/groups', { name: '售后组' })).body;
    const create = async (account: string, groupId: string, role: string) =>
      (await as<AdminAgent>(admin, 'POST', '/api/admin/agents', { account, password: PASSWORD, nickname: account, groupId, role })).body;
    await create('leader.a', groupA.id, 'leader');
    inA = await create('agent.a', groupA.id, 'agent');
    inB = await create('agent.b', groupB.id, 'agent');
    leader = await loginAs(scene.server.url, 'leader.a', PASSWORD);
  });
  afterAll(() => scene.dispose());

  const consoleRoutes = Object.entries(routes).filter(([, def]) => def.path.startsWith('/api/admin'));

  it('covers the console: leader routes and admin-only routes both exist', () => {
    expect(consoleRoutes.filter(([, def]) => def.access === 'leader').map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'adminListAgents',
        'createAgent',
        'updateAgent',
        'disableAgent',
        'enableAgent',
        'adminListGroups',
        'adminListPhrases',
        'adminListFilePhrases',
        'listKnowledgeEntries',
        'createKnowledgeEntry',
        'adminListKnowledgeCategories',
      ]),
    );
    expect(consoleRoutes.every(([, def]) => def.access === 'leader' || def.access === 'admin')).toBe(true);
  });

  it('every console route: an agent is refused, a leader only on leader routes, an admin never', async () => {
    const before = dbFingerprint(scene.server);
    for (const [name, def] of consoleRoutes) {
      // No such row and an empty body: a role that passes the gate meets 404 or 400, never a change
      // (what each may really change is tested below).
      const path = filledPath(def.path, 'no-such-id');
      const body = 'body' in def ? {} : undefined;
      const agent = await as<ErrorBody>(scene.agent1.token, def.method, path, body);
      expect(agent.status, `agent → ${name}`).toBe(403);
      const byLeader = await as<ErrorBody>(leader.token, def.method, path, body);
      if (def.access === 'admin') expect(byLeader.status, `leader → ${name}`).toBe(403);
      else expect([401, 403], `leader → ${name} (${byLeader.status} ${JSON.stringify(byLeader.body)})`).not.toContain(byLeader.status);
      expect([401, 403], `admin → ${name}`).not.toContain((await as(scene.admin.token, def.method, path, body)).status);
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('a leader sees and manages their own group only', async () => {
    const agents = (await as<AdminAgent[]>(leader.token, 'GET', '/api/admin/agents?state=all')).body.map((a) => a.account).sort();
    expect(agents).toEqual(['agent.a', 'leader.a']);
    expect((await as<AdminGroup[]>(leader.token, 'GET', '/api/admin/groups')).body.map((g) => g.id)).toEqual([groupA.id]);

    const edited = await as<AdminAgent>(leader.token, 'PATCH', `/api/admin/agents/${inA.id}`, { nickname: '小A', maxConcurrent: 7 });
    expect(edited.body).toMatchObject({ nickname: '小A', maxConcurrent: 7 });
    expect((await as<AdminAgent>(leader.token, 'POST', `/api/admin/agents/${inA.id}/disable`)).body.disabledAt).toEqual(expect.any(Number));
    expect((await as<AdminAgent>(leader.token, 'POST', `/api/admin/agents/${inA.id}/enable`)).body.disabledAt).toBeNull();
    // A new agent lands in the leader's group when none is named.
    const created = await as<AdminAgent>(leader.token, 'POST', '/api/admin/agents', { account: 'agent.a2', password: PASSWORD, nickname: '新人' });
    expect(created.body).toMatchObject({ groupId: groupA.id, role: 'agent' });
  });

  it('a leader reaching into another group, or giving roles, is refused and changes nothing', async () => {
    const before = dbFingerprint(scene.server);
    const admins = (await as<AdminAgent[]>(scene.admin.token, 'GET', '/api/admin/agents?role=admin')).body;
    const attempts: [string, string, unknown][] = [
      ['PATCH', `/api/admin/agents/${inB.id}`, { nickname: '越权' }],
      ['POST', `/api/admin/agents/${inB.id}/disable`, undefined],
      ['POST', `/api/admin/agents/${inB.id}/enable`, undefined],
      ['PUT', `/api/admin/agents/${inB.id}/avatar`, { dataBase64: 'iVBORw0KGgo=' }], // a PNG's signature
      ['DELETE', `/api/admin/agents/${inB.id}/avatar`, undefined],
      ['GET', `/api/admin/agents/${inB.id}/activity`, undefined], // 实时监控: another group's agent's day
      ['PATCH', `/api/admin/agents/${inA.id}`, { groupId: groupB.id }],
      ['PATCH', `/api/admin/agents/${inA.id}`, { role: 'leader' }],
      ['PATCH', `/api/admin/agents/${admins[0]!.id}`, { nickname: '管理员改名' }],
      ['POST', `/api/admin/agents/${admins[0]!.id}/disable`, undefined],
      ['POST', '/api/admin/agents', { account: 'agent.b2', password: PASSWORD, nickname: 'x', groupId: groupB.id }],
      ['POST', '/api/admin/agents', { account: 'leader.a2', password: PASSWORD, nickname: 'x', role: 'leader' }],
      ['POST', '/api/admin/agents', { account: 'admin2', password: PASSWORD, nickname: 'x', role: 'admin' }],
      ['DELETE', `/api/admin/agents/${inA.id}`, undefined],
      ['POST', '/api/admin/groups', { name: '新组' }],
      // 技能组成员: another group's members, and pulling an agent out of another group.
      ['GET', `/api/admin/groups/${groupB.id}/members`, undefined],
      ['GET', `/api/admin/groups/${groupB.id}/candidates`, undefined],
      ['DELETE', `/api/admin/groups/${groupB.id}/members/${inB.id}`, undefined],
      ['PUT', `/api/admin/groups/${groupB.id}/members/${inA.id}`, undefined],
      ['PUT', `/api/admin/groups/${groupA.id}/members/${inB.id}`, undefined],
      ['PATCH', '/api/admin/settings', { autoCloseMinutes: 30 }],
      ['GET', '/api/admin/audit', undefined],
      ['POST', '/api/admin/notices', { groupId: groupB.id, title: '越权通知', body: '不该送达' }],
      ['POST', '/api/admin/notices', { groupId: null, title: '全员通知', body: '只有管理员可发' }],
      // 主动邀请's figures: another group's, or (as an admin-only route) the automatic rules.
      ['GET', `/api/admin/invitations/stats?from=2026-11-25&to=2026-11-25&groupId=${groupB.id}`, undefined],
      [
        'POST',
        '/api/admin/invitation-rules',
        {
          name: '越权',
          enabled: true,
          urlPattern: '',
          dwellSeconds: 0,
          source: 'any',
          sourcePattern: '',
          returningOnly: false,
          groupId: groupA.id,
          text: '',
          perVisitorPerDay: 1,
          perDay: 1,
        },
      ],
    ];
    for (const [method, path, body] of attempts) {
      const res = await as<ErrorBody>(leader.token, method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it("a leader's notices: to their own group only; they see their group's notices and no other's", async () => {
    const own = await as<SentNotice>(leader.token, 'POST', '/api/admin/notices', { groupId: groupA.id, title: '组会', body: '三点开会' });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ groupId: groupA.id, senderName: 'leader.a' });
    const inbox = (await as<MyNotice[]>((await loginAs(scene.server.url, 'agent.a', PASSWORD)).token, 'GET', '/api/notices')).body;
    expect(inbox.map((n) => n.id)).toContain(own.body.id);
    const elsewhere = await as<SentNotice>(scene.admin.token, 'POST', '/api/admin/notices', { groupId: groupB.id, title: '售后', body: '别组的事' });
    const everyone = await as<SentNotice>(scene.admin.token, 'POST', '/api/admin/notices', { groupId: null, title: '全员', body: '全公司' });

    const listed = (await as<SentNotice[]>(leader.token, 'GET', '/api/admin/notices')).body.map((n) => n.id);
    expect(listed).toEqual([own.body.id]);
    expect((await as<SentNotice[]>(scene.admin.token, 'GET', '/api/admin/notices')).body.map((n) => n.id)).toEqual(
      expect.arrayContaining([own.body.id, elsewhere.body.id, everyone.body.id]),
    );
    expect((await as(leader.token, 'GET', `/api/admin/notices/${own.body.id}`)).status).toBe(200);
    for (const other of [elsewhere.body.id, everyone.body.id]) {
      const res = await as<ErrorBody>(leader.token, 'GET', `/api/admin/notices/${other}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });

  it("内容管理: a leader cannot list, add, change or delete another group's (or the company's) phrases, files or knowledge", async () => {
    const admin = scene.admin.token;
    const phraseB = (await as<{ id: string }>(admin, 'POST', '/api/phrases', { scope: 'group', groupId: groupB.id, title: '售后', content: 'B' })).body;
    const categoryB = (await as<{ id: string }>(admin, 'POST', '/api/phrase-categories', { scope: 'group', groupId: groupB.id, name: '售后话术' })).body;
    const entryB = (await as<{ id: string }>(admin, 'POST', '/api/admin/knowledge/entries', { groupId: groupB.id, question: '售后', answer: 'B' })).body;
    const kCategoryB = (await as<{ id: string }>(admin, 'POST', '/api/admin/knowledge/categories', { groupId: groupB.id, name: '售后知识' })).body;
    const before = dbFingerprint(scene.server);
    const attempts: [string, string, unknown][] = [
      ['GET', `/api/admin/phrases?groupId=${groupB.id}`, undefined],
      ['GET', '/api/admin/phrases?scope=public', undefined],
      ['GET', `/api/admin/file-phrases?groupId=${groupB.id}`, undefined],
      ['GET', `/api/admin/knowledge/entries?groupId=${groupB.id}`, undefined],
      ['GET', `/api/admin/knowledge/categories?groupId=${groupB.id}`, undefined],
      ['POST', '/api/phrases', { scope: 'group', groupId: groupB.id, title: '越权', content: 'x' }],
      ['POST', '/api/phrases', { scope: 'public', title: '越权', content: 'x' }],
      ['PATCH', `/api/phrases/${phraseB.id}`, { title: '越权' }],
      ['DELETE', `/api/phrases/${phraseB.id}`, undefined],
      ['POST', '/api/phrase-categories', { scope: 'group', groupId: groupB.id, name: '越权' }],
      ['PATCH', `/api/phrase-categories/${categoryB.id}`, { name: '越权' }],
      ['POST', '/api/admin/knowledge/entries', { groupId: groupB.id, question: '越权', answer: 'x' }],
      ['PATCH', `/api/admin/knowledge/entries/${entryB.id}`, { enabled: false }],
      ['DELETE', `/api/admin/knowledge/entries/${entryB.id}`, undefined],
      ['POST', '/api/admin/knowledge/categories', { groupId: null, name: '越权' }],
      ['DELETE', `/api/admin/knowledge/categories/${kCategoryB.id}`, undefined],
    ];
    for (const [method, path, body] of attempts) {
      const res = await as<ErrorBody>(leader.token, method, path, body);
      expect([res.status, res.body.error.code], `${method} ${path} ${JSON.stringify(body)}`).toEqual([403, 'FORBIDDEN']);
    }
    expect(dbFingerprint(scene.server)).toBe(before);
    // Their own group's is theirs.
    const own = await as<{ groupId: string }>(leader.token, 'POST', '/api/admin/knowledge/entries', { groupId: groupA.id, question: '售前', answer: 'A' });
    expect([own.status, own.body.groupId]).toEqual([200, groupA.id]);
  });

  it("对话监控: a leader cannot watch, whisper into, take over, move or mark another group's conversation", async () => {
    const agentB = await loginAs(scene.server.url, 'agent.b', PASSWORD);
    await goLive(scene, agentB, 'online');
    const chat = await visitorChat(scene, { groupId: groupB.id });
    const base = `/api/admin/supervision/conversations/${chat.conversationId}`;
    expect((await as<{ id: string }[]>(leader.token, 'GET', '/api/admin/supervision/conversations')).body.map((c) => c.id)).not.toContain(chat.conversationId);
    const before = dbFingerprint(scene.server);
    const attempts: [string, string, unknown][] = [
      ['GET', base, undefined],
      ['POST', `${base}/whispers`, { clientId: uuidv7(), text: '越权' }],
      ['POST', `${base}/take-over`, undefined],
      ['POST', `${base}/transfer`, { toAgentId: inA.id }],
      ['POST', `${base}/transfer`, { toGroupId: groupA.id }],
      ['PUT', `${base}/review`, { note: '越权' }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await as<ErrorBody>(leader.token, method, path, body);
      expect([res.status, res.body.error.code], `${method} ${path}`).toEqual([403, 'FORBIDDEN']);
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it("报表: a leader asking another group's report or another group's agent is refused; unfiltered they get their own group's", async () => {
    // A conversation in each group (group B's agent is online since the test above).
    const agentA = await loginAs(scene.server.url, 'agent.a', PASSWORD);
    await goLive(scene, agentA, 'online');
    await visitorChat(scene, { groupId: groupA.id });
    await visitorChat(scene, { groupId: groupB.id });
    const today = dayOf(scene.server.ctx.clock(), scene.server.ctx.settings().timeZone);
    const range = `from=${today}&to=${today}`;
    const before = dbFingerprint(scene.server);
    for (const path of [
      `/api/admin/reports/volume?${range}&groupId=${groupB.id}`,
      `/api/admin/reports/sources?${range}&groupId=${groupB.id}`,
      `/api/admin/reports/agents?${range}&agentId=${inB.id}`,
      `/api/admin/reports/volume?${range}&groupId=${groupA.id}&agentId=${inB.id}`,
      `/api/admin/reports/drill?${range}&measure=offered&groupId=${groupB.id}`,
      `/api/admin/reports/drill?${range}&measure=offered&agentId=${inB.id}`,
      `/api/admin/reports/volume/export?${range}&format=csv&groupId=${groupB.id}`,
    ]) {
      const res = await as<ErrorBody>(leader.token, 'GET', path);
      expect([res.status, res.body.error?.code], path).toEqual([403, 'FORBIDDEN']);
    }
    expect(dbFingerprint(scene.server)).toBe(before);

    type Volume = { totals: { offered: number; answered: number }; byGroup: { groupId: string | null }[] };
    const own = await as<Volume>(leader.token, 'GET', `/api/admin/reports/volume?${range}`);
    const adminsView = await as<Volume>(scene.admin.token, 'GET', `/api/admin/reports/volume?${range}&groupId=${groupA.id}`);
    const everything = await as<Volume>(scene.admin.token, 'GET', `/api/admin/reports/volume?${range}`);
    expect(own.status).toBe(200);
    expect(own.body.totals).toEqual(adminsView.body.totals);
    expect(own.body.totals.offered).toBeGreaterThan(0);
    expect(own.body.totals.offered).toBeLessThan(everything.body.totals.offered);
    expect(own.body.byGroup.map((g) => g.groupId)).toEqual([groupA.id]);
    // Their own group's agent is fine.
    expect((await as(leader.token, 'GET', `/api/admin/reports/agents?${range}&agentId=${inA.id}`)).status).toBe(200);
  });

  it("an admin changes a role: the account's logins end and it comes back with the new role; the last admin stays admin", async () => {
    const agentLogin = await loginAs(scene.server.url, 'agent.b', PASSWORD);
    const promoted = await as<AdminAgent>(scene.admin.token, 'PATCH', `/api/admin/agents/${inB.id}`, { role: 'leader' });
    expect(promoted.body.role).toBe('leader');
    const me = await as<{ error: { details?: Record<string, string> } }>(agentLogin.token, 'GET', '/api/me');
    expect(me.status).toBe(401);
    expect(me.body.error.details).toEqual({ reason: 'role-changed' });
    const again = await loginAs(scene.server.url, 'agent.b', PASSWORD);
    expect((await as<AdminGroup[]>(again.token, 'GET', '/api/admin/groups')).body.map((g) => g.id)).toEqual([groupB.id]);

    const before = dbFingerprint(scene.server);
    const lastAdmin = await as<ErrorBody>(scene.admin.token, 'PATCH', `/api/admin/agents/${scene.admin.agentId}`, { role: 'agent' });
    expect(lastAdmin.status).toBe(409);
    expect(lastAdmin.body.error.code).toBe('INVALID_STATE');
    expect((await as<ErrorBody>(scene.admin.token, 'PATCH', `/api/admin/agents/${inA.id}`, { role: 'king' })).body.error.code).toBe('VALIDATION_FAILED');
    expect(dbFingerprint(scene.server)).toBe(before);
  });
});
