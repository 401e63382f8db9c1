import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Agent } from '../../shared/domain.js';
import type { SessionSnapshot } from '../../shared/ipc/contract.js';
import type { Workstation } from '../services/workstation.js';
import { trackOwnStatus } from './own-status.js';

const agent = (id: string, status: Agent['status']) => ({ id, account: id, status }) as Agent;
const snapshot = (own: Agent | null) => ({ agent: own }) as SessionSnapshot;

function events() {
  const emitter = new EventEmitter();
  const source: Pick<Workstation, 'on'> = {
    on: ((channel: string, listener: (payload: unknown) => void) => {
      emitter.on(channel, listener);
      return () => emitter.off(channel, listener);
    }) as Workstation['on'],
  };
  return { source, emit: (channel: string, payload: unknown) => emitter.emit(channel, payload) };
}

describe('own status', () => {
  it('follows our agent through session:changed; a colleague’s roster update is not ours', () => {
    const { source, emit } = events();
    const status = trackOwnStatus(source);
    expect(status()).toBeNull();
    emit('session:changed', snapshot(agent('me', 'online')));
    // The services send every agent of the roster as agent:updated (after our own, often).
    emit('agent:updated', agent('me', 'online'));
    emit('agent:updated', agent('colleague', 'away'));
    expect(status()).toBe('online');
    emit('session:changed', snapshot(agent('me', 'busy')));
    expect(status()).toBe('busy');
    emit('session:changed', snapshot(null));
    expect(status()).toBeNull();
  });
});
