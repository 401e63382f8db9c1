/**
 * Catch-up after time away, against the REAL server in its own process: a backlog is applied in
 * batches (one summary per batch, never one event per change), with progress and the conversations
 * still behind, while calls are answered in between; nothing is lost or repeated; conversations
 * closed meanwhile leave the list exactly as a reload shows it; and a start with the server hung
 * works from the cache at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState, EventPayload } from '../../../shared/ipc/contract.js';
import { FAST_TIMING, loginOnline, openDesk, startStack, type Desk, type Stack } from '../test-support/agent-harness.js';
import { removeTempDirs } from '../test-support/temp-dir.js';
import { startVisitor, type TestVisitor } from '../test-support/visitor.js';
import { waitFor } from '../test-support/wait-for.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  removeTempDirs();
});

/** The test floods the server from one address on purpose. */
const NO_WIDGET_LIMITS = { KEFU_WIDGET_RATE_LIMITS: 'off' };

async function deskWithVisitors(count: number): Promise<{ stack: Stack; desk: Desk; visitors: TestVisitor[] }> {
  const stack = await startStack({ serverEnv: NO_WIDGET_LIMITS });
  cleanups.push(() => stack.close());
  const desk = openDesk(stack.deskDir, stack.proxy.url);
  cleanups.push(() => desk.workstation.close());
  await loginOnline(desk);
  const visitors: TestVisitor[] = [];
  for (let i = 0; i < count; i++) visitors.push(await startVisitor(() => stack.server.url, `访客${i + 1}`));
  await waitFor('conversations listed', async () => {
    const list = await desk.invoke('conversations:list', undefined);
    return list.ok && list.value.length === count;
  });
  return { stack, desk, visitors };
}

/** Each visitor says `perVisitor` numbered lines, the visitors side by side; resolves with every stored clientId. */
async function flood(visitors: TestVisitor[], perVisitor: number): Promise<string[]> {
  const sent = await Promise.all(
    visitors.map(async (visitor, v) => {
      const ids: string[] = [];
      for (let i = 0; i < perVisitor; i++) ids.push((await visitor.say(`v${v}-${i}`)).clientId);
      return ids;
    }),
  );
  return sent.flat();
}

