/**
 * The reports' entry points (shared/protocol/rest-reports.ts): resolve the query (days, compare,
 * a leader's scope), bring the rollups up to date, compute the report.
 */
import type { DrillPage, DrillQuery, ReportName, ReportQuery } from '../../../shared/protocol/rest-reports.js';
import { REPORT_LIMITS } from '../../../shared/protocol/rest-reports.js';
import type { ConsoleActor } from '../admin/console-scope.js';
import type { DomainContext } from '../context.js';
import { agentsReport } from './agents-report.js';
import { satisfactionReport, topicsReport, volumeReport } from './conversation-reports.js';
import { drill } from './drill.js';
import { callsReport, offlineReport, sourcesReport } from './other-reports.js';
import { frameOf, type ReportFrame } from './range.js';
import { catchUpRollups } from './rollups.js';

const COMPUTE = {
  volume: volumeReport,
  satisfaction: (ctx: DomainContext, frame: ReportFrame) => satisfactionReport(ctx, frame, REPORT_LIMITS.commentsMax),
  offline: offlineReport,
  agents: agentsReport,
  sources: sourcesReport,
  topics: topicsReport,
  calls: callsReport,
} as const;

export type ReportOf<N extends ReportName> = ReturnType<(typeof COMPUTE)[N]>;

export function computeReport<N extends ReportName>(ctx: DomainContext, actor: ConsoleActor, name: N, query: ReportQuery): ReportOf<N> {
  const frame = frameOf(ctx, actor, query);
  catchUpRollups(ctx);
  return (COMPUTE[name] as (ctx: DomainContext, frame: ReportFrame) => ReportOf<N>)(ctx, frame);
}

export function drillReport(ctx: DomainContext, actor: ConsoleActor, query: DrillQuery): DrillPage {
  const frame = frameOf(ctx, actor, query);
  return drill(ctx, frame, query);
}
