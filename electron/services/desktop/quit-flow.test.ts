import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../ipc/dispatcher.js';
import { loginOnline, openDesk, startStack } from '../test-support/agent-harness.js';
import { removeTempDirs } from '../test-support/temp-dir.js';
import { startVisitor } from '../test-support/visitor.js';
import { waitFor } from '../test-support/wait-for.js';
import type { LocalConversation } from '../../../shared/ipc/contract.js';
import { runQuitFlow } from './quit-flow.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  removeTempDirs();
});

describe('quit flow (退出系统)', () => {
  it('with an open conversation: asks; cancel keeps running and online; yes sets away on the server and quits', async () => {
    const stack = await startStack();
    cleanups.push(() => stack.close());
    const desk = openDesk(stack.deskDir, stack.proxy.url);
    cleanups.push(() => desk.workstation.close());
    const dispatch = createDispatcher(desk.workstation);
    await loginOnline(desk);
    const visitor = await startVisitor(() => stack.server.url, '访客退出');
    await waitFor('assigned', async () => {
      const list = await desk.invoke('conversations:list', undefined);
      return list.ok && list.value.some((c) => c.id === visitor.conversation.id);
    });
    const asked: number[] = [];
    let exited = 0;
    const deps = (answer: boolean) => ({
      loggedIn: () => true,
      openConversations: async () => {
        const list = (await dispatch('conversations:list', undefined)) as { ok: true; value: LocalConversation[] };
        return list.value.filter((c) => c.state !== 'ended').length;
      },
      confirm: async (n: number) => (asked.push(n), answer),
      setAway: async () => (await dispatch('agent:set-status', { status: 'away' })) as never,
      exit: () => void exited++,
    });
    expect(await runQuitFlow(deps(false))).toBe(false);
    expect(exited).toBe(0);
    const before = await desk.invoke('agents:list', undefined);
    expect(before.ok && before.value.find((a) => a.account === 'agent1')?.status).toBe('online');
    expect(await runQuitFlow(deps(true))).toBe(true);
    expect(asked).toEqual([1, 1]);
    expect(exited).toBe(1);
    const after = await desk.invoke('agents:list', undefined);
    expect(after.ok && after.value.find((a) => a.account === 'agent1')?.status).toBe('away');
  }, 30_000);

  it('logged out: quits without asking; a failed away call does not block quitting', async () => {
    let exited = 0;
    const logged: string[] = [];
    const never = async () => {
      throw new Error('must not be called');
    };
    expect(await runQuitFlow({ loggedIn: () => false, openConversations: never, confirm: never, setAway: never, exit: () => void exited++ })).toBe(true);
    expect(
      await runQuitFlow({
        loggedIn: () => true,
        openConversations: async () => 0,
        confirm: never,
        setAway: async () => ({ ok: false, error: { code: 'NETWORK', message: 'server unreachable' } }),
        exit: () => void exited++,
        log: (m) => logged.push(m),
      }),
    ).toBe(true);
    expect(exited).toBe(2);
    expect(logged).toEqual(['could not go away before quitting: server unreachable']);
  });
});
