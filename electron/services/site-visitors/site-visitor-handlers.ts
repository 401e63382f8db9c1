/** The 访客监控 / 主动邀请 channels of the contract (shared/ipc/site-visitors.ts), each to its service method. */
import type { siteVisitorInvokeChannels } from '../../../shared/ipc/site-visitors.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { SiteVisitorService } from './site-visitor-service.js';

export function createSiteVisitorHandlers(siteVisitors: SiteVisitorService): Pick<InvokeHandlers, keyof typeof siteVisitorInvokeChannels> {
  return {
    'site-visitors:watch': () => siteVisitors.watch(),
    'site-visitors:unwatch': () => siteVisitors.unwatch(),
    'site-visitors:invite': (request) => siteVisitors.invite(request),
  };
}
