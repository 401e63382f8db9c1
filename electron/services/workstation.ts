/**
 * createWorkstation: the services behind the IPC contract, the same in both shells. Exposes a
 * handler for every invoke channel, a typed `call` for the main process, and the events of every
 * event channel. Closing goes through one gate: new work is refused, work in flight finishes,
 * the services are disposed, and only then does the cache close.
 */
import type { Result } from '../../shared/errors.js';
import type { EventChannel, EventPayload, InvokeChannel, InvokeRequest, InvokeResponse } from '../../shared/ipc/contract.js';
import { createDispatcher } from './ipc/dispatcher.js';
import { createHandlers, type InvokeHandlers } from './workstation-handlers.js';
import { createWorkstationCore, type WorkstationOptions } from './workstation-core.js';
import { createWorkstationServices } from './workstation-services.js';
import { unsentMessages } from './server-address/cache-binding.js';
import type { Activity } from './updates/update-policy.js';
import type { ClosingGate } from './base/closing-gate.js';

export type { WorkstationOptions } from './workstation-core.js';

export interface Workstation {
  handlers: InvokeHandlers;
  /** The same road as a page's call (validation, the closing gate), typed, for the main process. */
  call<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<Result<InvokeResponse<C>>>;
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
  onAny(listener: (channel: EventChannel, payload: unknown) => void): () => void;
  /** Resolves once the stored session is resumed (or auto-login tried). */
  ready: Promise<void>;
  /** Resolves when the outbox has nothing more it can send right now (tests, shutdown). */
  outboxIdle(): Promise<void>;
  /**
   * Refuses new calls, lets those in flight finish, stops syncing and closes the cache. Unsent
   * messages stay in the outbox for the next start. The same promise however often it is called.
   */
  close(): Promise<void>;
  /** The gate a transport's dispatcher goes through. */
  gate: Pick<ClosingGate, 'run' | 'closing'>;
  /** The server in use (服务器地址): REST, realtime, the page's CSP, the update feed. */
  serverUrl(): string;
  /** What an update install waits for: a call in progress, messages not yet sent. */
  activity(): Activity;
  /** Internal log, for the shells' own messages. */
  log(message: string, detail?: unknown): void;
}

export function createWorkstation(options: WorkstationOptions): Workstation {
  const core = createWorkstationCore(options);
  const services = createWorkstationServices(core, options.desktop);
  const handlers = createHandlers(services);
  const dispatch = createDispatcher({ handlers, log: core.log, gate: core.gate });
  let closed: Promise<void> | null = null;

  async function shutDown() {
    // Refuse new work and stop what would start more (sockets, subscriptions, timers) at once;
    // then let the work in flight finish before the cache closes under it.
    const drained = core.gate.close();
    services.dispose();
    core.halt();
    await drained;
    await core.stop();
    core.db.close();
  }

  return {
    handlers,
    call: (channel, request) => dispatch(channel, request) as Promise<Result<InvokeResponse<typeof channel>>>,
    on: (channel, listener) => core.events.on(channel, listener),
    onAny: (listener) => core.events.onAny(listener),
    ready: core.ready,
    outboxIdle: () => core.outbox.idle(),
    close: () => (closed ??= shutDown()),
    gate: core.gate,
    serverUrl: () => core.address.url(),
    activity: () =>
      core.gate.closing
        ? { callActive: false, unsentMessages: 0 }
        : { callActive: core.softphone.state().calls.some((call) => call.state !== 'ended'), unsentMessages: unsentMessages(core.db) },
    log: core.log,
  };
}
