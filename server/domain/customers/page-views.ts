/**
 * 轨迹: page views the widget reports for its own visitor. The request's User-Agent and IP (which
 * app.ts takes from X-Forwarded-For only behind a trusted proxy) fill browser, OS and region.
 */
import { LIMITS } from '../../../shared/limits.js';
import { uuidv7 } from '../../../shared/ids.js';
import type { PageView, PageViewReport } from '../../../shared/customers.js';
import type { PageViewRow, VisitorProfileRow } from '../../store/customer-types.js';
import type { DomainContext, Principal } from '../context.js';
import { requireVisitor } from '../access.js';
import { refuse } from '../errors.js';
import { customerChanged } from './notify.js';
import { emptyProfile, toPageView } from './profile.js';
import { regionOf } from './region.js';
import { campaignOf, searchSource } from './traffic.js';
import { parseUserAgent } from './user-agent.js';

/** Stored User-Agent length: enough to re-parse later, bounded against junk headers. */
const USER_AGENT_MAX = 512;

export interface RequestOrigin {
  ip: string;
  userAgent: string;
}

function withVisit(current: VisitorProfileRow, report: PageViewReport, origin: RequestOrigin, now: number): VisitorProfileRow {
  const userAgent = origin.userAgent.slice(0, USER_AGENT_MAX);
  const { browser, os } = parseUserAgent(userAgent);
  const region = regionOf(origin.ip);
  const next: VisitorProfileRow = { ...current, userAgent, browser, os, region: region || current.region, updatedAt: now };
  // The traffic source is where the visit began: set once, by the first page view.
  if (!current.landingPage) {
    Object.assign(next, { landingPage: report.url, firstReferrer: report.referrer, ...searchSource(report.referrer), campaign: campaignOf(report.url) });
  }
  return next;
}

export function reportPageView(ctx: DomainContext, principal: Principal, report: PageViewReport, origin: RequestOrigin): PageView {
  const { visitor } = requireVisitor(principal);
  const row = ctx.store.transaction(() => {
    const now = ctx.clock();
    const view: PageViewRow = {
      id: uuidv7(now),
      visitorId: visitor.id,
      url: report.url,
      title: report.title,
      referrer: report.referrer,
      enteredAt: now,
      leftAt: null,
    };
    ctx.store.pageViews.insert(view);
    ctx.store.pageViews.trim(visitor.id, LIMITS.pageViewsKeptMax);
    const current = ctx.store.visitorProfiles.byVisitor(visitor.id) ?? emptyProfile(visitor.id, now);
    ctx.store.visitorProfiles.put(withVisit(current, report, origin, now));
    return view;
  });
  customerChanged(ctx, visitor.id);
  return toPageView(row);
}

/** The page was hidden or left: the latest call wins (hidden, shown again, then left). */
export function leavePageView(ctx: DomainContext, principal: Principal, pageViewId: string): PageView {
  const { visitor } = requireVisitor(principal);
  const row = ctx.store.transaction(() => {
    const view = ctx.store.pageViews.byId(pageViewId);
    // Another visitor's id answers the same as a missing one: ids leak nothing.
    if (!view || view.visitorId !== visitor.id) return refuse('NOT_FOUND', 'No such page view');
    const leftAt = Math.max(view.enteredAt, ctx.clock());
    ctx.store.pageViews.setLeftAt(view.id, leftAt);
    return { ...view, leftAt };
  });
  customerChanged(ctx, visitor.id);
  return toPageView(row);
}
