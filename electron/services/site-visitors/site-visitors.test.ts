import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EventPayload } from '../../../shared/ipc/contract.js';
import type { PageView } from '../../../shared/customers.js';
import type { ServerFrame } from '../../../shared/protocol/realtime.js';
import type { Invitation, SiteVisitor } from '../../../shared/protocol/rest-site-visitors.js';
import type { Conversation } from '../../../shared/domain.js';
import { loginOnline, openDesk, startStack, type Desk, type Stack } from '../test-support/agent-harness.js';
import { rest } from '../test-support/visitor.js';
import { tempDir } from '../test-support/temp-dir.js';
import { waitFor } from '../test-support/wait-for.js';
import { realtimeUrl } from '../sync/realtime-client.js';

/** A visitor browsing the company site the way the widget's hidden trail frame does: a page view, then a browse socket. */
async function browse(baseUrl: string, name: string) {
  const session = await rest<{ token: string; visitor: { id: string } }>(baseUrl, 'POST', '/api/visitor/session', null, { name });
  const page = await rest<PageView>(baseUrl, 'POST', '/api/visitor/page-views', session.token, {
    url: 'https://shop.example/products/42',
    title: '商品详情',
    referrer: 'https://www.baidu.com/s?wd=%E5%AE%A2%E6%9C%8D',
  });
  const frames: ServerFrame[] = [];
  const socket = new WebSocket(realtimeUrl(baseUrl));
  socket.on('message', (data) => frames.push(JSON.parse(String(data)) as ServerFrame));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'browse.hello', token: session.token, pageViewId: page.id }));
  return { token: session.token, visitorId: session.visitor.id, socket, frames };
}

/**
 * Real server process, the workstation's services through the one dispatcher: 访客监控 shows a
 * visitor who starts browsing (as a delta), an invitation reaches the visitor's browse socket, the
 * visitor accepts it over REST, and the answer comes back to the inviting agent as
 * `invitation:answered` with the conversation it opened.
 */
describe('访客监控 and 主动邀请 in the workstation services', () => {
  let stack: Stack;
  let desk: Desk;
  const changes: EventPayload<'site-visitors:changed'>[] = [];
  const answers: Invitation[] = [];
  /** The page's view of the list: the snapshot with every batch applied in order. */
  const shown = new Map<string, SiteVisitor>();

  beforeAll(async () => {
    stack = await startStack();
    desk = openDesk(stack.deskDir, stack.proxy.url);
    desk.workstation.on('site-visitors:changed', (c) => {
      changes.push(c);
      for (const id of c.left) shown.delete(id);
      for (const v of c.upserted) shown.set(v.visitorId, v);
    });
    desk.workstation.on('invitation:answered', (i) => answers.push(i));
    await loginOnline(desk);
  }, 60_000);
  afterAll(async () => {
    desk.workstation.close();
    await stack.close();
  });

  it('watch, a visitor arrives, invite, the visitor accepts, the agent hears the answer', async () => {
    const snapshot = await desk.invoke('site-visitors:watch', undefined);
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    for (const v of snapshot.value) shown.set(v.visitorId, v);

    const visitor = await browse(stack.server.url, '逛街的访客');
    const row = await waitFor('the visitor listed', () => shown.get(visitor.visitorId));
    expect(row).toMatchObject({ currentUrl: 'https://shop.example/products/42', currentTitle: '商品详情', conversationId: null, pendingInvitationId: null });
    expect(row.pagesViewed).toBeGreaterThanOrEqual(1);

    const invited = await desk.invoke('site-visitors:invite', { visitorId: visitor.visitorId, text: '您好，需要帮忙吗？' });
    if (!invited.ok) throw new Error(invited.error.message);
    expect(invited.value).toMatchObject({ visitorId: visitor.visitorId, state: 'pending', text: '您好，需要帮忙吗？' });
    const shownToVisitor = await waitFor('the invitation on the browse socket', () =>
      visitor.frames.find((f) => f.type === 'invitation' && f.invitation.id === invited.value.id),
    );
    expect(shownToVisitor).toMatchObject({ invitation: { state: 'pending' } });
    await waitFor('the row marked invited', () => shown.get(visitor.visitorId)?.pendingInvitationId === invited.value.id);

    const accepted = await rest<{ invitation: Invitation; conversation: Conversation }>(
      stack.server.url,
      'POST',
      `/api/visitor/invitations/${invited.value.id}/accept`,
      visitor.token,
    );
    const answer = await waitFor('invitation:answered', () => answers.find((a) => a.id === invited.value.id));
    expect(answer).toMatchObject({ state: 'accepted', conversationId: accepted.conversation.id });
    await waitFor('the row chatting', () => shown.get(visitor.visitorId)?.conversationId === accepted.conversation.id);

    // The view closed: no more deltas reach the page.
    await desk.invoke('site-visitors:unwatch', undefined);
    const batches = changes.length;
    const second = await browse(stack.server.url, '第二位访客');
    // Another watcher proves the server has sent its deltas by now.
    const other = openDesk(tempDir('kefu-desk-other-'), stack.proxy.url);
    try {
      await loginOnline(other, 'admin', 'admin123');
      const seen = await other.invoke('site-visitors:watch', undefined);
      expect(seen.ok && seen.value.some((v) => v.visitorId === second.visitorId)).toBe(true);
    } finally {
      other.workstation.close();
    }
    expect(changes.slice(batches).some((c) => c.upserted.some((v) => v.visitorId === second.visitorId))).toBe(false);
    visitor.socket.close();
    second.socket.close();
  }, 90_000);

  it('a visitor who leaves while the workstation is cut off is gone after the reconnect, and deltas flow again', async () => {
    const snapshot = await desk.invoke('site-visitors:watch', undefined);
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    shown.clear();
    for (const v of snapshot.value) shown.set(v.visitorId, v);
    const visitor = await browse(stack.server.url, '会离开的访客');
    await waitFor('the visitor listed', () => shown.get(visitor.visitorId));

    stack.proxy.cut();
    await waitFor('offline', async () => (await desk.connection()).state !== 'online');
    visitor.socket.close();
    // Gone for the server (it waits out a navigation first) before the workstation comes back.
    const admin = await rest<{ token: string }>(stack.server.url, 'POST', '/api/auth/login', null, { account: 'admin', password: 'admin123' });
    await waitFor(
      'the server no longer lists the visitor',
      async () => {
        const list = await rest<SiteVisitor[]>(stack.server.url, 'GET', '/api/site-visitors', admin.token);
        return !list.some((v) => v.visitorId === visitor.visitorId);
      },
      60_000,
      250,
    );
    stack.proxy.restore();
    await waitFor('the visitor gone from the page', () => !shown.has(visitor.visitorId), 60_000);
    // The new connection asked for the deltas again: an arrival now reaches the page.
    const next = await browse(stack.server.url, '重连后来的访客');
    await waitFor('an arrival after the reconnect', () => shown.get(next.visitorId));
    next.socket.close();
  }, 120_000);
});
