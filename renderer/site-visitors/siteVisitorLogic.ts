/** What 访客监控 derives from a SiteVisitor: its status, the filter and search, the order. Pure. */
import type { SiteVisitor } from '../../shared/protocol/rest-site-visitors.js';

export type SiteVisitorStatus = 'browsing' | 'chatting' | 'invited';
export type SiteVisitorFilter = 'all' | 'browsing' | 'chatting';

/** 对话中 wins over 已邀请: an accepted invitation leaves the visitor chatting. */
export function statusOf(visitor: SiteVisitor): SiteVisitorStatus {
  if (visitor.conversationId !== null) return 'chatting';
  if (visitor.pendingInvitationId !== null) return 'invited';
  return 'browsing';
}

/** 浏览中 counts invited visitors too: they are still browsing until they answer. */
function passesFilter(visitor: SiteVisitor, filter: SiteVisitorFilter): boolean {
  if (filter === 'all') return true;
  return (statusOf(visitor) === 'chatting') === (filter === 'chatting');
}

function matchesQuery(visitor: SiteVisitor, needle: string): boolean {
  return [visitor.nickname, visitor.currentTitle, visitor.currentUrl, visitor.source, visitor.keyword, visitor.region].some((field) =>
    field.toLowerCase().includes(needle),
  );
}

/** The rows to show, the newest visit first (a visitor who just arrived is the one to greet). */
export function visibleSiteVisitors(visitors: Iterable<SiteVisitor>, filter: SiteVisitorFilter, query: string): SiteVisitor[] {
  const needle = query.trim().toLowerCase();
  const rows: SiteVisitor[] = [];
  for (const visitor of visitors) {
    if (passesFilter(visitor, filter) && (needle === '' || matchesQuery(visitor, needle))) rows.push(visitor);
  }
  return rows.sort((a, b) => b.visitStartedAt - a.visitStartedAt || a.visitorId.localeCompare(b.visitorId));
}

/** The referrer's host for the 来源 column ('' when typed in or hidden). */
export function sourceHost(source: string): string {
  if (source === '') return '';
  try {
    return new URL(source).host;
  } catch {
    return source;
  }
}
