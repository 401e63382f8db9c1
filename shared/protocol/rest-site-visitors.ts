/**
 * 访客监控 and 主动邀请 (issue 14): the visitors on the company's site right now, and the
 * invitations agents (or the admins' automatic rules) send them.
 *
 * Who is on the site is known from the widget's hidden trail frame, which keeps a realtime socket
 * open (`browse.hello`, ./realtime.ts) on every page of the host site: open means on the site;
 * closed for longer than a navigation takes means gone. Staff read the list once over REST and then
 * get deltas (`site-visitor`, `site-visitor.left`) while they watch (`site-visitors.watch`), so a
 * workstation that does not show the list costs the server nothing.
 *
 * An invitation reaches the browsing visitor over that same socket (`invitation` frame); the widget
 * shows it over the host page; accepting opens a conversation with the inviting agent (or, for a
 * rule's invitation, through the routing of the rule's group); declining or letting it lapse is
 * recorded. Every invitation is a stored fact, so the stats (sent, accepted) are counts of rows.
 */
import { z } from 'zod';
import { ConversationSchema, nameField, textField } from '../domain.js';
import { queryInt } from '../query-number.js';
import { ClientIdSchema, Id, IdParams, Ok } from './rest-common.js';
import type { RouteDef } from './rest.js';

export const SITE_VISITOR_LIMITS = {
  /** Visitors one snapshot returns at most (the busiest first-seen order is kept; the rest arrive as deltas). */
  snapshotMax: 5000,
  /** Characters of an invitation's words. */
  invitationTextMax: 200,
  /** Seconds an invitation waits for an answer before it counts as ignored (忽略). */
  invitationTtlSeconds: 120,
  /** Automatic invitation rules a company may have. */
  rulesMax: 50,
  /** Characters of a rule's URL pattern or source pattern. */
  patternMax: 200,
  /** Seconds on a page a rule may wait for (an hour). */
  dwellSecondsMax: 3600,
  /** An invitation cap (per visitor per day, or per rule per day). */
  capMax: 100000,
  /** Days one stats query may span. */
  statsDaysMax: 366,
} as const;

/** One visitor on the site now, as 访客监控 lists them. */
export const SiteVisitorSchema = z.object({
  visitorId: z.string(),
  nickname: z.string(),
  /** 当前页面. */
  currentUrl: z.string(),
  currentTitle: z.string(),
  /** When this visit to the site began (the first page of the visit); 停留时间 is now − this. */
  visitStartedAt: z.number().int(),
  /** Pages viewed in this visit (访问页数). */
  pagesViewed: z.number().int().nonnegative(),
  /** 来源: the referrer of the visit's first page ('' typed in or hidden). */
  source: z.string(),
  /** 'baidu', 'google', 'bing', 'sogou', '360' or ''. */
  searchEngine: z.string(),
  /** 搜索关键词. */
  keyword: z.string(),
  /** 地区, from the IP ('' unknown). */
  region: z.string(),
  /** 访问次数: visits so far including this one. */
  visitCount: z.number().int().positive(),
  /** The widget's group (data-group) on this page, null when none. */
  groupId: z.string().nullable(),
  /** The visitor's open conversation (对话中), null when only browsing. */
  conversationId: z.string().nullable(),
  /** The agent of that conversation, null when queued or not chatting. */
  agentId: z.string().nullable(),
  /** The invitation waiting for an answer, null when none. */
  pendingInvitationId: z.string().nullable(),
});
export type SiteVisitor = z.infer<typeof SiteVisitorSchema>;

export const InvitationStateSchema = z.enum(['pending', 'accepted', 'declined', 'ignored']);
export type InvitationState = z.infer<typeof InvitationStateSchema>;

