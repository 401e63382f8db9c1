/**
 * The services' end of the softphone split (docs/ARCHITECTURE.md): a request to the renderer's media side goes
 * out as a `media:request` event and comes back through the `media:respond` invoke. Every request
 * has a timeout, so a renderer that never answers cannot hang a SIP transaction forever.
 */
import type { InvokeRequest } from '../../../shared/ipc/contract.js';
import type { MediaOp } from '../../../shared/ipc/phone.js';

export class MediaBridgeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MediaBridgeError';
  }
}

export interface MediaBridge {
  /** Ask the media side; resolves with its value, rejects with MediaBridgeError. */
  request(op: MediaOp, timeoutMs?: number): Promise<unknown>;
  /** One-way: for ops whose answer nobody waits for (close). */
  notify(op: MediaOp): void;
  respond(response: InvokeRequest<'media:respond'>): void;
  /** Fail every pending request (the media page went away). */
  failAll(reason: string): void;
  pendingCount(): number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export function createMediaBridge(emit: (requestId: number, request: MediaOp) => void, defaultTimeoutMs = 15_000): MediaBridge {
  const pending = new Map<number, Pending>();
  let nextId = 1;

  return {
    request(op, timeoutMs = defaultTimeoutMs) {
      const requestId = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(requestId);
          reject(new MediaBridgeError('TIMEOUT', `the media side did not answer ${op.op} within ${timeoutMs} ms`));
        }, timeoutMs);
        timer.unref();
        pending.set(requestId, { resolve, reject, timer });
        emit(requestId, op);
      });
    },
    notify(op) {
      // An id nobody waits for: the renderer answers it and respond() ignores the answer.
      emit(nextId++, op);
    },
    respond({ requestId, result }) {
      const entry = pending.get(requestId);
      if (!entry) return;
      pending.delete(requestId);
      clearTimeout(entry.timer);
      if (result.ok) entry.resolve(result.value);
      else entry.reject(new MediaBridgeError(result.error.code, result.error.message));
    },
    failAll(reason) {
      for (const [id, entry] of pending) {
        clearTimeout(entry.timer);
        entry.reject(new MediaBridgeError('MEDIA_LOST', reason));
        pending.delete(id);
      }
    },
    pendingCount: () => pending.size,
  };
}
