/** The events the services push to the renderer (eventChannels of the contract), typed. */
import { EventEmitter } from 'node:events';
import type { EventChannel, EventPayload } from '../../shared/ipc/contract.js';

export interface WorkstationEvents {
  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void;
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
  /** Every event, for transports that forward them all (browser shell, Electron main). */
  onAny(listener: (channel: EventChannel, payload: unknown) => void): () => void;
}

export function createWorkstationEvents(): WorkstationEvents {
  const emitter = new EventEmitter();
  // Many pages/windows may listen; the default limit of 10 would only produce noise.
  emitter.setMaxListeners(0);
  const ANY = Symbol('any');
  return {
    emit(channel, payload) {
      emitter.emit(channel, payload);
      emitter.emit(ANY, channel, payload);
    },
    on(channel, listener) {
      emitter.on(channel, listener);
      return () => emitter.off(channel, listener);
    },
    onAny(listener) {
      emitter.on(ANY, listener);
      return () => emitter.off(ANY, listener);
    },
  };
}
