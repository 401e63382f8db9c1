/**
 * 访客监控 / 主动邀请 over real sockets (SQLite and PostgreSQL): the widget's browse socket and its
 * refusals, on the site until the navigation grace after the last page, deltas only to the staff
 * who watch, an invitation on every tab of the visitor and its answer back to the inviting agent.
 * The navigation grace and the rules' timers are fired by hand (ManualGraceTimers).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type ServerFrame } from '../../shared/index.js';
import type { Invitation, SiteVisitor } from '../../shared/protocol/rest-site-visitors.js';
import { browse, invitationFrame, leftFrame, visitorFrame, watchSiteVisitors } from '../testing/browsing.js';
import { call, ManualGraceTimers, newVisitor, RealtimeClient } from '../testing/harness.js';
import { createScene, goLive, type Scene } from '../testing/scene.js';

type ErrorFrame = Extract<ServerFrame, { type: 'error' }>;

describe('访客监控 realtime', () => {
  let scene: Scene;
  let timers: ManualGraceTimers;
  const sockets: RealtimeClient[] = [];
  const track = <T extends RealtimeClient>(socket: T): T => (sockets.push(socket), socket);
  const site = (url = '/') => `https://shop.example.com${url}`;

  beforeEach(async () => {
    timers = new ManualGraceTimers();
    scene = await createScene({ siteVisitorTimers: timers });
  });
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
    await scene.dispose();
  });

  const url = () => scene.server.url;
  const snapshot = async (token = scene.agent1.token) => (await call<SiteVisitor[]>(url(), 'GET', '/api/site-visitors', { token })).body;

  it('refuses a browse.hello with a bad token, a staff token, or a page view that is not the visitor’s, and closes', async () => {
    const visitor = await newVisitor(url());
    const other = await newVisitor(url());
    const otherPage = await browse(url(), other.token, site('/other'));
    track(otherPage.socket);
    const attempts: [string, string, string, number][] = [
      ['no-such-token', otherPage.pageViewId, 'UNAUTHENTICATED', 4401],
      [scene.agent1.token, otherPage.pageViewId, 'UNAUTHENTICATED', 4401],
      [visitor.token, otherPage.pageViewId, 'NOT_FOUND', 4404],
      [visitor.token, uuidv7(), 'NOT_FOUND', 4404],
    ];
    for (const [token, pageViewId, code, closeCode] of attempts) {
      const socket = track(await RealtimeClient.open(url()));
      socket.send({ type: 'browse.hello', token, pageViewId });
      expect((await socket.waitFor<ErrorFrame>((f) => f.type === 'error')).error.code).toBe(code);
      await expect(socket.waitFor(() => false)).rejects.toThrow(/closed/);
      expect(socket.closed?.code).toBe(closeCode);
    }
    expect((await snapshot()).map((v) => v.visitorId)).toEqual([other.visitorId]);
  });

  it('a browse socket only receives, and a visitor on the site is not online for chat', async () => {
    const visitor = await newVisitor(url());
    const page = await browse(url(), visitor.token, site('/'));
    track(page.socket);
    await expect.poll(async () => (await snapshot()).length).toBe(1);
    page.socket.send({ type: 'typing', conversationId: uuidv7(), typing: true });
    expect((await page.socket.waitFor<ErrorFrame>((f) => f.type === 'error')).error.code).toBe('INVALID_STATE');
    expect(scene.server.ctx.presence.isVisitorOnline(visitor.visitorId)).toBe(false);
  });

  it('deltas go only to watchers: arrival, a new page within the navigation grace (no left), then left after it', async () => {
    const watcher = track(await watchSiteVisitors(url(), scene.agent1.token));
    const bystander = track(await RealtimeClient.connect(url(), scene.agent2.token));
    const visitor = await newVisitor(url());
    const first = await browse(url(), visitor.token, site('/landing?utm_source=x'), 'https://www.baidu.com/s?wd=%E5%AE%A2%E6%9C%8D');
    track(first.socket);
    const arrived = await watcher.waitFor<Extract<ServerFrame, { type: 'site-visitor' }>>(visitorFrame(visitor.visitorId));
    expect(arrived.visitor).toMatchObject({
      currentUrl: site('/landing?utm_source=x'),
      pagesViewed: 1,
      visitCount: 1,
      searchEngine: 'baidu',
      keyword: '客服',
      conversationId: null,
      pendingInvitationId: null,
    });

    // Navigation: the first page closes, the next page's socket opens before the grace runs out.
    await first.socket.close();
    scene.server.clock.advance(20_000);
    const second = await browse(url(), visitor.token, site('/pricing'));
    track(second.socket);
    await watcher.waitFor(visitorFrame(visitor.visitorId, (v) => v.currentUrl === site('/pricing') && v.pagesViewed === 2));
    timers.fireAll();
    expect(watcher.frames.some(leftFrame(visitor.visitorId))).toBe(false);
    expect((await snapshot()).map((v) => v.visitorId)).toEqual([visitor.visitorId]);

    await second.socket.close();
    await expect.poll(() => timers.pending).toBe(1);
    timers.fireAll();
    await watcher.waitFor(leftFrame(visitor.visitorId));
    expect(await snapshot()).toEqual([]);
    expect(bystander.frames.filter((f) => f.type === 'site-visitor' || f.type === 'site-visitor.left')).toEqual([]);

    // Watching stops when asked (and is off on every new connection).
    watcher.send({ type: 'site-visitors.watch', watch: false });
    const from = watcher.frames.length;
    watcher.send({ type: 'ping' });
    await watcher.waitFor((f) => f.type === 'pong', 20_000, from);
    scene.server.clock.advance(5_000);
    const third = await browse(url(), visitor.token, site('/again'));
    track(third.socket);
    await expect.poll(async () => (await snapshot()).length).toBe(1);
    const reconnected = track(await RealtimeClient.connect(url(), scene.agent1.token));
    scene.server.clock.advance(5_000);
    const fourth = await browse(url(), visitor.token, site('/more'));
    track(fourth.socket);
    await expect.poll(async () => (await snapshot())[0]?.currentUrl).toBe(site('/more'));
    expect(watcher.frames.slice(from).filter((f) => f.type === 'site-visitor')).toEqual([]);
    expect(reconnected.frames.filter((f) => f.type === 'site-visitor')).toEqual([]);
  });

  it('an invitation reaches every tab of the visitor; the answer takes it down on all of them and reaches the inviting agent', async () => {
    const agentSocket = track(await watchSiteVisitors(url(), scene.agent1.token));
    const visitor = await newVisitor(url());
    const tabA = await browse(url(), visitor.token, site('/a'));
    const tabB = await browse(url(), visitor.token, site('/b'));
    track(tabA.socket);
    track(tabB.socket);
    await expect.poll(async () => (await snapshot()).length).toBe(1);

    const sent = await call<Invitation>(url(), 'POST', `/api/site-visitors/${visitor.visitorId}/invitations`, {
      token: scene.agent1.token,
      body: { clientId: uuidv7(), text: '需要帮忙吗？' },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({ state: 'pending', agentId: scene.agent1.agentId, text: '需要帮忙吗？', ruleId: null });
    for (const tab of [tabA, tabB]) await tab.socket.waitFor(invitationFrame(sent.body.id, 'pending'));
    await agentSocket.waitFor(visitorFrame(visitor.visitorId, (v) => v.pendingInvitationId === sent.body.id));
    // A page opened later shows the waiting invitation too.
    const tabC = await browse(url(), visitor.token, site('/c'));
    track(tabC.socket);
    await tabC.socket.waitFor(invitationFrame(sent.body.id, 'pending'));

    const declined = await call<Invitation>(url(), 'POST', `/api/visitor/invitations/${sent.body.id}/decline`, { token: visitor.token });
    expect(declined.body).toMatchObject({ state: 'declined', answeredAt: expect.any(Number) });
    for (const tab of [tabA, tabB, tabC]) await tab.socket.waitFor(invitationFrame(sent.body.id, 'declined'));
    await agentSocket.waitFor(invitationFrame(sent.body.id, 'declined'));
    await agentSocket.waitFor(visitorFrame(visitor.visitorId, (v) => v.pendingInvitationId === null));
  });

  it('accepting opens a conversation with the inviting agent, who hears the answer; the row shows the chat', async () => {
    await goLive(scene, scene.agent1, 'online');
    await goLive(scene, scene.agent2, 'online');
    const watcher = track(await watchSiteVisitors(url(), scene.admin.token));
    const visitor = await newVisitor(url());
    track((await browse(url(), visitor.token, site('/'))).socket);
    await expect.poll(async () => (await snapshot()).length).toBe(1);
    // agent2 invites although agent1 would be first by load order.
    const sent = await call<Invitation>(url(), 'POST', `/api/site-visitors/${visitor.visitorId}/invitations`, {
      token: scene.agent2.token,
      body: { clientId: uuidv7() },
    });
    expect(sent.body.text).not.toBe('');
    const accepted = await call<{ invitation: Invitation; conversation: { id: string; agentId: string | null; state: string } }>(
      url(),
      'POST',
      `/api/visitor/invitations/${sent.body.id}/accept`,
      { token: visitor.token },
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.conversation).toMatchObject({ agentId: scene.agent2.agentId, state: 'active' });
    expect(accepted.body.invitation).toMatchObject({ state: 'accepted', conversationId: accepted.body.conversation.id });
    await scene.agent2.ws!.waitFor(invitationFrame(sent.body.id, 'accepted'));
    expect(scene.agent1.ws!.frames.some(invitationFrame(sent.body.id, 'accepted'))).toBe(false);
    await watcher.waitFor(visitorFrame(visitor.visitorId, (v) => v.conversationId === accepted.body.conversation.id && v.agentId === scene.agent2.agentId));
  });
});
