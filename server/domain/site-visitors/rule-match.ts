/**
 * Whether an automatic invitation rule (自动邀请) applies to a visitor's page and visit. Pure:
 * the facts come from the stored page views (auto-invite.ts), the clock and the caps are checked
 * there.
 */
import type { RuleSource } from '../../../shared/protocol/rest-site-visitors.js';
import type { InvitationRuleRow } from '../../store/site-visitor-types.js';
import { campaignOf, searchSource } from '../customers/traffic.js';

export interface VisitFacts {
  /** The page the visitor is on. */
  url: string;
  /** The referrer of the visit's first page (where this visit came from). */
  referrer: string;
  /** The visit's first page (its utm_* parameters are the campaign). */
  landingUrl: string;
  /** Visits so far including this one. */
  visitCount: number;
}

/** `*` matches any run of characters; otherwise the text must occur in the value (case ignored). '' matches anything. */
export function patternMatches(pattern: string, value: string): boolean {
  if (pattern === '') return true;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(source, 'i').test(value);
}

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
};

/** Where the visit came from, as a rule's source names it; 'any' never comes out. */
export function sourceOf(facts: VisitFacts): Exclude<RuleSource, 'any'> {
  if (campaignOf(facts.landingUrl).source) return 'campaign';
  if (!facts.referrer) return 'direct';
  if (searchSource(facts.referrer).searchEngine) return 'search';
  // A referrer on the site's own host is a page of the same site: the visit was typed in.
  return hostOf(facts.referrer) === hostOf(facts.landingUrl) ? 'direct' : 'referral';
}

/** What a rule's source pattern is matched against, per source. */
function sourceText(source: Exclude<RuleSource, 'any'>, facts: VisitFacts): string[] {
  if (source === 'campaign') return [campaignOf(facts.landingUrl).source];
  if (source === 'search') return [facts.referrer, searchSource(facts.referrer).searchKeyword];
  if (source === 'referral') return [facts.referrer];
  return [];
}

export function ruleMatches(
  rule: Pick<InvitationRuleRow, 'enabled' | 'urlPattern' | 'source' | 'sourcePattern' | 'returningOnly'>,
  facts: VisitFacts,
): boolean {
  if (!rule.enabled) return false;
  if (!patternMatches(rule.urlPattern, facts.url)) return false;
  if (rule.returningOnly && facts.visitCount < 2) return false;
  if (rule.source === 'any') return true;
  const source = sourceOf(facts);
  if (source !== rule.source) return false;
  return rule.sourcePattern === '' || sourceText(source, facts).some((text) => patternMatches(rule.sourcePattern, text));
}