async function adminToken(serverUrl: string): Promise<string> {
  const response = await fetch(new URL('/api/auth/login', serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: 'admin', password: 'admin123' }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function adminCall<T>(serverUrl: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, serverUrl), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('catch-up after time away', () => {
  it('applies a backlog in batches with progress, answers calls meanwhile, and loses or repeats nothing', async () => {
    const { stack, desk, visitors } = await deskWithVisitors(3);
    const summaries: EventPayload<'conversations:synced'>[] = [];
    const singles: string[] = [];
    const syncing: NonNullable<ConnectionState['progress']>[] = [];
    const order: string[] = [];
    desk.workstation.on('conversations:synced', (summary) => summaries.push(summary));
    desk.workstation.on('message:upserted', (m) => singles.push(m.clientId));
    desk.workstation.on('connection:changed', (state) => {
      if (state.state === 'online') order.push('online');
      if (state.state !== 'syncing' || !state.progress || state.progress.done === 0) return;
      syncing.push(state.progress);
      // Asked between two batches of the replay: it must be answered before the replay ends.
      if (syncing.length === 1) void desk.invoke('conversations:list', undefined).then((list) => order.push(list.ok ? 'answered' : 'failed'));
    });

    stack.proxy.cut();
    await waitFor('desk offline', async () => (await desk.connection()).state === 'offline');
    const perVisitor = 300;
    const sent = await flood(visitors, perVisitor);
    stack.proxy.restore();
    await waitFor('caught up', async () => (await desk.connection()).state === 'online', 30_000);

    // Batches, not events: a few summaries carry every message, and no message went out on its own.
    const replayed = summaries.flatMap((s) => s.messages.map((m) => m.clientId));
    expect(replayed.sort()).toEqual([...sent].sort());
    expect(singles).toEqual([]);
    expect(summaries.length).toBeGreaterThan(1);
    expect(summaries.length).toBeLessThan(sent.length / 20);

    // 已同步 N / M: rising to the server's count, with the conversations still behind on the way.
    expect(syncing.length).toBeGreaterThan(1);
    expect(syncing.map((p) => p.done)).toEqual([...syncing.map((p) => p.done)].sort((a, b) => a - b));
    const last = syncing.at(-1)!;
    expect(last.done).toBe(last.total);
    expect(last.total).toBeGreaterThanOrEqual(sent.length);
    expect(last.behind).toEqual([]);
    // Which conversations were behind depends on how the frames arrived; they are only ever these.
    const ids = new Set(visitors.map((v) => v.conversation.id));
    expect(syncing.flatMap((p) => p.behind ?? []).every((id) => ids.has(id))).toBe(true);
    expect(order).toEqual(['answered', 'online']);

    // Checked against the server: the cache holds each conversation's messages exactly once, in order.
    for (const visitor of visitors) {
      const onServer = (await visitor.messages()).map((m) => m.clientId);
      const local = await desk.invoke('conversations:get-messages', { conversationId: visitor.conversation.id });
      expect(local.ok && local.value.map((m) => m.clientId)).toEqual(onServer);
    }
    const list = await desk.invoke('conversations:list', undefined);
    expect(list.ok && list.value.map((c) => c.unread)).toEqual(visitors.map(() => perVisitor));
  }, 90_000);

  it('conversations closed while away leave the list as the replay applies, exactly as a reload lists them', async () => {
    const { stack, desk, visitors } = await deskWithVisitors(3);
    const [closed, kept] = [visitors[0]!, visitors[1]!];
    const live = new Map<string, unknown>();
    const listed = async () => {
      const list = await desk.invoke('conversations:list', undefined);
      return list.ok ? list.value.map((c) => c.id).sort() : [];
    };
    for (const id of await listed()) live.set(id, true);
    // The page's view of the list, kept from events alone.
    desk.workstation.on('conversations:synced', ({ conversations, removed }) => {
      for (const c of conversations) live.set(c.id, true);
      for (const id of removed) live.delete(id);
    });
    desk.workstation.on('conversation:updated', (c) => live.set(c.id, true));
    desk.workstation.on('conversation:removed', ({ conversationId }) => live.delete(conversationId));

    stack.proxy.cut();
    await waitFor('desk offline', async () => (await desk.connection()).state === 'offline');
    const admin = await adminToken(stack.server.url);
    const [topic] = await adminCall<{ id: string }[]>(stack.server.url, admin, 'GET', '/api/topics');
    await closed.say('谢谢，再见');
    await kept.say('还在吗');
    await adminCall(stack.server.url, admin, 'POST', `/api/conversations/${closed.conversation.id}/close`, { topicId: topic!.id, note: '已解决' });
    stack.proxy.restore();
    await waitFor('caught up', async () => (await desk.connection()).state === 'online', 30_000);

    const reloaded = await listed();
    expect(reloaded).not.toContain(closed.conversation.id);
    expect(reloaded).toContain(kept.conversation.id);
    expect([...live.keys()].sort()).toEqual(reloaded);

    // And live, online: closing with the summary here removes it the same way.
    const close = await desk.invoke('conversations:close', { conversationId: kept.conversation.id, topicId: topic!.id, note: '好了' });
    expect(close.ok).toBe(true);
    await waitFor('removed live', () => !live.has(kept.conversation.id));
    expect([...live.keys()].sort()).toEqual(await listed());
  }, 60_000);

  it('starts from the cache with the server hung: the session, conversations and messages at once, sends queued, then catches up', async () => {
    const { stack, desk, visitors } = await deskWithVisitors(1);
    const [visitor] = visitors as [TestVisitor];
    await visitor.say('在吗');
    await waitFor('message cached', async () => {
      const local = await desk.invoke('conversations:get-messages', { conversationId: visitor.conversation.id });
      return local.ok && local.value.length === 1;
    });
    await desk.workstation.close();

    // Accepts every connection and never answers one: only the workstation's own timeouts end them.
    stack.proxy.hang();
    const again = openDesk(stack.deskDir, stack.proxy.url, { ...FAST_TIMING, connectTimeoutMs: 1000 });
    cleanups.push(() => again.workstation.close());
    const snapshot = await again.invoke('session:get-snapshot', undefined);
    expect(snapshot.ok && snapshot.value.agent?.account).toBe('agent1');
    const list = await again.invoke('conversations:list', undefined);
    expect(list.ok && list.value.map((c) => c.id)).toEqual([visitor.conversation.id]);
    const messages = await again.invoke('conversations:get-messages', { conversationId: visitor.conversation.id });
    expect(messages.ok && messages.value.map((m) => m.text)).toEqual(['在吗']);
    // All of that came from the cache: the server has not answered anything yet.
    expect((await again.connection()).state).not.toBe('online');
    await waitFor('the hung server was asked', () => stack.proxy.hung() > 0);

    const queued = await again.invoke('conversations:send-message', { conversationId: visitor.conversation.id, kind: 'text', text: '服务器卡住时发的' });
    expect(queued.ok && queued.value.delivery).toBe('sending');
    // The realtime connect gives up on its own (no welcome) and says offline, not online.
    await waitFor('offline', async () => (await again.connection()).state === 'offline');

    stack.proxy.restore();
    await waitFor('online again', async () => (await again.connection()).state === 'online', 30_000);
    await waitFor('outbox drained', async () => (await again.connection()).outbox === 0, 30_000);
    const agentTexts = (await visitor.messages()).filter((m) => m.sender === 'agent').map((m) => m.text);
    expect(agentTexts).toEqual(['服务器卡住时发的']);
  }, 60_000);
});
