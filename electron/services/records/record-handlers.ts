/** The records channels of the IPC contract: straight to the server, never cached (history changes server-side). */
import { ok } from '../../../shared/errors.js';
import type { Message } from '../../../shared/domain.js';
import { LIMITS } from '../../../shared/limits.js';
import type { recordInvokeChannels } from '../../../shared/ipc/records.js';
import { routes } from '../../../shared/protocol/rest.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { WorkstationCore } from '../workstation-core.js';

/** A transcript longer than this many pages is cut, so one click cannot loop forever. */
const TRANSCRIPT_PAGES_MAX = 20;

/** Query-string form of validated filters; undefined ones are left out. */
export function recordSearchParams(filters: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) params.set(key, String(value));
  return params;
}

export function createRecordHandlers(core: Pick<WorkstationCore, 'rest' | 'watchAuth'>): Pick<InvokeHandlers, keyof typeof recordInvokeChannels> {
  return {
    'records:query': async (query) => core.watchAuth(await core.rest.call('queryRecords', { query })),
    'records:export': async (query) => {
      const result = core.watchAuth(await core.rest.download(`${routes.exportRecords.path}?${recordSearchParams(query)}`));
      if (!result.ok) return result;
      const name = result.value.name || `records.${query.format}`;
      return ok({ name, mime: result.value.mime, dataBase64: result.value.bytes.toString('base64') });
    },
    'records:transcript': async ({ conversationId }) => {
      const messages: Message[] = [];
      const limit = LIMITS.messagePageMax;
      for (let page = 0; page < TRANSCRIPT_PAGES_MAX; page++) {
        const afterSeq = messages.at(-1)?.seq ?? 0;
        const result = core.watchAuth(await core.rest.call('listMessages', { params: { id: conversationId }, query: { afterSeq, limit } }));
        if (!result.ok) return result;
        messages.push(...result.value);
        if (result.value.length < limit) break;
      }
      return ok(messages);
    },
  };
}
