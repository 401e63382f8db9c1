/**
 * createWorkstation: the services behind the IPC contract, the same in both shells. Exposes a
 * handler for every invoke channel and the events of every event channel.
 */
import type { EventChannel, EventPayload } from '../../shared/ipc/contract.js';
import { createHandlers, type InvokeHandlers } from './workstation-handlers.js';
import { createWorkstationCore, type WorkstationOptions } from './workstation-core.js';
import { unsentMessages } from './server-address/cache-binding.js';
import type { Activity } from './updates/update-policy.js';

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
  /** The server in use (服务器地址): REST, realtime, the page's CSP, the update feed. */
  serverUrl(): string;
  /** What an update install waits for: a call in progress, messages not yet sent. */
  activity(): Activity;
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
    serverUrl: () => core.address.url(),
    activity: () =>
      closed
        ? { callActive: false, unsentMessages: 0 }
        : { callActive: core.softphone.state().calls.some((call) => call.state !== 'ended'), unsentMessages: unsentMessages(core.db) },
    log: core.log,
  };
}
