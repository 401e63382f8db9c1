/**
 * 字体设置 on the agent's text messages through the real path: message-style:set in the services,
 * outbox row written with the style, sent to the real server, stored, and read by the visitor —
 * also when the message waited in the outbox while the server was down.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MESSAGE_STYLE, type MessageStyle } from '../../../shared/message-style.js';
import { loginOnline, openDesk, startStack } from '../test-support/agent-harness.js';
import { removeTempDirs } from '../test-support/temp-dir.js';
import { startVisitor } from '../test-support/visitor.js';
import { waitFor } from '../test-support/wait-for.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  removeTempDirs();
});

const style: MessageStyle = { ...DEFAULT_MESSAGE_STYLE, fontFace: 'SimHei', fontSize: 16, italic: true, color: '#389e0d' };

describe("the agent's 字体设置 travels with the message", () => {
  it('carries the style on text (not on the default font), through the outbox and a server restart', async () => {
    const stack = await startStack();
    cleanups.push(() => stack.close());
    const desk = openDesk(stack.deskDir, stack.proxy.url);
    cleanups.push(() => desk.workstation.close());
    await loginOnline(desk);
    const visitor = await startVisitor(() => stack.server.url, '访客乙');
    const conversationId = visitor.conversation.id;

    const plain = await desk.invoke('conversations:send-message', { conversationId, kind: 'text', text: '默认字体' });
    expect(plain.ok && plain.value.style).toBeUndefined();
    expect((await desk.invoke('message-style:set', style)).ok).toBe(true);
    const styled = await desk.invoke('conversations:send-message', { conversationId, kind: 'text', text: '有字体' });
    // Shown styled while still 'sending'.
    expect(styled.ok && [styled.value.delivery, styled.value.style]).toEqual(['sending', style]);

    await stack.killServer();
    await desk.invoke('conversations:send-message', { conversationId, kind: 'text', text: '排队的' });
    await stack.startServer();
    await waitFor('outbox drained', async () => (await desk.connection()).outbox === 0, 15_000);

    const seen = (await visitor.messages()).filter((m) => m.sender === 'agent').map((m) => [m.text, m.style]);
    expect(seen).toEqual([
      ['默认字体', undefined],
      ['有字体', style],
      ['排队的', style],
    ]);
    const local = await desk.invoke('conversations:get-messages', { conversationId });
    expect(local.ok && local.value.filter((m) => m.sender === 'agent').map((m) => [m.text, m.delivery, m.style])).toEqual([
      ['默认字体', 'sent', undefined],
      ['有字体', 'sent', style],
      ['排队的', 'sent', style],
    ]);
  }, 60_000);
});
