/**
 * A visitor on the site (访客监控) and an invitation (主动邀请) as the shared schemas shape them, for
 * tests of every layer (widget, workstation services, renderer): each test names only the fields
 * it is about.
 */
import type { Invitation, SiteVisitor } from '../protocol/rest-site-visitors.js';

export function sampleSiteVisitor(visitorId: string, overrides: Partial<SiteVisitor> = {}): SiteVisitor {
  return {
    visitorId,
    nickname: `访客${visitorId}`,
    currentUrl: 'https://shop.example/',
    currentTitle: '首页',
    visitStartedAt: 1_760_000_000_000,
    pagesViewed: 1,
    source: '',
    searchEngine: '',
    keyword: '',
    region: '',
    visitCount: 1,
    groupId: null,
    conversationId: null,
    agentId: null,
    pendingInvitationId: null,
    ...overrides,
  };
}

/** An agent's invitation (主动邀请) still waiting for the visitor's answer. */
export function sampleInvitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: 'inv-1',
    visitorId: 'visitor-1',
    agentId: 'agent-1',
    fromName: '小王',
    ruleId: null,
    groupId: null,
    text: '',
    state: 'pending',
    createdAt: 1_760_000_000_000,
    answeredAt: null,
    conversationId: null,
    ...overrides,
  };
}
