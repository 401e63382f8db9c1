/**
 * 主动邀请 and 自动邀请 through the routes (SQLite and PostgreSQL): every refusal answers a 4xx with
 * its code and changes nothing; invitations lapse to ignored by the clock (after a restart too);
 * rules are an admin's, audit-logged and capped; an automatic rule fires once and not again within
 * its cap (the clock and the dwell timers are the test's); the stats count rows, a leader's their
 * own group only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type AdminAgent, type AdminGroup, type AuditPage } from '../../../shared/index.js';
import { SITE_VISITOR_LIMITS, type Invitation, type InvitationRule, type InvitationStats } from '../../../shared/protocol/rest-site-visitors.js';
import { browse, invitationFrame } from '../../testing/browsing.js';
import { call, loginAs, ManualGraceTimers, newVisitor, type RealtimeClient } from '../../testing/harness.js';
import { createScene, dbFingerprint, goLive, visitorChat, type Scene } from '../../testing/scene.js';
import { sweepLapsedInvitations } from './invitations.js';

type ErrorBody = { error: { code: string } };
const site = (path = '/') => `https://shop.example.com${path}`;
const RULE = {
  name: '价格页停留',
  enabled: true,
  urlPattern: '/pricing*',
  dwellSeconds: 30,
  source: 'any',
  sourcePattern: '',
  returningOnly: false,
  groupId: null,
  text: '对价格有疑问吗？',
  perVisitorPerDay: 1,
  perDay: 100,
};

describe('invitations and rules', () => {
  let scene: Scene;
  let timers: ManualGraceTimers;
  const sockets: RealtimeClient[] = [];
  const api = <T>(method: string, path: string, token: string, body?: unknown) => call<T>(scene.server.url, method, path, { token, body });
  const invite = (visitorId: string, body: unknown = { clientId: uuidv7() }, token = scene.agent1.token) =>
    api<Invitation & ErrorBody>('POST', `/api/site-visitors/${visitorId}/invitations`, token, body);
  const onSite = async (path = '/') => {
    const visitor = await newVisitor(scene.server.url);
    const page = await browse(scene.server.url, visitor.token, site(path));
    sockets.push(page.socket);
    await expect
      .poll(async () => (await api<{ visitorId: string }[]>('GET', '/api/site-visitors', scene.agent1.token)).body.map((v) => v.visitorId))
      .toContain(visitor.visitorId);
    return { ...visitor, page };
  };

  beforeEach(async () => {
    timers = new ManualGraceTimers();
    scene = await createScene({ siteVisitorTimers: timers });
  });
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
    await scene.dispose();
  });

  it('invite: bad ids and bodies, not on the site, chatting, pending — each a 4xx with its code, nothing changed; a retry is the same invitation', async () => {
    const visitor = await onSite();
    const offSite = await newVisitor(scene.server.url);
    await goLive(scene, scene.agent2, 'online');
    const chatting = await visitorChat(scene);
    sockets.push((await browse(scene.server.url, chatting.token, site('/chat'))).socket);
    await expect.poll(async () => (await api<unknown[]>('GET', '/api/site-visitors', scene.agent1.token)).body.length).toBe(2);
    const before = dbFingerprint(scene.server);
    const refused: [string, unknown, number, string][] = [
      ['x'.repeat(200), { clientId: uuidv7() }, 400, 'VALIDATION_FAILED'],
      [uuidv7(), { clientId: uuidv7() }, 404, 'NOT_FOUND'],
      [visitor.visitorId, {}, 400, 'VALIDATION_FAILED'],
      [visitor.visitorId, { clientId: 'not-a-uuid' }, 400, 'VALIDATION_FAILED'],
      [visitor.visitorId, { clientId: uuidv7(), text: 'x'.repeat(SITE_VISITOR_LIMITS.invitationTextMax + 1) }, 400, 'VALIDATION_FAILED'],
      [visitor.visitorId, { clientId: uuidv7(), extra: 1 }, 400, 'VALIDATION_FAILED'],
      [offSite.visitorId, { clientId: uuidv7() }, 409, 'NOT_ON_SITE'],
      [chatting.visitorId, { clientId: uuidv7() }, 409, 'ALREADY_CHATTING'],
    ];
    for (const [visitorId, body, status, code] of refused) {
      const res = await invite(visitorId, body);
      expect([res.status, res.body.error?.code], `${visitorId} ${JSON.stringify(body)}`).toEqual([status, code]);
    }
    expect((await api('POST', `/api/site-visitors/${visitor.visitorId}/invitations`, visitor.token, { clientId: uuidv7() })).status).toBe(403);
    expect(dbFingerprint(scene.server)).toBe(before);

    const clientId = uuidv7();
    const first = await invite(visitor.visitorId, { clientId, text: '  您好  ' });
    expect(first.body).toMatchObject({ state: 'pending', text: '您好', visitorId: visitor.visitorId });
    expect((await invite(visitor.visitorId, { clientId, text: '别的' })).body).toEqual(first.body);
    const again = await invite(visitor.visitorId, { clientId: uuidv7() }, scene.agent2.token);
    expect([again.status, again.body.error.code]).toEqual([409, 'INVITATION_PENDING']);
    // The same clientId for another visitor is a client's mistake, not a second invitation.
    expect((await invite(chatting.visitorId, { clientId })).body.error.code).toBe('CONFLICT');
  });

  it('answers: only the visitor’s own pending invitation; twice or lapsed is refused; nobody free is NO_AGENT_AVAILABLE and leaves it pending', async () => {
    const visitor = await onSite();
    const stranger = await newVisitor(scene.server.url);
    const sent = (await invite(visitor.visitorId)).body;
    const before = dbFingerprint(scene.server);
    const refused: [string, string, string, number, string][] = [
      [stranger.token, sent.id, 'accept', 404, 'NOT_FOUND'],
      [stranger.token, sent.id, 'decline', 404, 'NOT_FOUND'],
      [scene.agent1.token, sent.id, 'decline', 403, 'FORBIDDEN'],
      [visitor.token, uuidv7(), 'decline', 404, 'NOT_FOUND'],
      [visitor.token, 'x'.repeat(200), 'accept', 400, 'VALIDATION_FAILED'],
      // Nobody is connected: the chat cannot open.
      [visitor.token, sent.id, 'accept', 409, 'NO_AGENT_AVAILABLE'],
    ];
    for (const [token, id, action, status, code] of refused) {
      const res = await api<ErrorBody>('POST', `/api/visitor/invitations/${encodeURIComponent(id)}/${action}`, token);
      expect([res.status, res.body.error?.code], `${action} ${id}`).toEqual([status, code]);
    }
    expect(dbFingerprint(scene.server)).toBe(before);

    // Lapsed by the clock: refused, read as ignored, written so by the sweep and taken down on the page.
    scene.server.clock.advance(SITE_VISITOR_LIMITS.invitationTtlSeconds * 1000);
    expect((await api<ErrorBody>('POST', `/api/visitor/invitations/${sent.id}/decline`, visitor.token)).body.error.code).toBe('INVALID_STATE');
    expect(sweepLapsedInvitations(scene.server.ctx)).toBe(1);
    await visitor.page.socket.waitFor(invitationFrame(sent.id, 'ignored'));
    expect(sweepLapsedInvitations(scene.server.ctx)).toBe(0);

    const second = (await invite(visitor.visitorId)).body;
    expect((await api<Invitation>('POST', `/api/visitor/invitations/${second.id}/decline`, visitor.token)).body.state).toBe('declined');
    expect((await api<ErrorBody>('POST', `/api/visitor/invitations/${second.id}/accept`, visitor.token)).body.error.code).toBe('INVALID_STATE');
  });

  it('falls back to the group’s routing when the inviting agent cannot take the chat', async () => {
    await goLive(scene, scene.agent1, 'away');
    await goLive(scene, scene.agent2, 'online');
    const visitor = await onSite();
    const sent = (await invite(visitor.visitorId)).body;
    const accepted = await api<{ conversation: { agentId: string } }>('POST', `/api/visitor/invitations/${sent.id}/accept`, visitor.token);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.conversation.agentId).toBe(scene.agent2.agentId);
  });

  it('rules: an admin’s, validated, audit-logged, at most rulesMax; agents are refused', async () => {
    const admin = scene.admin.token;
    const before = dbFingerprint(scene.server);
    for (const bad of [
      {},
      { ...RULE, source: 'tv' },
      { ...RULE, dwellSeconds: -1 },
      { ...RULE, perDay: 0 },
      { ...RULE, groupId: uuidv7() },
      { ...RULE, extra: true },
    ]) {
      const res = await api<ErrorBody>('POST', '/api/admin/invitation-rules', admin, bad);
      expect([res.status, res.body.error.code], JSON.stringify(bad)).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await api('POST', '/api/admin/invitation-rules', scene.agent1.token, RULE)).status).toBe(403);
    expect((await api('PUT', `/api/admin/invitation-rules/${uuidv7()}`, admin, RULE)).status).toBe(404);
    expect(dbFingerprint(scene.server)).toBe(before);

    const created = await api<InvitationRule>('POST', '/api/admin/invitation-rules', admin, RULE);
    expect(created.body).toMatchObject({ ...RULE, id: expect.any(String) });
    const updated = await api<InvitationRule>('PUT', `/api/admin/invitation-rules/${created.body.id}`, admin, { ...RULE, perDay: 5 });
    expect(updated.body.perDay).toBe(5);
    expect((await api<InvitationRule[]>('GET', '/api/admin/invitation-rules', admin)).body).toEqual([updated.body]);
    expect((await api('DELETE', `/api/admin/invitation-rules/${created.body.id}`, admin)).status).toBe(200);
    const audit = (await api<AuditPage>('GET', '/api/admin/audit?limit=3', admin)).body.entries.map((e) => [e.action, e.after]);
    expect(audit).toEqual([
      ['invitationRule.delete', null],
      ['invitationRule.update', { perDay: 5 }],
      ['invitationRule.create', expect.objectContaining({ name: RULE.name })],
    ]);

    for (let i = 0; i < SITE_VISITOR_LIMITS.rulesMax; i++) await api('POST', '/api/admin/invitation-rules', admin, { ...RULE, name: `规则${i}` });
    const full = dbFingerprint(scene.server);
    expect((await api<ErrorBody>('POST', '/api/admin/invitation-rules', admin, RULE)).body.error.code).toBe('CONFLICT');
    expect(dbFingerprint(scene.server)).toBe(full);
  });

  it('an automatic rule fires once after its dwell time by the clock, and not again within its cap', async () => {
    await goLive(scene, scene.agent1, 'online');
    const rule = (await api<InvitationRule>('POST', '/api/admin/invitation-rules', scene.admin.token, RULE)).body;
    const elsewhere = await onSite('/about');
    const visitor = await onSite('/pricing/pro');
    // The timers come early by the clock: nothing is sent.
    timers.fireAll();
    scene.server.clock.advance(RULE.dwellSeconds * 1000);
    timers.fireAll();
    const frame = await visitor.page.socket.waitFor<{ type: 'invitation'; invitation: Invitation }>(invitationFrame(null, 'pending'));
    expect(frame.invitation).toMatchObject({ ruleId: rule.id, agentId: null, text: RULE.text, visitorId: visitor.visitorId });
    expect(elsewhere.page.socket.frames.some((f) => f.type === 'invitation')).toBe(false);
    await api('POST', `/api/visitor/invitations/${frame.invitation.id}/decline`, visitor.token);

    // The next page of the same visitor matches again; the cap (1 per visitor per day) holds.
    await visitor.page.socket.close();
    const next = await browse(scene.server.url, visitor.token, site('/pricing/team'));
    sockets.push(next.socket);
    scene.server.clock.advance(RULE.dwellSeconds * 1000);
    timers.fireAll();
    const stats = async () => (await api<InvitationStats>('GET', '/api/admin/invitations/stats?from=2026-11-25&to=2026-11-25', scene.admin.token)).body;
    await expect.poll(async () => (await stats()).byRule).toEqual([expect.objectContaining({ ruleId: rule.id, sent: 1, declined: 1 })]);
    expect(next.socket.frames.some((f) => f.type === 'invitation' && f.invitation.state === 'pending')).toBe(false);
  });

  it('stats: counts by state per agent and per rule; a leader sees their own group only; bad periods are refused', async () => {
    const admin = scene.admin.token;
    const groupA = (await api<AdminGroup>('POST', '/api/admin/groups', admin, { name: '售前组' })).body;
    await api<AdminAgent>('POST', '/api/admin/agents', admin, {
      account: 'leader.a',
      password: 'Zuzhang-2026',
      nickname: '组长A',
      groupId: groupA.id,
      role: 'leader',
    });
    await api<AdminAgent>('POST', '/api/admin/agents', admin, {
      account: 'agent.a',
      password: 'Zuzhang-2026',
      nickname: '小A',
      groupId: groupA.id,
      role: 'agent',
    });
    const leader = await loginAs(scene.server.url, 'leader.a', 'Zuzhang-2026');
    const agentA = await loginAs(scene.server.url, 'agent.a', 'Zuzhang-2026');
    const first = await onSite();
    const second = await onSite('/b');
    await invite(first.visitorId, { clientId: uuidv7() }, agentA.token);
    const other = (await invite(second.visitorId)).body;
    await api('POST', `/api/visitor/invitations/${other.id}/decline`, second.token);

    const query = '?from=2026-11-25&to=2026-11-25';
    const all = (await api<InvitationStats>('GET', `/api/admin/invitations/stats${query}`, admin)).body;
    expect(all.total).toEqual({ sent: 2, accepted: 0, declined: 1, ignored: 0, pending: 1 });
    expect(all.byAgent.map((a) => [a.agentName, a.sent]).sort()).toEqual([
      ['小A', 1],
      [expect.any(String), 1],
    ]);
    const own = (await api<InvitationStats>('GET', `/api/admin/invitations/stats${query}`, leader.token)).body;
    expect(own.byAgent).toEqual([expect.objectContaining({ agentId: agentA.agentId, sent: 1, pending: 1 })]);
    expect(own.total.sent).toBe(1);
    const before = dbFingerprint(scene.server);
    expect((await api<ErrorBody>('GET', `/api/admin/invitations/stats${query}&groupId=${uuidv7()}`, leader.token)).body.error.code).toBe('FORBIDDEN');
    expect((await api('GET', `/api/admin/invitations/stats${query}`, scene.agent1.token)).status).toBe(403);
    for (const bad of [
      '?from=2026-11-25',
      '?from=2026-02-30&to=2026-03-01',
      '?from=2026-11-25&to=2026-11-24',
      '?from=2024-01-01&to=2026-11-25',
      '?from=x&to=y',
    ])
      expect((await api<ErrorBody>('GET', `/api/admin/invitations/stats${bad}`, admin)).body.error.code, bad).toBe('VALIDATION_FAILED');
    expect(dbFingerprint(scene.server)).toBe(before);
  });
});
