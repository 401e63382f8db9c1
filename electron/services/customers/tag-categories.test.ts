import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/ipc/contract.js';
import type { TagCategory } from '../../../shared/tag-categories.js';
import { adminToken } from '../test-support/admin-login.js';
import { loginOnline, openDesk, startStack, type Desk, type Stack } from '../test-support/agent-harness.js';
import { waitFor } from '../test-support/wait-for.js';

/**
 * Real server process, real workstation services: an admin changes 名片分类 over REST and an open
 * workstation holds the new categories and tells the page without a restart (the server's
 * `tag-categories.changed` hint, the service's re-read, `customers:tag-categories-changed`); a
 * change made while the workstation was cut off arrives with the reconnect.
 */
describe('名片分类 reach the workstation live', () => {
  let stack: Stack;
  let desk: Desk;
  let token: string;
  const published: EventPayload<'customers:tag-categories-changed'>[] = [];

  // Straight to the server, not through the proxy the workstation uses (it may be cut).
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${stack.server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const held = async () => {
    const result = await desk.invoke('customers:tag-categories', undefined);
    if (!result.ok) throw new Error(result.error.message);
    return result.value.map((c) => `${c.name}: ${c.tags.join('/')}`);
  };

  beforeAll(async () => {
    stack = await startStack();
    desk = openDesk(stack.deskDir, stack.proxy.url);
    desk.workstation.on('customers:tag-categories-changed', (value) => published.push(value));
    await loginOnline(desk);
    token = await adminToken(stack.server.url);
  }, 60_000);
  afterAll(async () => {
    desk.workstation.close();
    await stack.close();
  });

  it('an admin adds, changes and deletes a category: the workstation holds it and the page hears it each time', async () => {
    const before = await held();
    const created = await admin<TagCategory>('POST', '/api/admin/tag-categories', { name: '客户等级', tags: ['VIP', '普通'] });
    await waitFor('new category published', () => published.find((list) => list.some((c) => c.id === created.id)));
    expect(await held()).toEqual([...before, '客户等级: VIP/普通']);

    await admin('PATCH', `/api/admin/tag-categories/${created.id}`, { name: '会员等级', tags: ['VIP', '普通', '黑卡'] });
    await waitFor('change published', () => published.at(-1)?.find((c) => c.id === created.id && c.name === '会员等级'));
    expect(await held()).toEqual([...before, '会员等级: VIP/普通/黑卡']);

    await admin('DELETE', `/api/admin/tag-categories/${created.id}`);
    await waitFor('deletion published', () => (published.at(-1)?.some((c) => c.id === created.id) === false ? true : null));
    expect(await held()).toEqual(before);
  });

  it('a change made while the workstation was cut off arrives when it is back', async () => {
    stack.proxy.cut();
    await waitFor('offline', async () => (await desk.connection()).state !== 'online');
    await admin('POST', '/api/admin/tag-categories', { name: '意向', tags: ['高', '低'] });
    stack.proxy.restore();
    await waitFor('category after reconnect', async () => ((await held()).includes('意向: 高/低') ? true : null));
    expect(published.at(-1)?.map((c) => c.name)).toContain('意向');
  });
});
