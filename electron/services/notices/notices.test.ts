import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/ipc/contract.js';
import type { SentNotice } from '../../../shared/protocol/rest-notices.js';
import { adminToken } from '../test-support/admin-login.js';
import { loginOnline, openDesk, startStack, type Desk, type Stack } from '../test-support/agent-harness.js';
import { tempDir } from '../test-support/temp-dir.js';
import { waitFor } from '../test-support/wait-for.js';

/**
 * Real server process, real SQLite cache: a notice sent live pops up and lands in the cached list;
 * one sent while the workstation was cut off arrives with the replay (listed, not popped up); an
 * admin's workstation, which reads every event, lists and pops up only notices addressed to it.
 */
describe('notices (通知) in the workstation services', () => {
  let stack: Stack;
  let agent: Desk;
  let admin: Desk;
  let token: string;
  const arrived: { agent: EventPayload<'notice:arrived'>[]; admin: EventPayload<'notice:arrived'>[] } = { agent: [], admin: [] };
  const unread: number[] = [];

  const send = async (title: string): Promise<SentNotice> => {
    // Straight to the server, not through the proxy the workstations use (it may be cut).
    const res = await fetch(`${stack.server.url}/api/admin/notices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ groupId: null, title, body: `${title} 的内容` }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as SentNotice;
  };
  const listed = async (desk: Desk) => {
    const list = await desk.invoke('notices:list', undefined);
    if (!list.ok) throw new Error(list.error.message);
    return list.value;
  };

  beforeAll(async () => {
    stack = await startStack();
    agent = openDesk(stack.deskDir, stack.proxy.url);
    admin = openDesk(tempDir('kefu-desk-admin-'), stack.proxy.url);
    agent.workstation.on('notice:arrived', (n) => arrived.agent.push(n));
    agent.workstation.on('notices:changed', (c) => unread.push(c.unread));
    admin.workstation.on('notice:arrived', (n) => arrived.admin.push(n));
    await loginOnline(agent);
    await loginOnline(admin, 'admin', 'admin123');
    token = await adminToken(stack.server.url);
  }, 60_000);
  afterAll(async () => {
    agent.workstation.close();
    admin.workstation.close();
    await stack.close();
  });

  it('a live notice pops up, is cached unread, and is marked read through the server', async () => {
    const notice = await send('系统维护');
    const popped = await waitFor('notice popped up', () => arrived.agent.find((n) => n.id === notice.id));
    expect(popped).toMatchObject({ title: '系统维护', body: '系统维护 的内容', readAt: null });
    expect(await listed(agent)).toEqual([expect.objectContaining({ id: notice.id, readAt: null })]);
    expect(unread.at(-1)).toBe(1);

    const read = await agent.invoke('notices:mark-read', { id: notice.id });
    expect(read.ok && read.value.readAt).toEqual(expect.any(Number));
    expect((await listed(agent))[0]!.readAt).toEqual(expect.any(Number));
    expect(unread.at(-1)).toBe(0);
    // The sender's own workstation heard the event (admins read every event) but the notice is not addressed to it.
    expect(await listed(admin)).toEqual([]);
    expect(arrived.admin).toEqual([]);

    const bad = await agent.invoke('notices:mark-read', { id: '' });
    expect(bad.ok || bad.error.code).toBe('VALIDATION_FAILED');
    const unknown = await agent.invoke('notices:mark-read', { id: 'no-such-notice' });
    expect(unknown.ok || unknown.error.code).toBe('NOT_FOUND');
  });

  it('a notice sent while the workstation was offline arrives with the replay, listed but not popped up', async () => {
    stack.proxy.cut();
    await waitFor('offline', async () => (await agent.connection()).state !== 'online');
    const notice = await send('离线期间的通知');
    stack.proxy.restore();
    const list = await waitFor('replayed notice cached', async () => {
      const notices = await listed(agent);
      return notices.some((n) => n.id === notice.id) ? notices : null;
    });
    expect(list.map((n) => n.title)).toEqual(['离线期间的通知', '系统维护']);
    expect(list[0]!.readAt).toBeNull();
    expect(arrived.agent.some((n) => n.id === notice.id)).toBe(false);
  });
});
