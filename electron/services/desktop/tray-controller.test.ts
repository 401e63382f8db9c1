import { afterEach, describe, expect, it } from 'vitest';
import type { Agent } from '../../../shared/domain.js';
import { fail, ok } from '../../../shared/errors.js';
import type { LocalConversation, SessionSnapshot } from '../../../shared/ipc/contract.js';
import { createDispatcher } from '../ipc/dispatcher.js';
import { loginOnline, openDesk, startStack } from '../test-support/agent-harness.js';
import { removeTempDirs } from '../test-support/temp-dir.js';
import { waitFor } from '../test-support/wait-for.js';
import { createWorkstationEvents } from '../workstation-events.js';
import { createTrayController, type TrayPort } from './tray-controller.js';
import type { TrayMenuItem } from './tray-model.js';

/** A recording TrayPort: the one fake, at the Electron edge. */
function recordingPort() {
  const calls: { image: string[]; tooltip: string[]; menu: TrayMenuItem[][]; flash: boolean[] } = { image: [], tooltip: [], menu: [], flash: [] };
  const port: TrayPort = {
    setImage: (icon) => calls.image.push(icon),
    setToolTip: (text) => calls.tooltip.push(text),
    setContextMenu: (items) => calls.menu.push(items),
    flash: (on) => calls.flash.push(on),
  };
  return { port, calls };
}

const agent = (status: Agent['status']): Agent =>
  ({ id: 'a1', account: 'agent1', name: '小王', role: 'agent', status, maxConcurrent: 5, groupId: null }) as unknown as Agent;
const snapshot = (status: Agent['status'] | null) =>
  ({ agent: status ? agent(status) : null, settings: {}, hasRememberedPassword: false }) as unknown as SessionSnapshot;
const conversation = (id: string, unread: number) => ({ id, state: 'active', unread }) as unknown as LocalConversation;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  removeTempDirs();
});

describe('tray controller', () => {
  it('follows the workstation events: status, unread sum, queue, flashing until focused', () => {
    const events = createWorkstationEvents();
    const { port, calls } = recordingPort();
    const tray = createTrayController({ port, setStatus: async () => fail('INTERNAL', 'unused'), openWindow() {}, openSettings() {}, quit() {} });
    tray.attach(events);
    expect(calls.image.at(-1)).toBe('offline');
    events.emit('session:changed', snapshot('away'));
    expect(calls.image.at(-1)).toBe('away');
    events.emit('conversation:updated', conversation('c1', 2));
    events.emit('conversation:updated', conversation('c2', 1));
    events.emit('queue:changed', [{}] as never);
    expect(calls.image.at(-1)).toBe('away-unread');
    expect(calls.tooltip.at(-1)).toContain('未读 3 · 排队 1');
    const imagesBefore = calls.image.length;
    events.emit('conversation:updated', conversation('c2', 1));
    expect(calls.image.length).toBe(imagesBefore);
    tray.windowFocused(false);
    events.emit('alert:raised', { kind: 'conversation-assigned', conversationId: 'c3', title: '新对话', body: '' });
    expect(calls.flash.at(-1)).toBe(true);
    tray.windowFocused(true);
    expect(calls.flash.at(-1)).toBe(false);
    events.emit('phone:state-changed', { registration: 'registered' } as never);
    expect(calls.image.at(-1)).toBe('away-phone-unread');
    // The server sets 离开 marked 未响应 (the agent frame arrives as agent:updated).
    events.emit('agent:updated', { ...agent('away'), notRespondingSince: 1 });
    expect(calls.tooltip.at(-1)).toContain('未响应');
    events.emit('agent:updated', agent('online'));
    expect(calls.tooltip.at(-1)).not.toContain('未响应');
    events.emit('session:changed', snapshot(null));
    expect(calls.image.at(-1)).toBe('offline-phone');
    expect(calls.tooltip.at(-1)).not.toContain('未读');
  });

  it('a catch-up summary updates the unread sum in one go, and conversations that left it drop out', () => {
    const events = createWorkstationEvents();
    const { port, calls } = recordingPort();
    createTrayController({ port, setStatus: async () => fail('INTERNAL', 'unused'), openWindow() {}, openSettings() {}, quit() {} }).attach(events);
    events.emit('session:changed', snapshot('online'));
    events.emit('conversation:updated', conversation('c1', 1));
    events.emit('conversations:synced', { conversations: [conversation('c2', 4), conversation('c3', 2)], removed: ['c1'], messages: [] });
    expect(calls.tooltip.at(-1)).toContain('未读 6');
  });

  it('menu actions: open, settings and 退出系统 call the shell; a refused status change is reported', async () => {
    const { port } = recordingPort();
    const done: string[] = [];
    const tray = createTrayController({
      port,
      setStatus: async (status) => (status === 'busy' ? fail('NETWORK', 'server unreachable') : ok(agent(status))),
      openWindow: () => done.push('open'),
      openSettings: () => done.push('settings'),
      quit: () => done.push('quit'),
      onError: (message) => done.push(message),
    });
    await tray.menuClicked('open');
    await tray.menuClicked('settings');
    await tray.menuClicked('status:busy');
    await tray.menuClicked('quit');
    expect(done).toEqual(['open', 'settings', '状态切换失败：server unreachable', 'quit']);
  });

  it('a status chosen in the tray goes through agent:set-status and shows once the server confirmed it', async () => {
    const stack = await startStack();
    cleanups.push(() => stack.close());
    const desk = openDesk(stack.deskDir, stack.proxy.url);
    cleanups.push(() => desk.workstation.close());
    const { port, calls } = recordingPort();
    const dispatch = createDispatcher(desk.workstation);
    const tray = createTrayController({
      port,
      setStatus: async (status) => (await dispatch('agent:set-status', { status })) as never,
      openWindow() {},
      openSettings() {},
      quit() {},
    });
    tray.attach(desk.workstation);
    await loginOnline(desk);
    await waitFor('tray online', () => calls.image.at(-1) === 'online');
    await tray.menuClicked('status:busy');
    await waitFor('tray busy', () => calls.image.at(-1) === 'busy');
    const agents = await desk.invoke('agents:list', undefined);
    expect(agents.ok && agents.value.find((a) => a.account === 'agent1')?.status).toBe('busy');
    const menu = calls.menu.at(-1)!;
    expect(menu.find((item) => item.kind === 'status' && item.checked)).toMatchObject({ id: 'status:busy' });
  }, 30_000);
});
