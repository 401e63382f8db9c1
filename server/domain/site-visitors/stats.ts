/**
 * Invitation figures (sent, accepted, declined, ignored, pending) per agent and per rule over
 * company days — counts of invitation rows, so they hold after a restart and on every node. A
 * group leader sees their own group's (the group an invitation was sent for: the agent's group
 * then, or the rule's group); an admin everyone's, or one group's when asked.
 */
import {
  SITE_VISITOR_LIMITS,
  type InvitationCounts,
  type InvitationStats,
  type InvitationStatsQuerySchema,
} from '../../../shared/protocol/rest-site-visitors.js';
import type { z } from 'zod';
import type { InvitationCountRow } from '../../store/site-visitor-types.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';
import { assertOwnGroup, groupInView, type ConsoleActor } from '../admin/console-scope.js';
import { dayBounds } from '../monitoring/company-day.js';

const DAY_MS = 86_400_000;

const zero = (): InvitationCounts => ({ sent: 0, accepted: 0, declined: 0, ignored: 0, pending: 0 });

/** A real calendar date (the schema checks the shape only): 2026-02-30 is refused. */
function dayNumber(date: string, field: string): number {
  const at = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== date) refuse('VALIDATION_FAILED', 'Not a date', { [field]: 'not a date' });
  return at / DAY_MS;
}

function add(counts: InvitationCounts, row: InvitationCountRow): void {
  counts.sent += row.count;
  counts[row.state] += row.count;
}

/** The rows grouped by owner, each owner's counts and newest name. */
function byOwner(rows: InvitationCountRow[]): Map<string, { name: string; counts: InvitationCounts }> {
  const owners = new Map<string, { name: string; counts: InvitationCounts }>();
  for (const row of rows) {
    let owner = owners.get(row.key);
    if (!owner) owners.set(row.key, (owner = { name: row.name, counts: zero() }));
    add(owner.counts, row);
  }
  return owners;
}

export function invitationStats(ctx: DomainContext, actor: ConsoleActor, query: z.output<typeof InvitationStatsQuerySchema>): InvitationStats {
  const days = dayNumber(query.to, 'to') - dayNumber(query.from, 'from') + 1;
  if (days < 1) refuse('VALIDATION_FAILED', 'The period ends before it begins', { to: 'before from' });
  if (days > SITE_VISITOR_LIMITS.statsDaysMax) refuse('VALIDATION_FAILED', `At most ${SITE_VISITOR_LIMITS.statsDaysMax} days at once`, { to: 'too far' });
  if (query.groupId !== undefined) assertOwnGroup(actor, query.groupId, 'A group leader sees their own group’s invitations only');
  const groupId = query.groupId ?? groupInView(actor);
  const zone = ctx.settings().timeZone;
  const from = dayBounds(query.from, zone).start;
  const to = dayBounds(query.to, zone).end;
  const now = ctx.clock();
  const agents = byOwner(ctx.store.invitations.countsBy('agent', from, to, now, groupId));
  const rules = byOwner(ctx.store.invitations.countsBy('rule', from, to, now, groupId));
  const total = zero();
  for (const owner of [...agents.values(), ...rules.values()])
    for (const key of Object.keys(total) as (keyof InvitationCounts)[]) total[key] += owner.counts[key];
  return {
    total,
    byAgent: [...agents].map(([agentId, { name, counts }]) => ({ agentId, agentName: ctx.store.agents.byId(agentId)?.nickname ?? name, ...counts })),
    byRule: [...rules].map(([ruleId, { name, counts }]) => ({ ruleId, ruleName: ctx.store.invitationRules.byId(ruleId)?.name ?? name, ...counts })),
  };
}
