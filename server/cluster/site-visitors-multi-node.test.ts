/**
 * 访客监控 across nodes (PostgreSQL + Redis): a visitor browsing on node 1 is in node 2's snapshot
 * and reaches node 2's watcher; an agent on node 2 invites them and the invitation reaches their
 * page on node 1; after the page closes (and the navigation grace) node 2's watcher hears they left.
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/index.js';
import type { Invitation, SiteVisitor } from '../../shared/protocol/rest-site-visitors.js';
import { SEED_CREDENTIALS } from '../store/seed.js';
import { browse, invitationFrame, leftFrame, visitorFrame, watchSiteVisitors } from '../testing/browsing.js';
import { useCluster } from '../testing/cluster.js';
import { call, loginAs, newVisitor } from '../testing/harness.js';

const [agent1] = SEED_CREDENTIALS.agents;
const cluster = useCluster();

describe('访客监控 on several nodes', () => {
  it('a visitor on node 1 is in node 2’s snapshot and deltas; node 2’s invitation reaches their page', { timeout: 120_000 }, async () => {
    const databaseUrl = await cluster.createDatabase();
    const n1 = await cluster.startNode(databaseUrl, 's1', { navigationGraceMs: 200 });
    const n2 = await cluster.startNode(databaseUrl, 's2', { navigationGraceMs: 200 });
    const agent = await loginAs(n2.url, agent1.account, agent1.password);
    const watcher = cluster.track(await watchSiteVisitors(n2.url, agent.token));

    const visitor = await newVisitor(n1.url);
    const page = await browse(n1.url, visitor.token, 'https://shop.example.com/pricing');
    cluster.track(page.socket);
    await watcher.waitFor(
      visitorFrame(visitor.visitorId, (v) => v.currentUrl === 'https://shop.example.com/pricing'),
      30_000,
    );
    const snapshot = await call<SiteVisitor[]>(n2.url, 'GET', '/api/site-visitors', { token: agent.token });
    expect(snapshot.body.map((v) => v.visitorId)).toEqual([visitor.visitorId]);

    const sent = await call<Invitation>(n2.url, 'POST', `/api/site-visitors/${visitor.visitorId}/invitations`, {
      token: agent.token,
      body: { clientId: uuidv7() },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    await page.socket.waitFor(invitationFrame(sent.body.id, 'pending'), 30_000);
    expect((await call(n1.url, 'POST', `/api/visitor/invitations/${sent.body.id}/decline`, { token: visitor.token })).status).toBe(200);
    await watcher.waitFor(invitationFrame(sent.body.id, 'declined'), 30_000);

    await page.socket.close();
    await watcher.waitFor(leftFrame(visitor.visitorId), 30_000);
    expect((await call<SiteVisitor[]>(n2.url, 'GET', '/api/site-visitors', { token: agent.token })).body).toEqual([]);
  });
});
