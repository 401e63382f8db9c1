/**
 * A cache whose lastSeq is ahead of the server's log (restored from a backup, or pointed at a
 * server restored from an older one) against the REAL server: the workstation must rebuild what it
 * shows from REST, take the server's seq, and still send what sat in its outbox. Without this it
 * would skip every event below its own seq, i.e. every event, for good.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Conversation } from '../../../shared/domain.js';
import { REALTIME_PATH, type ServerFrame } from '../../../shared/protocol/realtime.js';
import { openDatabase } from '../cache/database.js';
import { deleteConversation, upsertConversation } from '../cache/conversations-repo.js';
import { listMessages } from '../cache/messages-repo.js';
import { getLastSeq, setLastSeq } from '../cache/sync-state-repo.js';
import { loginOnline, openDesk, startStack } from '../test-support/agent-harness.js';
import { removeTempDirs } from '../test-support/temp-dir.js';
import { startVisitor } from '../test-support/visitor.js';
import { waitFor } from '../test-support/wait-for.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  removeTempDirs();
});

/** The head of the server's event log, as a fresh connection's welcome frame tells it. */
async function serverHead(serverUrl: string): Promise<number> {
  const login = await fetch(new URL('/api/auth/login', serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: 'admin', password: 'admin123' }),
  });
  const { token } = (await login.json()) as { token: string };
  const socket = new WebSocket(serverUrl.replace(/^http/, 'ws') + REALTIME_PATH);
  try {
    return await new Promise<number>((resolve, reject) => {
      socket.once('open', () => socket.send(JSON.stringify({ type: 'hello', token, lastSeq: 0 })));
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as ServerFrame;
        if (frame.type === 'welcome') resolve(frame.headSeq);
      });
      socket.once('error', reject);
    });
  } finally {
    socket.close();
  }
}

describe('resync when the cache is ahead of the server', () => {
  it('rebuilds conversations and messages from REST, takes the head seq, keeps and sends the outbox', async () => {
    const stack = await startStack();
    cleanups.push(() => stack.close());
    const desk = openDesk(stack.deskDir, stack.proxy.url);
    cleanups.push(() => desk.workstation.close());
    await loginOnline(desk);
    const agentId = await waitFor('agent id', async () => {
      const snapshot = await desk.invoke('session:get-snapshot', undefined);
      return snapshot.ok ? snapshot.value.agent?.id : undefined;
    });
    const first = await startVisitor(() => stack.server.url, '访客甲');
    await first.say('第一句');
    const reader = openDatabase(stack.deskDir);
    cleanups.push(() => reader.close());
    await waitFor('first message cached', () => listMessages(reader, first.conversation.id).length === 1);

    stack.proxy.cut();
    await waitFor('desk offline', async () => (await desk.connection()).state !== 'online');
    const unsent = await desk.invoke('conversations:send-message', { conversationId: first.conversation.id, kind: 'text', text: '离线时发的' });
    expect(unsent.ok && unsent.value.delivery).toBe('sending');
    await first.say('断线时访客说');
    // Routed to agent1 while the desk is away: the grace period still counts them as connected.
    const second = await startVisitor(() => stack.server.url, '访客乙');
    expect(second.conversation.agentId).toBe(agentId);

    // The cache as a backup restored from elsewhere would leave it: a seq far beyond the server's
    // head, a conversation the server never had, and a real one missing with its messages.
    setLastSeq(reader, agentId, 1_000_000_000_000);
    const phantom: Conversation = { ...first.conversation, id: 'phantom-from-backup', roomNo: '幽灵', state: 'active', agentId };
    upsertConversation(reader, phantom);
    deleteConversation(reader, first.conversation.id);
    reader.prepare('DELETE FROM messages WHERE conversation_id = ?').run(first.conversation.id);

    stack.proxy.restore();
    await waitFor('outbox sent', async () => (await desk.connection()).outbox === 0, 15_000);
    await waitFor('online', async () => (await desk.connection()).state === 'online');

    const list = await desk.invoke('conversations:list', undefined);
    const ids = list.ok ? list.value.map((c) => c.id).sort() : [];
    expect(ids).toEqual([first.conversation.id, second.conversation.id].sort());
    // Rebuilt by the resync itself, not by a later get-messages: read the cache file directly.
    const cached = listMessages(reader, first.conversation.id).map((m) => m.text);
    expect(cached.slice(0, 2)).toEqual(['第一句', '断线时访客说']);
    const onServer = (await first.messages()).map((m) => m.text);
    expect(onServer).toEqual(['第一句', '断线时访客说', '离线时发的']);
    await waitFor('own message cached', () => listMessages(reader, first.conversation.id).length === 3);

    // From now on live events flow again and the stored seq follows the server's own.
    await first.say('之后');
    await waitFor('live event applied', () => listMessages(reader, first.conversation.id).some((m) => m.text === '之后'));
    const head = await serverHead(stack.server.url);
    expect(getLastSeq(reader, agentId)).toBe(head);
  });
});
