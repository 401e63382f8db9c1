import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MESSAGE_STYLE } from '../../../shared/ipc/phrases.js';
import { loginOnline, openDesk, startStack, type Desk, type Stack } from '../test-support/agent-harness.js';
import { waitFor } from '../test-support/wait-for.js';

/** Real server process, real SQLite cache: phrases sync on login, change through REST, read offline. */
describe('phrases in the workstation services', () => {
  let stack: Stack;
  let desk: Desk;
  const titles = async (query?: string) => {
    const list = await desk.invoke('phrases:list', query === undefined ? undefined : { query });
    if (!list.ok) throw new Error(list.error.message);
    return list.value.phrases.map((p) => p.title);
  };

  beforeAll(async () => {
    stack = await startStack();
    desk = openDesk(stack.deskDir, stack.proxy.url);
    await loginOnline(desk);
  }, 60_000);
  afterAll(async () => {
    desk.workstation.close();
    await stack.close();
  });

  it('syncs the public phrases into the cache on login and filters by title, code and content', async () => {
    await waitFor('seeded phrases cached', async () => (await titles()).includes('感谢咨询'));
    const categories = await desk.invoke('phrases:categories', undefined);
    expect(categories.ok && categories.value.map((c) => c.name)).toEqual(expect.arrayContaining(['问候', '结束']));
    expect(await titles('th')).toContain('感谢咨询');
    expect(await titles('/th')).toContain('感谢咨询');
    expect(await titles('生活愉快')).toEqual(['感谢咨询']);
    expect(await titles('没有这样的')).toEqual([]);
    // LIKE wildcards in the query match themselves only.
    expect(await titles('%')).toEqual([]);
  });

  it('creates, edits and deletes personal phrases through the server, then the cache', async () => {
    const changed: number[] = [];
    const off = desk.workstation.on('phrases:changed', ({ count }) => changed.push(count));
    const created = await desk.invoke('phrases:create', { title: '我的常用', content: '稍等，我帮您看看 {访客昵称}', shortcut: 'mine' });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value.scope).toBe('personal');
    expect(await titles('mine')).toEqual(['我的常用']);
    expect(changed.length).toBeGreaterThan(0);

    const updated = await desk.invoke('phrases:update', { id: created.value.id, patch: { title: '我的常用2' } });
    expect(updated.ok).toBe(true);
    expect(await titles('mine')).toEqual(['我的常用2']);

    // Public ones cannot be changed from the workstation: the server refuses, the cache is unchanged.
    const refused = await desk.invoke('phrases:update', { id: 'ph-hello', patch: { content: '改掉' } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN');
    const hello = await desk.invoke('phrases:list', { query: 'hi' });
    expect(hello.ok && hello.value.phrases.find((p) => p.id === 'ph-hello')?.content).toBe('您好，很高兴为您服务！');

    // Bad input never leaves the workstation.
    const oversized = await desk.invoke('phrases:create', { title: 'x', content: 'y'.repeat(5001) });
    expect(oversized.ok).toBe(false);
    if (!oversized.ok) expect(oversized.error.code).toBe('VALIDATION_FAILED');

    expect((await desk.invoke('phrases:delete', { id: created.value.id })).ok).toBe(true);
    expect(await titles('mine')).toEqual([]);
    off();
  });

  it('keeps the font setting locally', async () => {
    expect(await desk.invoke('message-style:get', undefined)).toEqual({ ok: true, value: DEFAULT_MESSAGE_STYLE });
    const style = { ...DEFAULT_MESSAGE_STYLE, bold: true, color: '#cc0000', fontSize: 16 };
    expect((await desk.invoke('message-style:set', style)).ok).toBe(true);
    expect(await desk.invoke('message-style:get', undefined)).toEqual({ ok: true, value: style });
    expect((await desk.invoke('message-style:set', { ...style, color: 'red' } as never)).ok).toBe(false);
  });

  it('serves the cached phrases while the server is down, and re-syncs when it is back', async () => {
    await stack.killServer();
    await waitFor('offline', async () => (await desk.connection()).state !== 'online');
    expect(await titles('th')).toContain('感谢咨询');
    const offline = await desk.invoke('phrases:create', { title: '离线', content: '不行' });
    expect(offline.ok).toBe(false);
    await stack.startServer();
    await waitFor('online again', async () => (await desk.connection()).state === 'online', 20_000);
    const refreshed = await desk.invoke('phrases:refresh', undefined);
    expect(refreshed.ok).toBe(true);
    expect(await titles('th')).toContain('感谢咨询');
  }, 60_000);
});
