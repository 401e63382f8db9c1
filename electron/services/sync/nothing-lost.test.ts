/**
 * NOTHING LOST (docs/ARCHITECTURE.md) against the REAL server in its own process: messages survive the
 * server being killed, the workstation being killed, and the network dropping — each arrives
 * exactly once and in order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalMessage } from '../../../shared/ipc/contract.js';
import { loginOnline, openDesk, startStack, type Desk, type Stack } from '../test-support/agent-harness.js';
import { runTs } from '../test-support/server-process.js';
import { connectShell } from '../test-support/shell-client.js';
import { removeTempDirs } from '../test-support/temp-dir.js';
import { startVisitor, type TestVisitor } from '../test-support/visitor.js';
import { waitFor } from '../test-support/wait-for.js';

// Each scenario starts, kills (SIGKILL) and restarts real processes; every wait inside is for a
// condition. This is only the backstop for a process that never comes back, sized for a busy machine.
const SCENARIO_MS = 90_000;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  removeTempDirs();
});

async function stackWithConversation(): Promise<{ stack: Stack; desk: Desk; visitor: TestVisitor }> {
  const stack = await startStack();
  cleanups.push(() => stack.close());
  const desk = openDesk(stack.deskDir, stack.proxy.url);
  cleanups.push(() => desk.workstation.close());
  await loginOnline(desk);
  const visitor = await startVisitor(() => stack.server.url, '访客甲');
  expect(visitor.conversation.state).toBe('active');
  return { stack, desk, visitor };
}

const agentTexts = async (visitor: TestVisitor) => (await visitor.messages()).filter((m) => m.sender === 'agent').map((m) => m.text);

async function sendAll(desk: Desk, conversationId: string, texts: string[]): Promise<LocalMessage[]> {
  const sent: LocalMessage[] = [];
  for (const text of texts) {
    const result = await desk.invoke('conversations:send-message', { conversationId, kind: 'text', text });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.delivery).toBe('sending');
    sent.push(result.value);
  }
  return sent;
}

describe('nothing lost', () => {
  it(
    '(a) messages sent while the server is down arrive once, in order, after it restarts (SIGKILL)',
    async () => {
      const { stack, desk, visitor } = await stackWithConversation();
      await stack.killServer();
      const texts = ['一', '二', '三', '四', '五'];
      await sendAll(desk, visitor.conversation.id, texts);
      expect((await desk.connection()).outbox).toBe(5);
      await stack.startServer();
      await waitFor('outbox drained', async () => (await desk.connection()).outbox === 0, 15_000);
      expect(await agentTexts(visitor)).toEqual(texts);
      const local = await desk.invoke('conversations:get-messages', { conversationId: visitor.conversation.id });
      expect(local.ok && local.value.filter((m) => m.sender === 'agent').map((m) => [m.text, m.delivery])).toEqual(texts.map((t) => [t, 'sent']));
    },
    SCENARIO_MS,
  );

  it(
    '(b) the workstation process is SIGKILLed with messages in its outbox; a new one on the same data dir delivers them once, in order',
    async () => {
      const { stack, desk, visitor } = await stackWithConversation();
      await desk.workstation.close(); // the same data dir now goes to a real shell process
      const startShell = async () => {
        const child = runTs('electron/services/browser-shell/main.ts', ['--server', stack.proxy.url, '--data', stack.deskDir]);
        cleanups.push(() => child.kill('SIGKILL'));
        let out = '';
        child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
        const url = await waitFor('shell url', () => /KEFU_SHELL_URL=(\S+)/.exec(out)?.[1], 20_000);
        return { child, page: await connectShell(url) };
      };
      const first = await startShell();
      await waitFor('resumed session', async () => {
        const state = await first.page.invoke('connection:get-state', undefined);
        return state.ok && (state.value as { state: string }).state === 'online';
      });
      stack.proxy.cut(); // keep them in the outbox
      const texts = ['甲', '乙', '丙', '丁'];
      for (const text of texts) {
        const result = await first.page.invoke('conversations:send-message', { conversationId: visitor.conversation.id, kind: 'text', text });
        expect(result.ok && (result.value as LocalMessage).delivery).toBe('sending');
      }
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));
      stack.proxy.restore();
      expect(await agentTexts(visitor)).toEqual([]);
      const second = await startShell();
      await waitFor('all delivered', async () => (await agentTexts(visitor)).length >= texts.length, 15_000);
      await waitFor('outbox empty', async () => {
        const state = await second.page.invoke('connection:get-state', undefined);
        return state.ok && (state.value as { outbox: number }).outbox === 0;
      });
      expect(await agentTexts(visitor)).toEqual(texts);
      second.page.close();
    },
    SCENARIO_MS,
  );

  it(
    '(c) visitor messages sent while the agent was cut off arrive once, in order, after resume',
    async () => {
      const { stack, desk, visitor } = await stackWithConversation();
      const upserts: string[] = [];
      const phases: string[] = [];
      desk.workstation.on('message:upserted', (m) => upserts.push(m.clientId));
      // A replay after the cut arrives as one summary per batch.
      desk.workstation.on('conversations:synced', ({ messages }) => upserts.push(...messages.map((m) => m.clientId)));
      desk.workstation.on('connection:changed', (c) => phases.push(c.state));
      await visitor.say('在吗');
      await waitFor('first message', () => upserts.length === 1);
      stack.proxy.cut();
      await waitFor('agent offline', async () => (await desk.connection()).state !== 'online');
      const texts = ['1', '2', '3', '4', '5', '6'];
      const sent = [];
      for (const text of texts) sent.push(await visitor.say(text));
      stack.proxy.restore();
      await waitFor('resumed', async () => (await desk.connection()).state === 'online', 15_000);
      await waitFor('all replayed', () => upserts.length === 1 + texts.length);
      expect(phases).toContain('syncing');
      expect(upserts.slice(1)).toEqual(sent.map((m) => m.clientId));
      const local = await desk.invoke('conversations:get-messages', { conversationId: visitor.conversation.id });
      expect(local.ok && local.value.map((m) => m.text)).toEqual(['在吗', ...texts]);
      const list = await desk.invoke('conversations:list', undefined);
      expect(list.ok && list.value.find((c) => c.id === visitor.conversation.id)?.unread).toBe(1 + texts.length);
    },
    SCENARIO_MS,
  );
});
