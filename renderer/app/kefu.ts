import type { InvokeChannel, InvokeRequest, InvokeResponse, KefuApi } from '../../shared/ipc/contract.js';
import type { Result } from '../../shared/errors.js';
import { getKefu } from '../platform/kefu.js';

/**
 * The renderer's only way out: the IPC contract (window.kefu in both shells). Unit tests hand in
 * a recording double here instead of the real bridge — the one edge we double (the real path is
 * covered end to end).
 */
let provided: KefuApi | null = null;

export function provideKefu(api: KefuApi | null): void {
  provided = api;
}

export function kefu(): KefuApi {
  return provided ?? getKefu();
}

export function invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<Result<InvokeResponse<C>>> {
  // A bridge that throws (transport gone) becomes a Result like every other failure.
  return kefu()
    .invoke(channel, request)
    .catch((error: unknown) => ({
      ok: false as const,
      error: { code: 'NETWORK' as const, message: error instanceof Error ? error.message : String(error) },
    }));
}
