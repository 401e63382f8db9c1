/** 留言: left by a visitor when nobody is online; staff reply; the visitor sees it next visit. */
import { uuidv7, type OfflineMessage } from '../../shared/index.js';
import { audience } from '../store/types.js';
import type { OfflineMessageRow } from '../store/types.js';
import type { DomainContext, Principal } from './context.js';
import { requireStaff, requireVisitor } from './access.js';
import { refuse } from './errors.js';
import { toOfflineMessage } from './dto.js';

function emit(ctx: DomainContext, row: OfflineMessageRow): void {
  ctx.store.events.append(
    { type: 'offline-message.updated', offlineMessage: toOfflineMessage(row) },
    [audience.staff, audience.visitor(row.visitorId)],
    ctx.clock(),
  );
}

export function leaveOfflineMessage(ctx: DomainContext, principal: Principal, input: { name: string; contact: string; text: string }): OfflineMessage {
  const { visitor } = requireVisitor(principal);
  return ctx.store.transaction(() => {
    const now = ctx.clock();
    const row: OfflineMessageRow = {
      id: uuidv7(now),
      visitorId: visitor.id,
      ...input,
      status: 'unreplied',
      reply: null,
      repliedBy: null,
      createdAt: now,
      repliedAt: null,
    };
    ctx.store.offlineMessages.insert(row);
    emit(ctx, row);
    return toOfflineMessage(row);
  });
}

export function listOfflineMessages(ctx: DomainContext, principal: Principal, status?: 'unreplied' | 'replied'): OfflineMessage[] {
  requireStaff(principal);
  return ctx.store.offlineMessages.list(status).map(toOfflineMessage);
}

export function getOfflineMessage(ctx: DomainContext, principal: Principal, id: string): OfflineMessage {
  requireStaff(principal);
  const row = ctx.store.offlineMessages.byId(id);
  if (!row) return refuse('NOT_FOUND', 'No such offline message');
  return toOfflineMessage(row);
}

export function replyOfflineMessage(ctx: DomainContext, principal: Principal, id: string, text: string): OfflineMessage {
  const staff = requireStaff(principal);
  return ctx.store.transaction(() => {
    const row = ctx.store.offlineMessages.byId(id);
    if (!row) return refuse('NOT_FOUND', 'No such offline message');
    if (row.status === 'replied') refuse('INVALID_STATE', 'This offline message was already replied to');
    ctx.store.offlineMessages.update(id, { status: 'replied', reply: text, repliedBy: staff.agent.id, repliedAt: ctx.clock() });
    const updated = ctx.store.offlineMessages.byId(id)!;
    emit(ctx, updated);
    return toOfflineMessage(updated);
  });
}
