/**
 * 服务器地址 against real backends: server A (behind a cuttable proxy) and server B, each with its
 * own agents and visitors, plus a web server that is not ours and a port nobody listens on.
 * Switching logs out and never shows A's conversations against B; a switch that cannot happen
 * changes nothing; unsent messages hold a switch until the agent drops them; at start a changed
 * deployment address clears the cache, or waits while messages are unsent.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_SERVER_URL } from '../../../shared/server-address.js';
import { openDatabase } from '../cache/database.js';
import { createWorkstation } from '../workstation.js';
import { loginOnline, openDesk, startStack, type Desk, type Stack } from '../test-support/agent-harness.js';
import { createMemorySecretStore } from '../test-support/memory-secret-store.js';
import { startServerProcess, type ServerProcess } from '../test-support/server-process.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { startVisitor } from '../test-support/visitor.js';
import { waitFor } from '../test-support/wait-for.js';
import { WORKSTATION_TABLES } from './cache-binding.js';

let stack: Stack;
let serverB: ServerProcess;
let notKefu: Server;
let notKefuUrl: string;
let nobodyUrl: string;
const desks: Desk[] = [];

function desk(dir: string, serverUrl: string): Desk {
  const opened = openDesk(dir, serverUrl);
  desks.push(opened);
  return opened;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  stack = await startStack();
  serverB = await startServerProcess(tempDir('kefu-server-b-'));
  // Answers 200 to everything, as a router's page or another application would.
  notKefu = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Welcome</html>'));
  notKefuUrl = await listen(notKefu);
  const closed = createServer();
  nobodyUrl = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
}, 60_000);
afterEach(async () => {
  for (const opened of desks.splice(0)) await opened.workstation.close();
  stack.proxy.restore();
});
afterAll(async () => {
  await stack.close();
  await serverB.kill();
  await new Promise((resolve) => notKefu.close(resolve));
  removeTempDirs();
});

async function openConversationIds(opened: Desk): Promise<string[]> {
  const list = await opened.invoke('conversations:list', undefined);
  return list.ok ? list.value.map((conversation) => conversation.id) : [];
}

/** Rows left in the tables a server's data lives in (see cache-binding.ts). */
function serverRows(dir: string): number {
  const db = openDatabase(dir);
  try {
    const tables = db.prepare('PRAGMA table_list').all() as { schema: string; name: string; type: string }[];
    return tables
      .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_') && !WORKSTATION_TABLES.has(t.name))
      .reduce((sum, t) => sum + (db.prepare(`SELECT COUNT(*) AS n FROM "${t.name}"`).get() as { n: number }).n, 0);
  } finally {
    db.close();
  }
}

