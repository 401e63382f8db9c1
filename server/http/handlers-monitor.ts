/** Route name → domain call for 实时监控 (shared/protocol/rest-monitor.ts). */
import type { monitorRoutes } from '../../shared/protocol/rest-monitor.js';
import type { DomainContext } from '../domain/context.js';
import { agentTimeline } from '../domain/monitoring/timeline.js';
import { wallboardsFor } from '../domain/monitoring/wallboard.js';
import type { Handlers } from './register-routes.js';

export function createMonitorHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof monitorRoutes> {
  return {
    agentTimeline: ({ principal, params, query }) => agentTimeline(ctx, principal.agent, params.id, query.date),
    wallboard: ({ principal }) => wallboardsFor(ctx, principal.agent),
  };
}
