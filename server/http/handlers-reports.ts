/** Route name → domain call for 报表 (shared/protocol/rest-reports.ts). */
import type { reportRoutes } from '../../shared/protocol/rest-reports.js';
import type { DomainContext } from '../domain/context.js';
import { contentDisposition } from '../domain/files/file-name.js';
import { EXPORT_MIME } from '../domain/records-export.js';
import { sheetsCsv, sheetsOf, sheetsXlsx } from '../domain/reports/export.js';
import { computeReport, drillReport } from '../domain/reports/reports.js';
import type { Handlers } from './register-routes.js';

const FILE_NAMES = {
  volume: '对话量',
  satisfaction: '满意度',
  offline: '留言',
  agents: '人员考核',
  sources: '来源',
  topics: '对话主题',
  calls: '通话',
} as const;

export function createReportHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof reportRoutes> {
  return {
    volumeReport: ({ principal, query }) => computeReport(ctx, principal.agent, 'volume', query),
    satisfactionReport: ({ principal, query }) => computeReport(ctx, principal.agent, 'satisfaction', query),
    offlineReport: ({ principal, query }) => computeReport(ctx, principal.agent, 'offline', query),
    agentsReport: ({ principal, query }) => computeReport(ctx, principal.agent, 'agents', query),
    sourcesReport: ({ principal, query }) => computeReport(ctx, principal.agent, 'sources', query),
    topicsReport: ({ principal, query }) => computeReport(ctx, principal.agent, 'topics', query),
    callsReport: ({ principal, query }) => computeReport(ctx, principal.agent, 'calls', query),
    drillReport: ({ principal, query }) => drillReport(ctx, principal.agent, query),
    exportReport: async ({ principal, params, query, reply }) => {
      const { format, ...reportQuery } = query;
      const report = computeReport(ctx, principal.agent, params.report, reportQuery);
      const sheets = sheetsOf(params.report, report as unknown as Record<string, unknown>);
      const bytes = format === 'csv' ? sheetsCsv(sheets) : await sheetsXlsx(sheets);
      reply.header('Content-Type', EXPORT_MIME[format]);
      reply.header('Content-Disposition', contentDisposition('attachment', `报表-${FILE_NAMES[params.report]}-${query.from}_${query.to}.${format}`));
      reply.header('X-Content-Type-Options', 'nosniff');
      return reply.send(bytes);
    },
  };
}