export const InvitationSchema = z.object({
  id: z.string(),
  visitorId: z.string(),
  /** The inviting agent (主动邀请); null for a rule's invitation (自动邀请), which is answered by the group's routing. */
  agentId: z.string().nullable(),
  /** The name the widget shows as the inviter: the agent's nickname, or the company's for a rule. */
  fromName: z.string(),
  ruleId: z.string().nullable(),
  groupId: z.string().nullable(),
  text: z.string(),
  state: InvitationStateSchema,
  createdAt: z.number().int(),
  answeredAt: z.number().int().nullable(),
  /** The conversation an accepted invitation opened. */
  conversationId: z.string().nullable(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const InviteBodySchema = z.strictObject({
  /** UUID given by the agent's workstation; a retry returns the same invitation. */
  clientId: ClientIdSchema,
  /** The words shown to the visitor; '' → the default greeting. */
  text: z.string().max(SITE_VISITOR_LIMITS.invitationTextMax).default(''),
});
export type InviteBody = z.input<typeof InviteBodySchema>;

export const VisitorIdParams = z.strictObject({ visitorId: Id });

/** Where a rule's visitor came from (来源). */
export const RuleSourceSchema = z.enum(['any', 'search', 'referral', 'direct', 'campaign']);
export type RuleSource = z.infer<typeof RuleSourceSchema>;

/** An automatic invitation rule (自动邀请), set by an admin in the console. */
export const InvitationRuleBodySchema = z.strictObject({
  name: nameField(60),
  enabled: z.boolean(),
  /** The page's URL must contain this ('' any page); `*` matches any run of characters. */
  urlPattern: z.string().trim().max(SITE_VISITOR_LIMITS.patternMax),
  /** Seconds the visitor has been on a matching page before the invitation goes out. */
  dwellSeconds: z.number().int().min(0).max(SITE_VISITOR_LIMITS.dwellSecondsMax),
  source: RuleSourceSchema,
  /** With source 'search' or 'referral': the referrer or keyword must contain this ('' any). */
  sourcePattern: z.string().trim().max(SITE_VISITOR_LIMITS.patternMax),
  /** Only visitors who have been here before (回访客). */
  returningOnly: z.boolean(),
  /** The group whose agents answer an accepted invitation (null: the default routing). */
  groupId: Id.nullable(),
  text: textField(SITE_VISITOR_LIMITS.invitationTextMax),
  /** Invitations one visitor gets from this rule per day, at most. */
  perVisitorPerDay: z.number().int().min(1).max(SITE_VISITOR_LIMITS.capMax),
  /** Invitations this rule sends per day in all, at most. */
  perDay: z.number().int().min(1).max(SITE_VISITOR_LIMITS.capMax),
});
export type InvitationRuleBody = z.input<typeof InvitationRuleBodySchema>;

export const InvitationRuleSchema = InvitationRuleBodySchema.extend({
  id: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type InvitationRule = z.infer<typeof InvitationRuleSchema>;

/** Invitation figures over a period of company days (for the console and the reports). */
export const InvitationStatsQuerySchema = z.strictObject({
  /** First company day, YYYY-MM-DD in the company's zone. */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Last company day included. */
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  groupId: Id.optional(),
});

export const InvitationCountsSchema = z.object({
  sent: z.number().int(),
  accepted: z.number().int(),
  declined: z.number().int(),
  ignored: z.number().int(),
  pending: z.number().int(),
});
export type InvitationCounts = z.infer<typeof InvitationCountsSchema>;

export const InvitationStatsSchema = z.object({
  total: InvitationCountsSchema,
  /** 主动邀请 per agent. */
  byAgent: z.array(InvitationCountsSchema.extend({ agentId: z.string(), agentName: z.string() })),
  /** 自动邀请 per rule. */
  byRule: z.array(InvitationCountsSchema.extend({ ruleId: z.string(), ruleName: z.string() })),
});
export type InvitationStats = z.infer<typeof InvitationStatsSchema>;

const admin = '/api/admin/invitation-rules';

export const siteVisitorRoutes = {
  listSiteVisitors: {
    method: 'GET',
    path: '/api/site-visitors',
    access: 'staff',
    summary: '访客监控: the visitors on the site now (deltas follow over the realtime socket while watched)',
    query: z.strictObject({ limit: queryInt(1, SITE_VISITOR_LIMITS.snapshotMax).optional() }),
    response: z.array(SiteVisitorSchema),
  },
  inviteSiteVisitor: {
    method: 'POST',
    path: '/api/site-visitors/:visitorId/invitations',
    access: 'staff',
    summary: '主动邀请: invite a browsing visitor to chat with the caller; idempotent on clientId',
    params: VisitorIdParams,
    body: InviteBodySchema,
    response: InvitationSchema,
  },
  acceptInvitation: {
    method: 'POST',
    path: '/api/visitor/invitations/:id/accept',
    access: 'visitor',
    summary: 'The visitor accepts an invitation: a conversation opens with the inviting agent (or the rule’s group)',
    params: IdParams,
    response: z.object({ invitation: InvitationSchema, conversation: ConversationSchema }),
  },
  declineInvitation: {
    method: 'POST',
    path: '/api/visitor/invitations/:id/decline',
    access: 'visitor',
    summary: 'The visitor declines an invitation (recorded)',
    params: IdParams,
    response: InvitationSchema,
  },
  listInvitationRules: {
    method: 'GET',
    path: admin,
    access: 'admin',
    summary: '自动邀请 rules',
    response: z.array(InvitationRuleSchema),
  },
  createInvitationRule: {
    method: 'POST',
    path: admin,
    access: 'admin',
    summary: 'Add an automatic invitation rule',
    body: InvitationRuleBodySchema,
    response: InvitationRuleSchema,
  },
  updateInvitationRule: {
    method: 'PUT',
    path: `${admin}/:id`,
    access: 'admin',
    summary: 'Change an automatic invitation rule',
    params: IdParams,
    body: InvitationRuleBodySchema,
    response: InvitationRuleSchema,
  },
  deleteInvitationRule: {
    method: 'DELETE',
    path: `${admin}/:id`,
    access: 'admin',
    summary: 'Delete an automatic invitation rule (its invitations stay in the stats)',
    params: IdParams,
    response: Ok,
  },
  invitationStats: {
    method: 'GET',
    path: '/api/admin/invitations/stats',
    access: 'leader',
    summary: 'Invitations sent, accepted, declined and ignored per agent and per rule (a group leader: their own group’s)',
    query: InvitationStatsQuerySchema,
    response: InvitationStatsSchema,
  },
} as const satisfies Record<string, RouteDef>;
