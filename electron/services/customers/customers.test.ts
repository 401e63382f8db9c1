import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginOnline, openDesk, startStack, type Desk, type Stack } from '../test-support/agent-harness.js';
import { startVisitor } from '../test-support/visitor.js';
import { waitFor } from '../test-support/wait-for.js';

describe('customer channels (real server process)', () => {
  let stack: Stack;
  let desk: Desk;
  beforeAll(async () => {
    stack = await startStack();
    desk = openDesk(stack.deskDir, stack.proxy.url);
    await loginOnline(desk);
  }, 60_000);
  afterAll(async () => {
    desk.workstation.close();
    await stack.close();
  });

  it('reads the profile, pushes profile-changed when the visitor browses, saves tags and phone', async () => {
    const visitor = await startVisitor(() => stack.proxy.url, '李四');
    const visitorId = visitor.conversation.visitorId;
    const changed: string[] = [];
    desk.workstation.on('customers:profile-changed', (payload) => changed.push(payload.visitorId));

    const res = await fetch(`${stack.proxy.url}/api/visitor/page-views`, {
      method: 'POST',
      headers: { authorization: `Bearer ${visitor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://shop.example.cn/a', title: '页面A', referrer: 'https://www.so.com/s?q=冰箱' }),
    });
    expect(res.status).toBe(200);
    await waitFor('profile-changed event', () => changed.includes(visitorId));

    const profile = await desk.invoke('customers:get-profile', { visitorId });
    if (!profile.ok) throw new Error(profile.error.message);
    expect(profile.value).toMatchObject({ nickname: '李四', searchEngine: '360', searchKeyword: '冰箱' });
    expect(profile.value.trail.map((v) => v.title)).toEqual(['页面A']);

    const saved = await desk.invoke('customers:update-profile', { visitorId, patch: { tags: ['VIP'], phone: '13800138000' } });
    expect(saved.ok ? [saved.value.tags, saved.value.phone] : saved.error.code).toEqual([['VIP'], '13800138000']);
  });

  it('reads the 名片分类 an admin manages, in order, from the server', async () => {
    const admin = await fetch(`${stack.proxy.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: 'admin', password: 'admin123' }),
    }).then((res) => res.json() as Promise<{ token: string }>);
    for (const body of [
      { name: '意向', tags: ['高', '低'], sortOrder: 1 },
      { name: '客户等级', tags: ['VIP', '普通'], sortOrder: 0 },
    ]) {
      const res = await fetch(`${stack.proxy.url}/api/admin/tag-categories`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
    }
    // Held by the services and read again on the server's hint (tag-categories.test.ts): here once both arrived.
    const categories = await waitFor('both categories held', async () => {
      const held = await desk.invoke('customers:tag-categories', undefined);
      return held.ok && held.value.length === 2 ? held.value : null;
    });
    expect(categories.map((c) => [c.name, c.tags])).toEqual([
      ['客户等级', ['VIP', '普通']],
      ['意向', ['高', '低']],
    ]);
  });

  it('refuses bad input before it leaves the workstation, and others\u2019 visitors at the server', async () => {
    const bad = await desk.invoke('customers:update-profile', { visitorId: 'v', patch: { phone: 'call me' } });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('VALIDATION_FAILED');
    const unknown = await desk.invoke('customers:get-profile', { visitorId: 'no-such-visitor' });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('NOT_FOUND');
  });
});
