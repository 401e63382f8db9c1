import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Agent, AgentStatus } from '../../../shared/domain.js';
import { fail, ok } from '../../../shared/errors.js';
import { createPresenceWatcher, type PowerEvent, type PowerMonitorPort, type PresenceSettings } from './presence-watcher.js';

/** Stands in for Electron's powerMonitor (the Electron edge). */
function power() {
  const emitter = new EventEmitter();
  let idleSeconds = 0;
  const port: PowerMonitorPort = {
    on(event, listener) {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    getSystemIdleTime: () => idleSeconds,
  };
  return { port, fire: (event: PowerEvent) => emitter.emit(event), setIdle: (s: number) => (idleSeconds = s), listeners: () => emitter.eventNames().length };
}

/** The agent's status as the server keeps it; setStatus behaves like the agent:set-status handler. */
function agentOnServer(initial: AgentStatus) {
  let status: AgentStatus | null = initial;
  const calls: AgentStatus[] = [];
  let refuse = false;
  return {
    currentStatus: () => status,
    setStatus: async (next: AgentStatus) => {
      calls.push(next);
      if (refuse) return fail('NETWORK', 'offline');
      status = next;
      return ok({ status: next } as Agent);
    },
    setByHand: (next: AgentStatus | null) => (status = next),
    refuse: (on: boolean) => (refuse = on),
    calls,
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('presence watcher', () => {
  const settings: PresenceSettings = { awayOnLock: true, restorePreviousStatus: true, idleAwayMinutes: 10 };

  it('lock → away, unlock → back to the previous status; suspend/resume likewise', async () => {
    const p = power();
    const agent = agentOnServer('busy');
    const watcher = createPresenceWatcher({ power: p.port, ...agent, settings: () => settings });
    p.fire('lock-screen');
    await flush();
    expect(agent.currentStatus()).toBe('away');
    p.fire('unlock-screen');
    await flush();
    expect(agent.currentStatus()).toBe('busy');
    agent.setByHand('online');
    p.fire('suspend');
    await flush();
    p.fire('resume');
    await flush();
    expect(agent.calls).toEqual(['away', 'busy', 'away', 'online']);
    watcher.stop();
    expect(p.listeners()).toBe(0);
  });

  it('an agent already away, a manual change while locked, and restore switched off are respected', async () => {
    const p = power();
    const agent = agentOnServer('away');
    createPresenceWatcher({ power: p.port, ...agent, settings: () => settings });
    p.fire('lock-screen');
    p.fire('unlock-screen');
    await flush();
    expect(agent.calls).toEqual([]);
    agent.setByHand('online');
    p.fire('lock-screen');
    await flush();
    agent.setByHand('busy');
    p.fire('unlock-screen');
    await flush();
    expect(agent.calls).toEqual(['away']);
    expect(agent.currentStatus()).toBe('busy');

    const q = power();
    const other = agentOnServer('online');
    createPresenceWatcher({ power: q.port, ...other, settings: () => ({ ...settings, restorePreviousStatus: false }) });
    q.fire('lock-screen');
    await flush();
    q.fire('unlock-screen');
    await flush();
    expect(other.calls).toEqual(['away']);
  });

  it('long idle → away, input again → back; off when awayOnLock is off or idle is 0; a refused change is not remembered', async () => {
    const p = power();
    const agent = agentOnServer('online');
    const watcher = createPresenceWatcher({ power: p.port, ...agent, settings: () => settings });
    p.setIdle(599);
    await watcher.checkIdle();
    expect(agent.calls).toEqual([]);
    p.setIdle(600);
    await watcher.checkIdle();
    await watcher.checkIdle();
    expect(agent.calls).toEqual(['away']);
    p.setIdle(2);
    await watcher.checkIdle();
    expect(agent.calls).toEqual(['away', 'online']);

    const off = power();
    const agent2 = agentOnServer('online');
    const watcher2 = createPresenceWatcher({ power: off.port, ...agent2, settings: () => ({ ...settings, awayOnLock: false, idleAwayMinutes: 0 }) });
    off.setIdle(100_000);
    off.fire('lock-screen');
    await watcher2.checkIdle();
    expect(agent2.calls).toEqual([]);

    const failing = power();
    const agent3 = agentOnServer('online');
    agent3.refuse(true);
    createPresenceWatcher({ power: failing.port, ...agent3, settings: () => settings });
    failing.fire('lock-screen');
    await flush();
    agent3.refuse(false);
    failing.fire('unlock-screen');
    await flush();
    expect(agent3.calls).toEqual(['away']);
    expect(agent3.currentStatus()).toBe('online');
  });
});
