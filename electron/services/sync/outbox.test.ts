import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../cache/database.js';
import { pendingOutbox } from '../cache/outbox-repo.js';
import { loginOnline, openDesk, startStack } from '../test-support/agent-harness.js';
import { removeTempDirs } from '../test-support/temp-dir.js';
import { startVisitor } from '../test-support/visitor.js';
import { waitFor } from '../test-support/wait-for.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  removeTempDirs();
});

describe('outbox against the real server', () => {
  it('writes the row first, removes it only on the ack, keeps the order', async () => {
    const stack = await startStack();
    cleanups.push(() => stack.close());
    const desk = openDesk(stack.deskDir, stack.proxy.url);
    cleanups.push(() => desk.workstation.close());
    await loginOnline(desk);
    const visitor = await startVisitor(() => stack.server.url, '访客乙');
    stack.proxy.cut();
    const sent = await desk.invoke('conversations:send-message', { conversationId: visitor.conversation.id, kind: 'text', text: '先写入' });
    expect(sent.ok && sent.value.delivery).toBe('sending');
    // Another connection to the same file sees the row: it is on disk before anything was sent.
    const reader = openDatabase(stack.deskDir);
    expect(pendingOutbox(reader, await sessionAgentId(desk)).map((e) => e.text)).toEqual(['先写入']);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const image = await desk.invoke('conversations:send-message', {
      conversationId: visitor.conversation.id,
      kind: 'image',
      file: { name: 'dot.png', dataBase64: png.toString('base64') },
    });
    expect(image.ok && image.value.delivery).toBe('sending');
    await desk.invoke('conversations:send-message', { conversationId: visitor.conversation.id, kind: 'text', text: '第三条' });
    stack.proxy.restore();
    await waitFor('drained', async () => (await desk.connection()).outbox === 0, 15_000);
    expect(reader.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    reader.close();
    const onServer = (await visitor.messages()).filter((m) => m.sender === 'agent');
    expect(onServer.map((m) => m.kind)).toEqual(['text', 'image', 'text']);
    expect([onServer[0]?.text, onServer[1]?.attachment?.name, onServer[2]?.text]).toEqual(['先写入', 'dot.png', '第三条']);
    expect(onServer[1]?.attachment?.mime).toBe('image/png');
  });

  it('marks a refused message failed with the reason and lets the agent retry it', async () => {
    const stack = await startStack();
    cleanups.push(() => stack.close());
    const desk = openDesk(stack.deskDir, stack.proxy.url);
    cleanups.push(() => desk.workstation.close());
    await loginOnline(desk);
    const failed: string[] = [];
    desk.workstation.on('message:upserted', (m) => m.delivery === 'failed' && failed.push(m.failure ?? ''));
    const sent = await desk.invoke('conversations:send-message', { conversationId: 'no-such-conversation', kind: 'text', text: '发不出去' });
    if (!sent.ok) throw new Error(sent.error.message);
    await waitFor('failed', () => failed.length === 1);
    expect(failed[0]).toMatch(/^(NOT_FOUND|FORBIDDEN|VALIDATION_FAILED|INVALID_STATE)/);
    const retried = await desk.invoke('conversations:retry-message', { clientId: sent.value.clientId });
    expect(retried.ok && retried.value.delivery).toBe('sending');
    await waitFor('failed again', () => failed.length === 2);
    const again = await desk.invoke('conversations:retry-message', { clientId: '01a21347-2083-746f-b95d-e9d0b4ca363e' });
    expect(again.ok ? null : again.error.code).toBe('NOT_FOUND');
  });
});

async function sessionAgentId(desk: ReturnType<typeof openDesk>): Promise<string> {
  const snapshot = await desk.invoke('session:get-snapshot', undefined);
  if (!snapshot.ok || !snapshot.value.agent) throw new Error('not logged in');
  return snapshot.value.agent.id;
}
