/**
 * 访客监控's row of one visitor, from stored facts only: their page views (轨迹), profile, open
 * conversation and pending invitation. Nothing here is kept in memory, so every node computes the
 * same row and a restart changes nothing.
 */
import { LIMITS } from '../../../shared/limits.js';
import type { SiteVisitor } from '../../../shared/protocol/rest-site-visitors.js';
import type { PageViewRow } from '../../store/customer-types.js';
import type { DomainContext } from '../context.js';
import { searchSource } from '../customers/traffic.js';

/** A gap this long between page views starts a new visit (the usual web-analytics session). */
export const VISIT_GAP_MS = 30 * 60_000;

/** The page views of each visit, newest visit first; views are newest first as the store gives them. */
export function splitVisits(viewsNewestFirst: readonly PageViewRow[]): PageViewRow[][] {
  const visits: PageViewRow[][] = [];
  let current: PageViewRow[] = [];
  for (const view of viewsNewestFirst) {
    const later = current[current.length - 1];
    // The later view began within the gap after this one ended (or began, while still open).
    if (later && later.enteredAt - (view.leftAt ?? view.enteredAt) >= VISIT_GAP_MS) {
      visits.push(current);
      current = [];
    }
    current.push(view);
  }
  if (current.length > 0) visits.push(current);
  return visits;
}

/** The row of a visitor with at least one page view; null when they never reported one. */
export function siteVisitorOf(ctx: DomainContext, visitorId: string): SiteVisitor | null {
  const visitor = ctx.store.visitors.byId(visitorId);
  if (!visitor) return null;
  const views = ctx.store.pageViews.forVisitor(visitorId, LIMITS.pageViewsKeptMax);
  const visits = splitVisits(views);
  const visit = visits[0];
  if (!visit) return null;
  const current = visit[0]!;
  const first = visit[visit.length - 1]!;
  const { searchEngine, searchKeyword } = searchSource(first.referrer);
  const open = ctx.store.conversations.openForVisitor(visitorId);
  const pending = ctx.store.invitations.pendingForVisitor(visitorId, ctx.clock());
  return {
    visitorId,
    nickname: visitor.name,
    currentUrl: current.url,
    currentTitle: current.title,
    visitStartedAt: first.enteredAt,
    pagesViewed: visit.length,
    source: first.referrer,
    searchEngine,
    keyword: searchKeyword,
    region: ctx.store.visitorProfiles.byVisitor(visitorId)?.region ?? '',
    visitCount: visits.length,
    groupId: visitor.prefGroupId,
    conversationId: open?.id ?? null,
    agentId: open?.agentId ?? null,
    pendingInvitationId: pending?.id ?? null,
  };
}

/** 访客监控's list: everyone on the site now (all staff see all), at most `limit`. */
export function listSiteVisitors(ctx: DomainContext, onSiteIds: readonly string[], limit: number): SiteVisitor[] {
  const rows: SiteVisitor[] = [];
  for (const id of onSiteIds) {
    if (rows.length >= limit) break;
    const row = siteVisitorOf(ctx, id);
    if (row) rows.push(row);
  }
  return rows;
}
