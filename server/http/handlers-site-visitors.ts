/** Route name → domain call for 访客监控 / 主动邀请 (shared/protocol/rest-site-visitors.ts). */
import { SITE_VISITOR_LIMITS, type siteVisitorRoutes } from '../../shared/protocol/rest-site-visitors.js';
import type { DomainContext } from '../domain/context.js';
import { refuseIfBlocked } from '../domain/blacklist/enforcement.js';
import { refuseIncompleteRegistration } from '../domain/widget-settings/prechat.js';
import { acceptInvitation, declineInvitation, inviteSiteVisitor } from '../domain/site-visitors/invitations.js';
import { siteVisitorsLive } from '../domain/site-visitors/live.js';
import { createInvitationRule, deleteInvitationRule, listInvitationRules, updateInvitationRule } from '../domain/site-visitors/rules.js';
import { invitationStats } from '../domain/site-visitors/stats.js';
import { listSiteVisitors } from '../domain/site-visitors/visit.js';
import type { Handlers } from './register-routes.js';

export function createSiteVisitorHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof siteVisitorRoutes> {
  return {
    listSiteVisitors: ({ query }) => listSiteVisitors(ctx, siteVisitorsLive(ctx).onSiteVisitorIds(), query.limit ?? SITE_VISITOR_LIMITS.snapshotMax),
    inviteSiteVisitor: ({ principal, params, body }) => inviteSiteVisitor(ctx, principal.agent, params.visitorId, body),
    acceptInvitation: ({ principal, params, request }) => {
      // As for a chat the visitor starts (visitorStart): a listed visitor hears BLOCKED, 访客注册 first.
      refuseIfBlocked(ctx, principal, request.ip);
      refuseIncompleteRegistration(ctx, principal);
      return acceptInvitation(ctx, principal, params.id, request.ip);
    },
    declineInvitation: ({ principal, params }) => declineInvitation(ctx, principal, params.id),
    listInvitationRules: () => listInvitationRules(ctx),
    createInvitationRule: ({ principal, body }) => createInvitationRule(ctx, principal.agent, body),
    updateInvitationRule: ({ principal, params, body }) => updateInvitationRule(ctx, principal.agent, params.id, body),
    deleteInvitationRule: ({ principal, params }) => deleteInvitationRule(ctx, principal.agent, params.id),
    invitationStats: ({ principal, query }) => invitationStats(ctx, principal.agent, query),
  };
}
