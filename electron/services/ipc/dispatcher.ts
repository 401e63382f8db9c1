/**
 * The ONE place a contract call enters the services, for both shells: refuses unknown channels,
 * validates the payload with the channel's schema, runs the handler, and turns a thrown error
 * into INTERNAL. With the workstation's closing gate, a call after close has started is refused
 * (SHUTTING_DOWN) and one in flight is awaited before the cache closes. Always answers a Result;
 * never throws.
 */
import type { z } from 'zod';
import { fail, type Result } from '../../../shared/errors.js';
import { invokeChannels, isInvokeChannel, type InvokeChannel } from '../../../shared/ipc/contract.js';
import type { ClosingGate } from '../base/closing-gate.js';
import type { InvokeHandlers } from '../workstation-handlers.js';

export type Dispatch = (channel: string, raw: unknown) => Promise<Result<unknown>>;

export interface DispatchTarget {
  handlers: InvokeHandlers;
  log(message: string, detail?: unknown): void;
  gate?: Pick<ClosingGate, 'run'>;
}

export function validationDetails(error: z.ZodError): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(request)';
    details[path] ??= issue.message;
  }
  return details;
}

export function createDispatcher(workstation: DispatchTarget): Dispatch {
  return async (channel, raw) => {
    if (typeof channel !== 'string' || !isInvokeChannel(channel)) {
      return fail('VALIDATION_FAILED', `unknown channel: ${String(channel).slice(0, 100)}`, { channel: 'not in the contract' });
    }
    const parsed = invokeChannels[channel].request.safeParse(raw);
    if (!parsed.success) {
      return fail('VALIDATION_FAILED', `invalid request for ${channel}`, validationDetails(parsed.error));
    }
    // One lookup for every channel: the map's entries differ only in their request type.
    const handler = workstation.handlers[channel] as (request: unknown) => Promise<Result<unknown>>;
    const run = async (): Promise<Result<unknown>> => {
      try {
        return await handler(parsed.data);
      } catch (error) {
        workstation.log(`handler ${channel satisfies InvokeChannel} failed`, error instanceof Error ? error.stack : error);
        return fail('INTERNAL', `${channel} failed unexpectedly; see the workstation log`);
      }
    };
    return workstation.gate ? workstation.gate.run(run) : run();
  };
}
