/** The visitor's identity (a token kept by the widget) and starting a chat. */
import { randomInt } from 'node:crypto';
import { uuidv7, type VisitorSessionResponse } from '../../shared/index.js';
import { visitorRulesOf } from '../../shared/company-rules.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { ConversationRow, VisitorRow } from '../store/types.js';
import type { DomainContext, Principal } from './context.js';
import { requireVisitor } from './access.js';
import { refuse } from './errors.js';
import { toConversation, toOfflineMessage } from './dto.js';
import { agentsAvailable, routeNew } from './routing.js';
import { blockedRefusal, isVisitorBlocked } from './blacklist/enforcement.js';
import { businessHoursNow, refuseBeyondQueueLength, refuseOutsideBusinessHours } from './visitor-admission.js';

export interface VisitorSessionInput {
  token?: string;
  name?: string;
  groupId?: string;
  agentId?: string;
}

/** Same token → same visitor; no or unknown token → a new identity with a new token. */
export function openVisitorSession(ctx: DomainContext, input: VisitorSessionInput, ip?: string): VisitorSessionResponse {
  // A listed address gets no identity at all; a listed visitor is refused below, before any write.
  if (isVisitorBlocked(ctx, { ip })) throw blockedRefusal();
  if (input.groupId && !ctx.store.groups.byId(input.groupId)) refuse('VALIDATION_FAILED', 'Unknown group', { groupId: 'unknown group' });
  if (input.agentId && !ctx.store.agents.byId(input.agentId)) refuse('VALIDATION_FAILED', 'Unknown agent', { agentId: 'unknown agent' });
  const { visitor, token } = ctx.store.transaction(() => {
    const known = input.token ? ctx.store.visitors.byTokenHash(hashToken(input.token)) : undefined;
    const prefs = { prefGroupId: input.groupId ?? null, prefAgentId: input.agentId ?? null };
    if (known && isVisitorBlocked(ctx, { visitorId: known.id })) throw blockedRefusal();
    if (known && input.token) {
      ctx.store.visitors.update(known.id, { ...prefs, ...(input.name ? { name: input.name } : {}) });
      return { visitor: ctx.store.visitors.byId(known.id)!, token: input.token };
    }
    const fresh = newToken();
    const row: VisitorRow = { id: uuidv7(ctx.clock()), tokenHash: hashToken(fresh), name: input.name ?? '访客', ...prefs, createdAt: ctx.clock() };
    ctx.store.visitors.insert(row);
    return { visitor: row, token: fresh };
  });
  const open = ctx.store.conversations.openForVisitor(visitor.id);
  return {
    token,
    visitor: { id: visitor.id, name: visitor.name },
    conversation: open ? toConversation(ctx, open) : null,
    agentsAvailable: agentsAvailable(ctx, visitor.prefGroupId, visitor.prefAgentId),
    offlineMessages: ctx.store.offlineMessages.forVisitor(visitor.id).map(toOfflineMessage),
    settings: { ...visitorRulesOf(ctx.settings()), queueTimeoutSeconds: ctx.settings().queueTimeoutSeconds },
    businessHours: businessHoursNow(ctx),
  };
}

function newRoomNo(ctx: DomainContext): string {
  for (let i = 0; i < 100; i++) {
    const roomNo = `访客${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    if (!ctx.store.conversations.openRoomNoTaken(roomNo)) return roomNo;
  }
  return refuse('INTERNAL', 'Could not find a free room number');
}

export type StartOutcome = { outcome: 'started'; conversation: ConversationRow } | { outcome: 'offline' };

/** Who a new chat is routed to: the widget's link (group, 指定客服) unless, e.g., an invitation names others. */
export interface StartRoute {
  groupId: string | null;
  agentId: string | null;
}

/** Returns the open conversation, or starts one (routed or queued), or says nobody is online. */
export function startConversation(ctx: DomainContext, principal: Principal, ip?: string, route?: StartRoute): StartOutcome {
  const { visitor } = requireVisitor(principal);
  const outcome = ctx.store.transaction((): StartOutcome => {
    // Checked inside the transaction: an entry added meanwhile cannot let a chat slip through.
    if (isVisitorBlocked(ctx, { visitorId: visitor.id, ip })) throw blockedRefusal();
    const open = ctx.store.conversations.openForVisitor(visitor.id);
    if (open) return { outcome: 'started', conversation: open };
    // Outside 工作时间 no new chat starts; an open one (above) goes on whatever the hour.
    refuseOutsideBusinessHours(ctx);
    const current = ctx.store.visitors.byId(visitor.id)!;
    const { groupId, agentId } = route ?? { groupId: current.prefGroupId, agentId: current.prefAgentId };
    if (!agentsAvailable(ctx, groupId, agentId)) return { outcome: 'offline' };
    const now = ctx.clock();
    const row: ConversationRow = {
      id: uuidv7(now),
      roomNo: newRoomNo(ctx),
      visitorId: visitor.id,
      agentId: null,
      groupId,
      requestedAgentId: agentId,
      state: 'queued',
      startedBy: 'visitor',
      endedBy: null,
      valid: null,
      createdAt: now,
      assignedAt: null,
      endedAt: null,
      queuedAt: null,
      queueOrder: null,
      lastMessageAt: null,
      lastMessageSeq: 0,
      lastAgentMessageAt: null,
      lastVisitorMessageAt: null,
      awaitingVisitor: false,
      summaryTopicId: null,
      summaryTopicName: null,
      summaryNote: null,
      summaryAgentId: null,
      summaryAt: null,
      evaluationPushed: false,
      evaluationRating: null,
      evaluationComment: null,
      evaluationAt: null,
    };
    ctx.store.conversations.insert(row);
    routeNew(ctx, row);
    // Rolls the new conversation back when it would wait beyond 最大排队人数.
    refuseBeyondQueueLength(ctx, row.id);
    return { outcome: 'started', conversation: ctx.store.conversations.byId(row.id)! };
  });
  ctx.signal();
  return outcome;
}
