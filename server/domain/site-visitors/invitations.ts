/**
 * 主动邀请: an agent (or an automatic rule, auto-invite.ts) invites a visitor who is on the site;
 * the visitor accepts (a conversation opens with the inviting agent, else through the group's
 * routing), declines, or lets it lapse (忽略). Each is a row, so the stats are counts.
 *
 * Lapsing is a fact of time, not of a timer: a pending row past its expiry reads as ignored
 * everywhere (toInvitation, the counts), and the sweep (sweepLapsedInvitations, run by every node
 * on start and every few seconds) writes it so and tells the visitor's pages and the agent.
 *
 * An accepted invitation that finds nobody to take the chat answers 409 NO_AGENT_AVAILABLE and
 * changes nothing: the invitation stays pending (then lapses to ignored, as nobody served it) and
 * the widget falls back to its usual start, which offers 留言 — the same as a chat started offline.
 */
import { uuidv7 } from '../../../shared/ids.js';
import { SITE_VISITOR_LIMITS, type InviteBodySchema, type Invitation } from '../../../shared/protocol/rest-site-visitors.js';
import type { z } from 'zod';
import type { Conversation } from '../../../shared/index.js';
import type { InvitationRow } from '../../store/site-visitor-types.js';
import type { AgentRow } from '../../store/types.js';
import type { DomainContext, Principal } from '../context.js';
import { requireVisitor } from '../access.js';
import { refuse } from '../errors.js';
import { toConversation } from '../dto.js';
import { eligibleAgents } from '../routing.js';
import { startConversation, type StartRoute } from '../visitors.js';
import { siteVisitorsLive } from './live.js';

/** What the widget shows when the agent typed nothing. */
export const DEFAULT_INVITATION_TEXT = '您好，有什么可以帮您？';
/** How many lapsed rows one sweep writes at most (the rest on the next). */
const SWEEP_BATCH = 500;

export const invitationTtlMs = (): number => SITE_VISITOR_LIMITS.invitationTtlSeconds * 1000;

/** The row as the API shows it: pending past its expiry is ignored, whether or not the sweep wrote it yet. */
export function toInvitation(row: InvitationRow, now: number): Invitation {
  const lapsed = row.state === 'pending' && row.expiresAt <= now;
  return {
    id: row.id,
    visitorId: row.visitorId,
    agentId: row.agentId,
    fromName: row.fromName,
    ruleId: row.ruleId,
    groupId: row.groupId,
    text: row.text,
    state: lapsed ? 'ignored' : row.state,
    createdAt: row.createdAt,
    answeredAt: lapsed ? row.expiresAt : row.answeredAt,
    conversationId: row.conversationId,
  };
}

/** After the commit: the visitor's pages, the inviting agent and the watchers hear of it. */
export function announceInvitation(ctx: DomainContext, row: InvitationRow): void {
  const live = siteVisitorsLive(ctx);
  live.invitationChanged(toInvitation(row, ctx.clock()));
  live.visitorChanged(row.visitorId);
}

/**
 * Why this visitor cannot be invited now (checked inside the inviting transaction), or null: they
 * must be on the site, not chatting and not holding an unanswered invitation.
 */
export function invitationBlocker(ctx: DomainContext, visitorId: string): 'NOT_ON_SITE' | 'ALREADY_CHATTING' | 'INVITATION_PENDING' | null {
  if (!siteVisitorsLive(ctx).isOnSite(visitorId)) return 'NOT_ON_SITE';
  if (ctx.store.conversations.openForVisitor(visitorId)) return 'ALREADY_CHATTING';
  if (ctx.store.invitations.pendingForVisitor(visitorId, ctx.clock())) return 'INVITATION_PENDING';
  return null;
}

const BLOCKER_MESSAGES = {
  NOT_ON_SITE: 'The visitor is no longer on the site',
  ALREADY_CHATTING: 'The visitor is chatting already',
  INVITATION_PENDING: 'The visitor has an invitation waiting for an answer',
} as const;

/** The row of a new invitation (agent's or rule's); the caller inserts it. */
export function newInvitationRow(
  ctx: DomainContext,
  fields: Pick<InvitationRow, 'visitorId' | 'agentId' | 'fromName' | 'ruleId' | 'ruleName' | 'groupId' | 'clientId' | 'text'>,
): InvitationRow {
  const now = ctx.clock();
  return {
    id: uuidv7(now),
    ...fields,
    text: fields.text || DEFAULT_INVITATION_TEXT,
    state: 'pending',
    createdAt: now,
    expiresAt: now + invitationTtlMs(),
    answeredAt: null,
    conversationId: null,
  };
}

