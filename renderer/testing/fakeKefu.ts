import type { EventChannel, EventPayload, InvokeChannel, InvokeRequest, InvokeResponse, KefuApi } from '../../shared/ipc/contract.js';
import { fail, ok, type Result } from '../../shared/errors.js';

type Handler<C extends InvokeChannel> = (request: InvokeRequest<C>) => Result<InvokeResponse<C>>;
export type Handlers = { [C in InvokeChannel]?: Handler<C> };

/**
 * A KefuApi double for component tests: records every invocation, answers from the handlers given
 * (NOT_FOUND for the rest, like a missing handler would) and lets the test push events.
 */
export class FakeKefu implements KefuApi {
  readonly calls: { channel: InvokeChannel; request: unknown }[] = [];
  private readonly listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();

  constructor(private readonly handlers: Handlers = {}) {}

  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<Result<InvokeResponse<C>>> {
    this.calls.push({ channel, request });
    const handler = this.handlers[channel] as Handler<C> | undefined;
    return Promise.resolve(handler ? handler(request) : fail('NOT_FOUND', `no handler for ${channel}`));
  }

  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    this.listeners.set(channel, set);
    return () => set.delete(listener as (payload: unknown) => void);
  }

  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
    this.listeners.get(channel)?.forEach((listener) => listener(payload));
  }

  callsTo(channel: InvokeChannel): unknown[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.request);
  }
}

export { ok };
