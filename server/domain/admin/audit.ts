/**
 * 操作日志: every console change is written here, in the same transaction as the change itself, so
 * the log never shows a change that did not happen nor misses one that did. Entries keep only the
 * fields that changed (all of them for a creation or deletion); secrets are never written.
 */
import type { z } from 'zod';
import { uuidv7, type AuditAction, type AuditEntry, type AuditPage, type AuditQuerySchema } from '../../../shared/index.js';
import type { AuditRow } from '../../store/audit-types.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';

export interface Actor {
  id: string;
  account: string;
}

export type AuditTarget = { type: AuditEntry['targetType']; id: string | null };

type Fields = Record<string, unknown>;

/** Never in the log, whatever object a caller hands over. */
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'tokenHash', 'refreshHash']);

const withoutSecrets = (fields: Fields | null): Fields | null =>
  fields && Object.fromEntries(Object.entries(fields).filter(([key, value]) => !SECRET_FIELDS.has(key) && value !== undefined));

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** For an update: only the fields whose value changed, before and after. */
function changedOnly(before: Fields, after: Fields): { before: Fields; after: Fields } {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !same(before[key], after[key]));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])), after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])) };
}

/**
 * Writes one entry. Call inside the change's transaction. An update that changed nothing is not
 * logged; a password change is logged as `passwordChanged: true` by the caller, never its value.
 */
export function recordAudit(ctx: DomainContext, actor: Actor, action: AuditAction, target: AuditTarget, before: Fields | null, after: Fields | null): void {
  let b = withoutSecrets(before);
  let a = withoutSecrets(after);
  if (b && a) {
    ({ before: b, after: a } = changedOnly(b, a));
    if (Object.keys(a).length === 0) return;
  }
  const now = ctx.clock();
  ctx.store.audit.insert({
    id: uuidv7(now),
    at: now,
    actorId: actor.id,
    actorAccount: actor.account,
    action,
    targetType: target.type,
    targetId: target.id,
    beforeJson: b && JSON.stringify(b),
    afterJson: a && JSON.stringify(a),
  });
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actorId,
    actorAccount: row.actorAccount,
    action: row.action as AuditAction,
    targetType: row.targetType as AuditEntry['targetType'],
    targetId: row.targetId,
    before: row.beforeJson === null ? null : (JSON.parse(row.beforeJson) as Fields),
    after: row.afterJson === null ? null : (JSON.parse(row.afterJson) as Fields),
  };
}

/** A page of the log, newest first; `before` is the id of the last entry of the previous page. */
export function listAudit(ctx: DomainContext, query: z.output<typeof AuditQuerySchema>): AuditPage {
  let before: { at: number; position: number } | undefined;
  if (query.before !== undefined) {
    const anchor = ctx.store.audit.byId(query.before) ?? refuse('VALIDATION_FAILED', 'The page cursor names no entry', { 'query.before': 'unknown entry' });
    before = { at: anchor.at, position: anchor.position! };
  }
  // One more than asked: whether another page follows, without counting the whole log.
  const rows = ctx.store.audit.page({ ...query, before, limit: query.limit + 1 });
  return { entries: rows.slice(0, query.limit).map(toEntry), hasMore: rows.length > query.limit };
}
