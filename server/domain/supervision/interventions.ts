/**
 * A supervisor steps in: 强制接管 (the conversation moves to them) and forced transfer (to an agent
 * or a group), both through routing's one transfer rule (moveConversation), audit-logged in the
 * same transaction. A leader moves only their own group's conversations, and only within it.
 */
import type { TransferBody } from '../../../shared/index.js';
import type { ConversationRow } from '../../store/types.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';
import { recordAudit } from '../admin/audit.js';
import { assertOwnGroup, type ConsoleActor } from '../admin/console-scope.js';
import { moveConversation } from '../routing.js';
import { OUTSIDE_GROUP, supervisedConversation } from './scope.js';

function openConversation(ctx: DomainContext, actor: ConsoleActor, id: string): ConversationRow {
  const row = supervisedConversation(ctx, actor, id);
  if (row.state === 'ended') refuse('INVALID_STATE', 'This conversation has ended');
  return row;
}

const placeOf = (row: ConversationRow) => ({ state: row.state, agentId: row.agentId, groupId: row.groupId });

/** 强制接管: the caller becomes the conversation's agent and chats in it from the console. */
export function takeOverConversation(ctx: DomainContext, actor: ConsoleActor, id: string): ConversationRow {
  const row = ctx.store.transaction(() => {
    const before = openConversation(ctx, actor, id);
    if (before.agentId === actor.id) refuse('INVALID_STATE', 'This conversation is already yours');
    moveConversation(ctx, before, { toAgentId: actor.id }, { takeOver: true });
    const after = ctx.store.conversations.byId(id)!;
    recordAudit(ctx, actor, 'conversation.takeOver', { type: 'conversation', id }, placeOf(before), placeOf(after));
    return after;
  });
  ctx.signal();
  return row;
}

/** Forced transfer of an open conversation; a leader's target must be in their own group. */
export function forceTransferConversation(ctx: DomainContext, actor: ConsoleActor, id: string, body: TransferBody): ConversationRow {
  const row = ctx.store.transaction(() => {
    const before = openConversation(ctx, actor, id);
    if ('toAgentId' in body) {
      const target = ctx.store.agents.byId(body.toAgentId);
      if (!target || target.disabledAt) return refuse('NOT_FOUND', 'No such agent');
      assertOwnGroup(actor, target.groupId, OUTSIDE_GROUP);
    } else {
      if (!ctx.store.groups.byId(body.toGroupId)) return refuse('NOT_FOUND', 'No such group');
      assertOwnGroup(actor, body.toGroupId, OUTSIDE_GROUP);
    }
    moveConversation(ctx, before, body);
    const after = ctx.store.conversations.byId(id)!;
    recordAudit(ctx, actor, 'conversation.transfer', { type: 'conversation', id }, placeOf(before), placeOf(after));
    return after;
  });
  ctx.signal();
  return row;
}
