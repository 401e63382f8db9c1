/**
 * 自动邀请: the server invites a browsing visitor when a rule applies — on a matching page for the
 * rule's dwell time, from its source, returning if it says so — while they are not chatting, hold
 * no unanswered invitation, are within the rule's caps and somebody of the rule's group could take
 * the chat. The realtime side (browse-rules.ts) schedules one check per rule when a page's browse
 * socket opens and cancels them when it closes; every check here re-reads the facts and the clock
 * (ctx.clock), so a check that comes early sends nothing and the caps hold after a restart (they are
 * counts of invitation rows over the company day, in the company's zone).
 */
import { LIMITS } from '../../../shared/limits.js';
import type { Invitation } from '../../../shared/protocol/rest-site-visitors.js';
import type { PageViewRow } from '../../store/customer-types.js';
import type { InvitationRuleRow } from '../../store/site-visitor-types.js';
import type { DomainContext } from '../context.js';
import { dayBounds, dayOf } from '../monitoring/company-day.js';
import { agentsAvailable } from '../routing.js';
import { readWidgetSettings } from '../widget-settings/settings.js';
import { announceInvitation, invitationBlocker, newInvitationRow, toInvitation } from './invitations.js';
import { ruleMatches, type VisitFacts } from './rule-match.js';
import { splitVisits } from './visit.js';

/** Who a rule's invitation is from, when the widget has no title of its own. */
const DEFAULT_FROM_NAME = '在线客服';

/** The page and its visit, as the rules read them; null when the page view is not this visitor's. */
function pageFacts(ctx: DomainContext, visitorId: string, pageViewId: string): { page: PageViewRow; facts: VisitFacts } | null {
  const page = ctx.store.pageViews.byId(pageViewId);
  if (!page || page.visitorId !== visitorId) return null;
  const visits = splitVisits(ctx.store.pageViews.forVisitor(visitorId, LIMITS.pageViewsKeptMax));
  const visit = visits.find((v) => v.some((view) => view.id === pageViewId)) ?? [page];
  const first = visit[visit.length - 1]!;
  return { page, facts: { url: page.url, referrer: first.referrer, landingUrl: first.url, visitCount: visits.length } };
}

/** The rules that apply to this page, each with the instant its dwell time is reached. */
export function rulesDue(ctx: DomainContext, visitorId: string, pageViewId: string): { ruleId: string; dueAt: number }[] {
  const found = pageFacts(ctx, visitorId, pageViewId);
  if (!found) return [];
  return ctx.store.invitationRules
    .list()
    .filter((rule) => ruleMatches(rule, found.facts))
    .map((rule) => ({ ruleId: rule.id, dueAt: found.page.enteredAt + rule.dwellSeconds * 1000 }));
}

/** Within the rule's caps for the company day of `now`. */
function withinCaps(ctx: DomainContext, rule: InvitationRuleRow, visitorId: string, now: number): boolean {
  const { start, end } = dayBounds(dayOf(now, ctx.settings().timeZone), ctx.settings().timeZone);
  return (
    ctx.store.invitations.countForRule(rule.id, start, end, visitorId) < rule.perVisitorPerDay &&
    ctx.store.invitations.countForRule(rule.id, start, end) < rule.perDay
  );
}

export type RuleCheck = { sent: Invitation } | { notYet: number } | { skipped: string };

/**
 * The check a rule's timer runs: sends the invitation when everything holds now; `notYet` with the
 * instant to check again when the dwell time is not reached by the clock; otherwise why not.
 */
export function checkRule(ctx: DomainContext, visitorId: string, pageViewId: string, ruleId: string): RuleCheck {
  const outcome = ctx.store.transaction((): RuleCheck | { row: ReturnType<typeof newInvitationRow> } => {
    const rule = ctx.store.invitationRules.byId(ruleId);
    const found = pageFacts(ctx, visitorId, pageViewId);
    if (!rule || !found || !ruleMatches(rule, found.facts)) return { skipped: 'rule' };
    const now = ctx.clock();
    const dueAt = found.page.enteredAt + rule.dwellSeconds * 1000;
    if (now < dueAt) return { notYet: dueAt };
    const blocker = invitationBlocker(ctx, visitorId);
    if (blocker) return { skipped: blocker };
    if (!withinCaps(ctx, rule, visitorId, now)) return { skipped: 'cap' };
    if (!agentsAvailable(ctx, rule.groupId, null)) return { skipped: 'no agent' };
    const row = newInvitationRow(ctx, {
      visitorId,
      agentId: null,
      fromName: readWidgetSettings(ctx).title || DEFAULT_FROM_NAME,
      ruleId: rule.id,
      ruleName: rule.name,
      groupId: rule.groupId,
      clientId: null,
      text: rule.text,
    });
    ctx.store.invitations.insert(row);
    return { row };
  });
  if (!('row' in outcome)) return outcome;
  announceInvitation(ctx, outcome.row);
  return { sent: toInvitation(outcome.row, ctx.clock()) };
}
