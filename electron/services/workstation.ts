/**
 * createWorkstation: the services behind the IPC contract, the same in both shells. Exposes a
 * handler for every invoke channel and the events of every event channel.
 */
import type { EventChannel, EventPayload } from '../../shared/ipc/contract.js';
import { createHandlers, type InvokeHandlers } from './workstation-handlers.js';
import { createWorkstationCore, type WorkstationOptions } from './workstation-core.js';

export type { WorkstationOptions } from './workstation-core.js';

export interface Workstation {
  handlers: InvokeHandlers;
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
  onAny(listener: (channel: EventChannel, payload: unknown) => void): () => void;
  /** Resolves once the stored session is resumed (or auto-login tried). */
  ready: Promise<void>;
  /** Resolves when the outbox has nothing more it can send right now (tests, shutdown). */
  outboxIdle(): Promise<void>;
  /** Stop syncing and close the cache. Unsent messages stay in the outbox for the next start. */
  close(): void;
  /** Internal log, for the shells' own messages. */
  log(message: string, detail?: unknown): void;
}

export function createWorkstation(options: WorkstationOptions): Workstation {
  const core = createWorkstationCore(options);
  let closed = false;
  return {
    handlers: createHandlers(core),
    on: (channel, listener) => core.events.on(channel, listener),
    onAny: (listener) => core.events.onAny(listener),
    ready: core.ready,
    outboxIdle: () => core.outbox.idle(),
    close() {
      if (closed) return;
      closed = true;
      core.close();
    },
    log: core.log,
  };
}
