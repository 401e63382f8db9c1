import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerSettings } from '../../../shared/domain.js';
import type { EventPayload } from '../../../shared/ipc/contract.js';
import type { CompanyAutoReply } from '../../../shared/phrases.js';
import { adminToken } from '../test-support/admin-login.js';
import { loginOnline, openDesk, startStack, type Desk, type Stack } from '../test-support/agent-harness.js';
import { waitFor } from '../test-support/wait-for.js';

/**
 * Real server process, real workstation services: an admin changes 公司设置 or the company
 * auto-reply over REST and a connected workstation has the new values without a reload (the
 * server's `settings.changed` hint, the service's re-read, `company-settings:changed` to the
 * page); a change made while the workstation was cut off arrives with the reconnect.
 */
describe('company settings reach the workstation live', () => {
  let stack: Stack;
  let desk: Desk;
  let token: string;
  const published: EventPayload<'company-settings:changed'>[] = [];

  // Straight to the server, not through the proxy the workstation uses (it may be cut).
  const admin = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${stack.server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
  };
  const held = async () => {
    const result = await desk.invoke('company-settings:get', undefined);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  beforeAll(async () => {
    stack = await startStack();
    desk = openDesk(stack.deskDir, stack.proxy.url);
    desk.workstation.on('company-settings:changed', (value) => published.push(value));
    await loginOnline(desk);
    token = await adminToken(stack.server.url);
  }, 60_000);
  afterAll(async () => {
    desk.workstation.close();
    await stack.close();
  });

  it('holds the company settings once online, and a change over REST reaches it and the page without a reload', async () => {
    const first = await waitFor('settings read on connect', async () => ((await held()).settings.summaryRequired === true ? held() : null));
    expect(first.settings.agentUploadMaxMb).toBe(20);

    await admin('PATCH', '/api/admin/settings', { summaryRequired: false, agentUploadMaxMb: 5 } satisfies Partial<ServerSettings>);
    const pushed = await waitFor('change published', () => published.find((p) => p.settings.summaryRequired === false));
    expect(pushed.settings.agentUploadMaxMb).toBe(5);
    expect((await held()).settings).toMatchObject({ summaryRequired: false, agentUploadMaxMb: 5 });

    const autoReply: CompanyAutoReply = { greetingEnabled: true, greeting: '欢迎', busyEnabled: false, busyReply: '', notRespondingSeconds: 120 };
    await admin('PUT', '/api/admin/auto-reply', autoReply);
    await waitFor('auto-reply published', () => published.find((p) => p.autoReply.greeting === '欢迎'));
    expect((await held()).autoReply).toEqual(autoReply);
  });

  it('a change made while the workstation was cut off arrives when it is back', async () => {
    stack.proxy.cut();
    await waitFor('offline', async () => (await desk.connection()).state !== 'online');
    await admin('PATCH', '/api/admin/settings', { summaryRequired: true });
    stack.proxy.restore();
    await waitFor('change after reconnect', async () => ((await held()).settings.summaryRequired ? true : null));
    expect(published.at(-1)?.settings.summaryRequired).toBe(true);
  });
});