/** 主动邀请 by a staff member; a retry with the same clientId returns the first answer. */
export function inviteSiteVisitor(ctx: DomainContext, agent: AgentRow, visitorId: string, body: z.output<typeof InviteBodySchema>): Invitation {
  const { row, created } = ctx.store.transaction(() => {
    const known = ctx.store.invitations.byClientId(body.clientId);
    if (known) {
      if (known.visitorId !== visitorId || known.agentId !== agent.id) refuse('CONFLICT', 'This clientId belongs to another invitation');
      return { row: known, created: false };
    }
    if (!ctx.store.visitors.byId(visitorId)) refuse('NOT_FOUND', 'No such visitor');
    const blocker = invitationBlocker(ctx, visitorId);
    if (blocker) refuse(blocker, BLOCKER_MESSAGES[blocker]);
    const fresh = newInvitationRow(ctx, {
      visitorId,
      agentId: agent.id,
      fromName: agent.nickname,
      ruleId: null,
      ruleName: '',
      groupId: agent.groupId,
      clientId: body.clientId,
      text: body.text.trim(),
    });
    ctx.store.invitations.insert(fresh);
    return { row: fresh, created: true };
  });
  if (created) announceInvitation(ctx, row);
  return toInvitation(row, ctx.clock());
}

/** The visitor's own invitation, still waiting for them; anyone else's reads as missing. */
function ownPending(ctx: DomainContext, visitorId: string, id: string): InvitationRow {
  const row = ctx.store.invitations.byId(id);
  if (!row || row.visitorId !== visitorId) return refuse('NOT_FOUND', 'No such invitation');
  if (toInvitation(row, ctx.clock()).state !== 'pending') refuse('INVALID_STATE', 'This invitation was already answered or has lapsed');
  return row;
}

/**
 * The inviting agent when they can take the chat now (在线 with a free slot); otherwise — or for
 * a rule's invitation — the routing of the invitation's group.
 */
function routeOf(ctx: DomainContext, row: InvitationRow): StartRoute {
  if (row.agentId && eligibleAgents(ctx, { statuses: ['online'], agentId: row.agentId }).length > 0) return { groupId: null, agentId: row.agentId };
  return { groupId: row.groupId, agentId: null };
}

export function acceptInvitation(ctx: DomainContext, principal: Principal, id: string, ip?: string): { invitation: Invitation; conversation: Conversation } {
  const { visitor } = requireVisitor(principal);
  const row = ctx.store.transaction(() => {
    const pending = ownPending(ctx, visitor.id, id);
    const outcome = startConversation(ctx, principal, ip, routeOf(ctx, pending));
    if (outcome.outcome !== 'started') return refuse('NO_AGENT_AVAILABLE', 'Nobody can take the chat now; leave a message instead');
    const answer = { state: 'accepted' as const, answeredAt: ctx.clock(), conversationId: outcome.conversation.id };
    if (!ctx.store.invitations.answer(pending.id, answer)) refuse('INVALID_STATE', 'This invitation was already answered or has lapsed');
    return { ...pending, ...answer };
  });
  announceInvitation(ctx, row);
  return { invitation: toInvitation(row, ctx.clock()), conversation: toConversation(ctx, ctx.store.conversations.byId(row.conversationId!)!) };
}

export function declineInvitation(ctx: DomainContext, principal: Principal, id: string): Invitation {
  const { visitor } = requireVisitor(principal);
  const row = ctx.store.transaction(() => {
    const pending = ownPending(ctx, visitor.id, id);
    const answer = { state: 'declined' as const, answeredAt: ctx.clock(), conversationId: null };
    if (!ctx.store.invitations.answer(pending.id, answer)) refuse('INVALID_STATE', 'This invitation was already answered or has lapsed');
    return { ...pending, ...answer };
  });
  announceInvitation(ctx, row);
  return toInvitation(row, ctx.clock());
}

/** Writes the invitations whose time ran out as ignored and tells who showed them; returns how many. */
export function sweepLapsedInvitations(ctx: DomainContext): number {
  const now = ctx.clock();
  const lapsed = ctx.store.transaction(() =>
    ctx.store.invitations
      .lapsed(now, SWEEP_BATCH)
      .filter((row) => ctx.store.invitations.answer(row.id, { state: 'ignored', answeredAt: row.expiresAt, conversationId: null }))
      .map((row): InvitationRow => ({ ...row, state: 'ignored', answeredAt: row.expiresAt })),
  );
  for (const row of lapsed) announceInvitation(ctx, row);
  return lapsed.length;
}
