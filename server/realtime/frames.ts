/** Client frames after hello: draft (实时查看) and typing. message.send goes through message-batch.ts. */
import { LIMITS, type ClientFrame } from '../../shared/index.js';
import type { DomainContext } from '../domain/context.js';
import { handledConversation } from '../domain/access.js';
import { refuse } from '../domain/errors.js';
import type { Client } from './client.js';
import { adminsAnd, type Fanout } from './fanout.js';

type Frame<T extends ClientFrame['type']> = Extract<ClientFrame, { type: T }>;

/** Visitor → the assigned agent and admins; at most one frame per draftThrottleMs, the latest text wins. */
export function handleDraft(ctx: DomainContext, fanout: Fanout, client: Client, frame: Frame<'draft'>): void {
  const principal = client.principal!;
  if (principal.kind !== 'visitor') refuse('FORBIDDEN', 'Only visitors send drafts');
  const conversation = handledConversation(ctx, principal, frame.conversationId);
  if (conversation.state === 'ended') refuse('INVALID_STATE', 'This conversation has ended');
  const deliver = (text: string): void => {
    const current = ctx.store.conversations.byId(frame.conversationId);
    fanout.toStaff({ type: 'draft', conversationId: frame.conversationId, text }, adminsAnd(current?.agentId));
  };
  const now = Date.now();
  const state = client.drafts.get(frame.conversationId) ?? { lastAt: 0, pending: null, timer: null };
  client.drafts.set(frame.conversationId, state);
  const wait = state.lastAt + LIMITS.draftThrottleMs - now;
  if (wait <= 0 && !state.timer) {
    state.lastAt = now;
    deliver(frame.text);
    return;
  }
  state.pending = frame.text;
  state.timer ??= setTimeout(
    () => {
      state.timer = null;
      state.lastAt = Date.now();
      if (state.pending !== null) deliver(state.pending);
      state.pending = null;
    },
    Math.max(wait, 0),
  );
}

/** Agent → the visitor of a conversation they handle. */
export function handleTyping(ctx: DomainContext, fanout: Fanout, client: Client, frame: Frame<'typing'>): void {
  const principal = client.principal!;
  if (principal.kind !== 'staff') refuse('FORBIDDEN', 'Only agents send typing');
  const conversation = handledConversation(ctx, principal, frame.conversationId);
  if (conversation.state !== 'active') refuse('INVALID_STATE', 'This conversation is not active');
  fanout.toVisitor(conversation.visitorId, { type: 'typing', conversationId: conversation.id, typing: frame.typing });
}