describe('服务器地址: switching servers', () => {
  it('logs out, clears what A sent, and on B only B’s conversations ever show', async () => {
    const dir = tempDir('kefu-desk-');
    const d = desk(dir, stack.proxy.url);
    expect(await d.invoke('server:get-address', undefined)).toMatchObject({
      ok: true,
      value: { url: stack.proxy.url, source: 'deployment', defaultUrl: stack.proxy.url, heldFor: null },
    });
    await loginOnline(d);
    const onA = await startVisitor(() => stack.server.url, '访客甲');
    await waitFor('A’s conversation', async () => (await openConversationIds(d)).includes(onA.conversation.id));
    const snapshots: (string | null)[] = [];
    d.workstation.on('session:changed', (snapshot) => snapshots.push(snapshot.agent?.id ?? null));

    const switched = await d.invoke('server:set-address', { url: `${serverB.url}/`, discardUnsent: false });
    expect(switched).toMatchObject({ ok: true, value: { url: serverB.url, source: 'chosen', defaultUrl: stack.proxy.url } });
    expect(snapshots.at(-1)).toBeNull();
    expect(await d.invoke('session:get-snapshot', undefined)).toMatchObject({ ok: true, value: { agent: null, settings: { serverUrl: serverB.url } } });
    expect(await d.invoke('conversations:list', undefined)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(serverRows(dir)).toBe(0);

    await loginOnline(d);
    const onB = await startVisitor(() => serverB.url, '访客乙');
    await waitFor('B’s conversation', async () => (await openConversationIds(d)).includes(onB.conversation.id));
    expect(await openConversationIds(d)).not.toContain(onA.conversation.id);
    // A's visitor speaks again: nothing of it reaches a workstation now bound to B.
    await onA.say('还在吗？');
    await onB.say('你好');
    await waitFor('B’s message', async () => {
      const messages = await d.invoke('conversations:get-messages', { conversationId: onB.conversation.id });
      return messages.ok && messages.value.some((m) => m.text === '你好');
    });
    expect(await openConversationIds(d)).not.toContain(onA.conversation.id);
  });

  it('a switch that cannot happen changes nothing: a bad address, nobody there, not a Kefu server', async () => {
    const dir = tempDir('kefu-desk-');
    const d = desk(dir, stack.proxy.url);
    await loginOnline(d);
    const refusals = [
      ['ftp://kefu.example.com', 'VALIDATION_FAILED', 'scheme'],
      [`${serverB.url}/kefu`, 'VALIDATION_FAILED', 'path'],
      ['', 'VALIDATION_FAILED', 'empty'],
      [nobodyUrl, 'NETWORK', 'unreachable'],
      [notKefuUrl, 'VALIDATION_FAILED', 'not-kefu'],
    ] as const;
    for (const [url, code, reason] of refusals) {
      expect(await d.invoke('server:set-address', { url, discardUnsent: false }), url).toMatchObject({ ok: false, error: { code, details: { reason } } });
    }
    expect(await d.invoke('server:get-address', undefined)).toMatchObject({ ok: true, value: { url: stack.proxy.url, source: 'deployment' } });
    expect((await d.connection()).state).toBe('online');
    const snapshot = await d.invoke('session:get-snapshot', undefined);
    expect(snapshot.ok && snapshot.value.agent?.account).toBe('agent1');
  });

  it('unsent messages hold a switch until the agent says to drop them', async () => {
    const dir = tempDir('kefu-desk-');
    const d = desk(dir, stack.proxy.url);
    await loginOnline(d);
    const visitor = await startVisitor(() => stack.server.url, '访客丙');
    await waitFor('conversation', async () => (await openConversationIds(d)).includes(visitor.conversation.id));
    stack.proxy.cut();
    await d.invoke('conversations:send-message', { conversationId: visitor.conversation.id, kind: 'text', text: '网络断了' });
    expect(await d.invoke('server:set-address', { url: serverB.url, discardUnsent: false })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'unsent', unsent: '1' } },
    });
    expect((await d.connection()).outbox).toBe(1);
    expect(await d.invoke('server:get-address', undefined)).toMatchObject({ value: { url: stack.proxy.url } });

    expect(await d.invoke('server:set-address', { url: serverB.url, discardUnsent: true })).toMatchObject({ ok: true, value: { url: serverB.url } });
    expect((await d.connection()).outbox).toBe(0);
    expect(serverRows(dir)).toBe(0);
  });

  it('the agent’s choice outlives a restart and the deployment; 恢复默认 goes back to the deployment’s', async () => {
    const dir = tempDir('kefu-desk-');
    const first = desk(dir, stack.proxy.url);
    await first.invoke('server:set-address', { url: serverB.url, discardUnsent: false });
    await first.workstation.close();
    const second = desk(dir, stack.proxy.url);
    expect(await second.invoke('server:get-address', undefined)).toMatchObject({ value: { url: serverB.url, source: 'chosen' } });
    // Typing the address already in use changes nothing but the record of the choice.
    expect(await second.invoke('server:set-address', { url: serverB.url.toUpperCase(), discardUnsent: false })).toMatchObject({
      value: { url: serverB.url, source: 'chosen' },
    });
    // 记住密码 and 自动登录 on B: neither travels to another server by itself.
    expect(
      await second.invoke('session:login', { account: 'agent1', password: 'agent123', rememberPassword: true, autoLogin: true, autoStart: false }),
    ).toMatchObject({ ok: true });
    expect(await second.invoke('session:get-snapshot', undefined)).toMatchObject({
      value: { hasRememberedPassword: true, settings: { autoLogin: true, rememberPassword: true } },
    });
    expect(await second.invoke('server:set-address', { url: null, discardUnsent: false })).toMatchObject({
      ok: true,
      value: { url: stack.proxy.url, source: 'deployment' },
    });
    expect(await second.invoke('session:get-snapshot', undefined)).toMatchObject({
      value: { agent: null, hasRememberedPassword: false, settings: { autoLogin: false, rememberPassword: false, lastAccount: 'agent1' } },
    });
    await second.workstation.close();
    const builtIn = createWorkstation({ dataDir: tempDir('kefu-desk-'), secretStore: createMemorySecretStore() });
    try {
      expect(await builtIn.handlers['server:get-address'](undefined)).toMatchObject({ value: { url: BUILT_IN_SERVER_URL, source: 'built-in' } });
    } finally {
      await builtIn.close();
    }
  });
});

describe('服务器地址: a deployment that names another server at start', () => {
  it('clears the cache and the session of the old server', async () => {
    const dir = tempDir('kefu-desk-');
    const onA = desk(dir, stack.proxy.url);
    await loginOnline(onA);
    const visitor = await startVisitor(() => stack.server.url, '访客丁');
    await waitFor('conversation', async () => (await openConversationIds(onA)).includes(visitor.conversation.id));
    await onA.workstation.close();

    const onB = desk(dir, serverB.url);
    await onB.workstation.ready;
    expect(await onB.invoke('server:get-address', undefined)).toMatchObject({ value: { url: serverB.url, source: 'deployment', heldFor: null } });
    const snapshot = await onB.invoke('session:get-snapshot', undefined);
    expect(snapshot.ok && snapshot.value.agent).toBeNull();
    expect(serverRows(dir)).toBe(0);
  });

  it('waits with the old server while messages written for it are unsent', async () => {
    const dir = tempDir('kefu-desk-');
    const onA = desk(dir, stack.proxy.url);
    await loginOnline(onA);
    const visitor = await startVisitor(() => stack.server.url, '访客戊');
    await waitFor('conversation', async () => (await openConversationIds(onA)).includes(visitor.conversation.id));
    stack.proxy.cut();
    await onA.invoke('conversations:send-message', { conversationId: visitor.conversation.id, kind: 'text', text: '等一下' });
    await onA.workstation.close();
    stack.proxy.restore();

    const reopened = desk(dir, serverB.url);
    expect(await reopened.invoke('server:get-address', undefined)).toMatchObject({
      value: { url: stack.proxy.url, source: 'deployment', heldFor: { url: serverB.url, unsent: 1 } },
    });
    // Still A's session and cache: the message goes out to A.
    await waitFor('sent to A', async () => (await reopened.connection()).outbox === 0, 15_000);
    expect((await visitor.messages()).map((m) => m.text)).toContain('等一下');
    await reopened.workstation.close();

    const third = desk(dir, serverB.url);
    expect(await third.invoke('server:get-address', undefined)).toMatchObject({ value: { url: serverB.url, heldFor: null } });
    expect(await openConversationIds(third)).toEqual([]);
  });
});
