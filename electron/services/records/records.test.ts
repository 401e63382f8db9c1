import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginOnline, openDesk, startStack, type Desk, type Stack } from '../test-support/agent-harness.js';

describe('records channels (real server process)', () => {
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

  it('queries, exports a file as base64 and reads a transcript through REST', async () => {
    const page = await desk.invoke('records:query', { keyword: '退货', page: 1, pageSize: 10 });
    expect(page).toEqual({ ok: true, value: { total: 0, items: [] } });
    const file = await desk.invoke('records:export', { format: 'csv', valid: true });
    if (!file.ok) throw new Error(file.error.message);
    expect(file.value.name).toMatch(/\.csv$/);
    expect(file.value.mime).toMatch(/^text\/csv/);
    const text = Buffer.from(file.value.dataBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF房间号,访客,客服')).toBe(true);
    const missing = await desk.invoke('records:transcript', { conversationId: 'no-such-conversation' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
  });

  it('refuses bad filters before they leave the workstation', async () => {
    const bad = await desk.invoke('records:query', { pageSize: 500 });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('VALIDATION_FAILED');
  });
});
