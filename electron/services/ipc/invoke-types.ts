/** The request a service method receives (already validated by the dispatcher) and what it answers. */
import type { z } from 'zod';
import type { Result } from '../../../shared/errors.js';
import type { InvokeChannel, InvokeResponse, invokeChannels } from '../../../shared/ipc/contract.js';

/** The parsed request of a channel: what the schema outputs (defaults filled in), not what the page sent. */
export type Request<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['request']>;
export type Reply<C extends InvokeChannel> = Promise<Result<InvokeResponse<C>>>;
