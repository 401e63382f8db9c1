/** 历史记录: straight to the server, never cached (history changes server-side). */
import { ok } from '../../../shared/errors.js';
import type { Message } from '../../../shared/domain.js';
import { LIMITS } from '../../../shared/limits.js';
import { routes } from '../../../shared/protocol/rest.js';
import type { RestClient } from '../api/rest-client.js';
import type { Reply, Request } from '../ipc/invoke-types.js';
import type { Remote } from '../workstation-core.js';

/** A transcript longer than this many pages is cut, so one click cannot loop forever. */
const TRANSCRIPT_PAGES_MAX = 20;

/** Query-string form of validated filters; undefined ones are left out. */
export function recordSearchParams(filters: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) params.set(key, String(value));
  return params;
}

export interface RecordService {
  query(request: Request<'records:query'>): Reply<'records:query'>;
  export(request: Request<'records:export'>): Reply<'records:export'>;
  transcript(request: Request<'records:transcript'>): Reply<'records:transcript'>;
}

export function createRecordService({ rest, remote }: { rest: Pick<RestClient, 'call' | 'download'>; remote: Remote }): RecordService {
  return {
    query: async (query) => remote(await rest.call('queryRecords', { query })),
    async export(query) {
      const result = remote(await rest.download(`${routes.exportRecords.path}?${recordSearchParams(query)}`));
      if (!result.ok) return result;
      const name = result.value.name || `records.${query.format}`;
      return ok({ name, mime: result.value.mime, dataBase64: result.value.bytes.toString('base64') });
    },
    async transcript({ conversationId }) {
      const messages: Message[] = [];
      const limit = LIMITS.messagePageMax;
      for (let page = 0; page < TRANSCRIPT_PAGES_MAX; page++) {
        const afterSeq = messages.at(-1)?.seq ?? 0;
        const result = remote(await rest.call('listMessages', { params: { id: conversationId }, query: { afterSeq, limit } }));
        if (!result.ok) return result;
        messages.push(...result.value);
        if (result.value.length < limit) break;
      }
      return ok(messages);
    },
  };
}
