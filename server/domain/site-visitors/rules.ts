/** 自动邀请 rules: an admin's list, each change audit-logged in its own transaction. */
import { uuidv7 } from '../../../shared/ids.js';
import { SITE_VISITOR_LIMITS, type InvitationRule, type InvitationRuleBodySchema } from '../../../shared/protocol/rest-site-visitors.js';
import type { z } from 'zod';
import type { InvitationRuleRow } from '../../store/site-visitor-types.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';
import { recordAudit, type Actor } from '../admin/audit.js';

type RuleBody = z.output<typeof InvitationRuleBodySchema>;

export const toInvitationRule = (row: InvitationRuleRow): InvitationRule => ({ ...row });

const target = (id: string) => ({ type: 'invitationRule', id }) as const;
/** The audited fields: the rule itself without its bookkeeping times. */
const fields = ({ createdAt: _c, updatedAt: _u, id: _i, ...rest }: InvitationRuleRow) => rest;

function knownGroup(ctx: DomainContext, groupId: string | null): void {
  if (groupId !== null && !ctx.store.groups.byId(groupId)) refuse('VALIDATION_FAILED', 'No such skill group', { groupId: 'unknown group' });
}

function existing(ctx: DomainContext, id: string): InvitationRuleRow {
  return ctx.store.invitationRules.byId(id) ?? refuse('NOT_FOUND', 'No such invitation rule');
}

export function listInvitationRules(ctx: DomainContext): InvitationRule[] {
  return ctx.store.invitationRules.list().map(toInvitationRule);
}

export function createInvitationRule(ctx: DomainContext, actor: Actor, body: RuleBody): InvitationRule {
  return ctx.store.transaction(() => {
    if (ctx.store.invitationRules.count() >= SITE_VISITOR_LIMITS.rulesMax)
      refuse('CONFLICT', `A company has at most ${SITE_VISITOR_LIMITS.rulesMax} invitation rules`);
    knownGroup(ctx, body.groupId);
    const now = ctx.clock();
    const row: InvitationRuleRow = { id: uuidv7(now), ...body, createdAt: now, updatedAt: now };
    ctx.store.invitationRules.insert(row);
    recordAudit(ctx, actor, 'invitationRule.create', target(row.id), null, fields(row));
    return toInvitationRule(row);
  });
}

export function updateInvitationRule(ctx: DomainContext, actor: Actor, id: string, body: RuleBody): InvitationRule {
  return ctx.store.transaction(() => {
    const before = existing(ctx, id);
    knownGroup(ctx, body.groupId);
    const after: InvitationRuleRow = { ...before, ...body, updatedAt: ctx.clock() };
    ctx.store.invitationRules.update(id, { ...body, updatedAt: after.updatedAt });
    recordAudit(ctx, actor, 'invitationRule.update', target(id), fields(before), fields(after));
    return toInvitationRule(after);
  });
}

/** Its invitations stay (with the rule's name) and keep counting in the stats. */
export function deleteInvitationRule(ctx: DomainContext, actor: Actor, id: string): { ok: true } {
  return ctx.store.transaction(() => {
    const before = existing(ctx, id);
    ctx.store.invitationRules.delete(id);
    recordAudit(ctx, actor, 'invitationRule.delete', target(id), fields(before), null);
    return { ok: true as const };
  });
}
