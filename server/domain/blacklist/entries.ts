/**
 * 黑名单 entries: the console lists, adds and removes them (admins), the workstation adds the
 * visitor of a conversation the agent handles (when the company allows it). Each change writes
 * its audit entry in the same transaction; adding a visitor who is chatting ends the chat now.
 */
import type { z } from 'zod';
import { uuidv7, type BlacklistAddBodySchema, type BlacklistEntry, type BlacklistQuerySchema, type BlacklistVisitorBodySchema } from '../../../shared/index.js';
import type { BlacklistRow } from '../../store/blacklist-types.js';
import type { AgentRow } from '../../store/types.js';
import { handledConversation } from '../access.js';
import { recordAudit } from '../admin/audit.js';
import type { DomainContext, Principal } from '../context.js';
import { refuse } from '../errors.js';
import { phoneKey } from '../phone/numbers.js';
import { announceAdded, endOpenConversationIn } from './live-block.js';

type AddBody = z.output<typeof BlacklistAddBodySchema>;

export function toBlacklistEntry(row: BlacklistRow, now: number): BlacklistEntry {
  return {
    id: row.id,
    kind: row.kind,
    value: row.value,
    label: row.label,
    reason: row.reason,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    active: row.expiresAt === null || row.expiresAt > now,
    createdById: row.createdById,
    createdByAccount: row.createdByAccount,
  };
}

export function listBlacklist(ctx: DomainContext, query: z.output<typeof BlacklistQuerySchema>): BlacklistEntry[] {
  const now = ctx.clock();
  return ctx.store.blacklist.list({ ...query, q: query.q || undefined, now }).map((row) => toBlacklistEntry(row, now));
}

/** The fields the audit log keeps of an entry. */
const audited = (row: BlacklistRow) => ({ kind: row.kind, value: row.value, label: row.label, reason: row.reason, expiresAt: row.expiresAt });

/** Inside a transaction: checks, stores, audits, and ends the listed visitor's open chat. */
function insertEntry(ctx: DomainContext, actor: AgentRow, body: AddBody): { row: BlacklistRow; ended: boolean } {
  const now = ctx.clock();
  if (body.expiresAt !== null && body.expiresAt <= now) refuse('VALIDATION_FAILED', 'The expiry must lie in the future', { expiresAt: 'in the past' });
  // The schema has made addresses canonical; numbers are compared the way the call log compares them.
  const value = body.kind === 'phone' ? phoneKey(body.value) : body.value;
  let label: string | null = null;
  if (body.kind === 'visitor') {
    const visitor = ctx.store.visitors.byId(value) ?? refuse('VALIDATION_FAILED', 'No visitor has this id', { value: 'unknown visitor' });
    label = visitor.name;
  }
  if (ctx.store.blacklist.activeFor(body.kind, value, now).length > 0) refuse('CONFLICT', 'This is already on the blacklist', { value: 'already listed' });
  const row: BlacklistRow = {
    id: uuidv7(now),
    kind: body.kind,
    value,
    label,
    reason: body.reason,
    createdAt: now,
    expiresAt: body.expiresAt,
    createdById: actor.id,
    createdByAccount: actor.account,
  };
  ctx.store.blacklist.insert(row);
  recordAudit(ctx, actor, 'blacklist.add', { type: 'blacklist', id: row.id }, null, audited(row));
  const ended = body.kind === 'visitor' && endOpenConversationIn(ctx, value);
  return { row, ended };
}

export function addBlacklist(ctx: DomainContext, actor: AgentRow, body: AddBody): BlacklistEntry {
  const { row, ended } = ctx.store.transaction(() => insertEntry(ctx, actor, body));
  announceAdded(ctx, row, ended);
  return toBlacklistEntry(row, ctx.clock());
}

/** 加入黑名单 in the workstation: the visitor of a conversation this agent handles (admins: any). */
export function blacklistConversationVisitor(
  ctx: DomainContext,
  principal: Extract<Principal, { kind: 'staff' }>,
  body: z.output<typeof BlacklistVisitorBodySchema>,
): BlacklistEntry {
  const agent = principal.agent;
  if (agent.role !== 'admin' && !ctx.settings().agentsMayBlacklist) refuse('FORBIDDEN', 'The company does not let agents add visitors to the blacklist');
  const { row, ended } = ctx.store.transaction(() => {
    const conversation = handledConversation(ctx, principal, body.conversationId);
    return insertEntry(ctx, agent, { kind: 'visitor', value: conversation.visitorId, reason: body.reason, expiresAt: body.expiresAt });
  });
  announceAdded(ctx, row, ended);
  return toBlacklistEntry(row, ctx.clock());
}

export function removeBlacklist(ctx: DomainContext, actor: AgentRow, id: string): void {
  ctx.store.transaction(() => {
    const before = ctx.store.blacklist.byId(id) ?? refuse('NOT_FOUND', 'No such blacklist entry');
    ctx.store.blacklist.delete(id);
    recordAudit(ctx, actor, 'blacklist.remove', { type: 'blacklist', id }, audited(before), null);
  });
}
