/** Route name → domain call for conversation records (shared/protocol/rest-records.ts). */
import type { recordRoutes } from '../../shared/protocol/rest-records.js';
import type { DomainContext } from '../domain/context.js';
import { queryRecords, recordsForExport } from '../domain/records.js';
import { EXPORT_MIME, recordsCsv, recordsXlsx } from '../domain/records-export.js';
import { contentDisposition } from '../domain/files/file-name.js';
import type { Handlers } from './register-routes.js';

export function createRecordHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof recordRoutes> {
  return {
    queryRecords: ({ principal, query }) => queryRecords(ctx, principal, query),
    exportRecords: async ({ principal, query, reply }) => {
      const { total, items } = recordsForExport(ctx, principal, query);
      const bytes = query.format === 'csv' ? recordsCsv(items) : await recordsXlsx(items);
      const name = `对话记录-${new Date(ctx.clock()).toISOString().slice(0, 10)}.${query.format}`;
      reply.header('Content-Type', EXPORT_MIME[query.format]);
      reply.header('Content-Disposition', contentDisposition('attachment', name));
      reply.header('X-Content-Type-Options', 'nosniff');
      // The client can tell the file was cut at the cap.
      reply.header('X-Total-Count', String(total));
      return reply.send(bytes);
    },
  };
}
