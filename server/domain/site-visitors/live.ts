/**
 * What the 访客监控 domain needs from the realtime layer, behind a port (as customers/notify.ts
 * does): who is on the site right now (open browse sockets on any node), and where the changes go
 * — an invitation frame to the visitor's pages and the inviting agent, a delta to the watchers.
 * The hub registers the implementation (realtime/site-visitors-*.ts); without one (tools, tests of
 * the domain alone) nobody is on the site and nothing is told.
 */
import type { Invitation } from '../../../shared/protocol/rest-site-visitors.js';
import type { DomainContext } from '../context.js';

export interface SiteVisitorsLive {
  isOnSite(visitorId: string): boolean;
  /** Everyone on the site across the nodes, in the order they arrived (oldest first). */
  onSiteVisitorIds(): string[];
  /** An invitation was sent, answered or lapsed. */
  invitationChanged(invitation: Invitation): void;
  /** Something 访客监控 shows about this visitor changed (chat, invitation). */
  visitorChanged(visitorId: string): void;
}

const NOBODY: SiteVisitorsLive = {
  isOnSite: () => false,
  onSiteVisitorIds: () => [],
  invitationChanged: () => undefined,
  visitorChanged: () => undefined,
};

const lives = new WeakMap<DomainContext, SiteVisitorsLive>();

export function setSiteVisitorsLive(ctx: DomainContext, live: SiteVisitorsLive): void {
  lives.set(ctx, live);
}

export function siteVisitorsLive(ctx: DomainContext): SiteVisitorsLive {
  return lives.get(ctx) ?? NOBODY;
}
